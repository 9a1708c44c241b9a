"""Whole-page cache of Wagtail pages for anonymous visitors (portal/page_cache.py).

Rules under test: only visitors without per-visitor state (no session, no messages cookie, not signed in)
read or create entries; flash messages and signed-in pages are never stored; CSRF tokens on cached pages are
the visitor's own; publishing or changing content starts afresh; languages never mix."""

import io
import re

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from catalog.showcase.models import Product
from catalog.showcase.services import notify_products_changed
from portal.page_cache import HIT_HEADER
from portal.signals import content_changed
from tests.factories.accounts import StaffFactory
from tests.factories.inquiries import build_showcase

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache on (the test settings keep it off), empty before and after each test."""
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shop(settings):
    """The showcase with a cake that offers samples; Stripe keys set so that its page has the POST form."""
    settings.STRIPE_SECRET_KEY = "sk_test_page_cache"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_page_cache"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_page_cache"
    shop = build_showcase()
    Product.objects.filter(pk=shop.cake.pk).update(sample_available=True, sample_price_twd="150.00", sample_limit=2)
    return shop


def product_page(lang, product):
    return f"/{lang}/showcase/product/{product.pk}-pineapple-cake/"


def is_hit(response):
    return response.get(HIT_HEADER) == "hit"


def csrf_token_in(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def messages_cookie(text):
    """The cookie Django's message framework sets when a view adds a flash message before a redirect."""
    storage = CookieStorage(HttpRequest())
    return storage._encode([messages.storage.base.Message(messages.SUCCESS, text)])


class TestAnonymousVisitors:
    def test_second_request_is_served_from_the_cache_without_queries(self, shop):
        """The first anonymous visit renders and stores the page; the next one is a hit with no query."""
        first = Client().get("/en/")
        assert first.status_code == 200 and not is_hit(first)
        with CaptureQueriesContext(connection) as queries:
            second = Client().get("/en/")
        assert is_hit(second)
        assert len(queries) == 0
        assert second.content == first.content
        assert "Cookie" in second["Vary"]

    def test_product_and_category_pages_are_cached(self, shop):
        """Routable showcase pages (product, category) are Wagtail pages too."""
        for path in (product_page("en", shop.cake), "/en/showcase/category/food-beverage/"):
            assert Client().get(path).status_code == 200
            assert is_hit(Client().get(path)), path

    def test_off_when_page_cache_seconds_is_zero(self, shop, settings):
        """PAGE_CACHE_SECONDS = 0 turns the cache off."""
        settings.PAGE_CACHE_SECONDS = 0
        Client().get("/en/")
        assert not is_hit(Client().get("/en/"))

    def test_views_other_than_wagtail_pages_are_never_cached(self, shop):
        """Search, accounts and sample-order pages are not Wagtail pages and always render afresh."""
        for path in ("/en/search/?q=cake", "/en/accounts/login/", "/en/samples/cart/"):
            Client().get(path)
            assert not is_hit(Client().get(path)), path

    def test_query_strings_are_part_of_the_key(self, shop):
        """Another query string is another page."""
        Client().get("/en/showcase/category/food-beverage/")
        assert not is_hit(Client().get("/en/showcase/category/food-beverage/?page=2"))


class TestLanguages:
    def test_language_versions_are_never_mixed(self, shop):
        """The English and Chinese home pages are stored apart; each language gets its own."""
        english = Client().get("/en/")
        chinese = Client().get("/zh-hant/")
        assert not is_hit(chinese)
        assert '<html lang="zh-Hant">' in chinese.content.decode()
        again_en, again_zh = Client().get("/en/"), Client().get("/zh-hant/")
        assert is_hit(again_en) and is_hit(again_zh)
        assert '<html lang="en">' in again_en.content.decode()
        assert '<html lang="zh-Hant">' in again_zh.content.decode()
        assert again_en.content == english.content


class TestSignedInAndPerVisitorState:
    def test_signed_in_user_neither_gets_nor_creates_cached_pages(self, shop):
        """A signed-in visitor's page (with the account menu) is rendered for them and never stored."""
        anonymous_page = Client().get("/en/").content.decode()
        assert is_hit(Client().get("/en/"))
        member = Client()
        member.force_login(shop.member)
        for _ in range(2):
            response = member.get("/en/")
            assert not is_hit(response)
            assert "Log out" in response.content.decode()
        assert "Log out" not in anonymous_page

    def test_signed_in_pages_do_not_end_up_in_the_cache(self, shop):
        """Pages rendered for a signed-in visitor (staff here) are not served to the next anonymous one."""
        staff = Client()
        staff.force_login(StaffFactory())
        staff.get(product_page("en", shop.cake))
        anonymous = Client().get(product_page("en", shop.cake))
        assert not is_hit(anonymous)
        assert "Log out" not in anonymous.content.decode()

    def test_a_visitor_with_a_flash_message_gets_a_fresh_page_and_it_is_not_stored(self, shop):
        """A message waiting in the messages cookie is shown to its visitor only, never cached."""
        Client().get("/en/")
        visitor = Client()
        visitor.cookies["messages"] = messages_cookie("Your inquiry was sent.")
        response = visitor.get("/en/")
        assert not is_hit(response)
        assert "Your inquiry was sent." in response.content.decode()
        after = Client().get("/en/")
        assert is_hit(after)
        assert "Your inquiry was sent." not in after.content.decode()

    def test_a_visitor_with_a_sample_cart_sees_their_cart(self, shop):
        """After adding a sample (session + message), the product page shows the cart link and the message;
        the page kept for other visitors shows neither."""
        Client().get(product_page("en", shop.cake))
        buyer = Client()
        buyer.post(f"/en/samples/cart/add/{shop.cake.pk}/", {"quantity": 1})
        html = buyer.get(product_page("en", shop.cake)).content.decode()
        assert "View your sample cart (1 product)" in html
        assert "is in your sample cart" in html
        other = Client().get(product_page("en", shop.cake))
        assert is_hit(other)
        assert "View your sample cart" not in other.content.decode()
        assert "is in your sample cart" not in other.content.decode()


class TestCsrf:
    def test_a_new_visitor_can_post_the_form_of_a_cached_page(self, shop):
        """The cached product page carries a token made from the new visitor's own cookie, so "Add to sample
        cart" passes the CSRF check; the first visitor's token is not in it."""
        first = Client(enforce_csrf_checks=True)
        first_html = first.get(product_page("en", shop.cake)).content.decode()
        first_secret = first.cookies["csrftoken"].value
        assert _unmask_cipher_token(csrf_token_in(first_html)) == first_secret

        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(product_page("en", shop.cake))
        assert is_hit(response)
        token = csrf_token_in(response.content.decode())
        secret = visitor.cookies["csrftoken"].value
        assert secret != first_secret
        assert _unmask_cipher_token(token) == secret

        posted = visitor.post(f"/en/samples/cart/add/{shop.cake.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token})
        assert posted.status_code == 303
        assert "View your sample cart (1 product)" in visitor.get(product_page("en", shop.cake)).content.decode()

    def test_a_returning_visitor_keeps_their_csrf_cookie(self, shop):
        """A visitor who already has a CSRF cookie gets a token for that cookie from the cached page."""
        Client().get(product_page("en", shop.cake))
        visitor = Client(enforce_csrf_checks=True)
        visitor.get("/en/showcase/category/food-beverage/")
        visitor.get("/en/showcase/")
        visitor.cookies["csrftoken"] = "a" * 32
        response = visitor.get(product_page("en", shop.cake))
        assert is_hit(response)
        assert _unmask_cipher_token(csrf_token_in(response.content.decode())) == "a" * 32


class TestFreshness:
    def test_publishing_a_page_shows_the_new_content_at_once(self, shop):
        """Publishing a new revision of a page starts a new generation: the next visitor sees it."""
        Client().get("/en/showcase/")
        assert is_hit(Client().get("/en/showcase/"))
        page = shop.showcase_en
        page.hero_heading = "Fresh from Taipei"
        page.save_revision().publish()
        response = Client().get("/en/showcase/")
        assert not is_hit(response)
        assert "Fresh from Taipei" in response.content.decode()

    def test_an_approved_product_change_shows_on_its_page_and_in_its_category(self, shop):
        """Approving (publishing) a product's new revision refreshes its page and the category listing."""
        call_command("search_rebuild", "--no-progress", stdout=io.StringIO())
        category = "/en/showcase/category/food-beverage/"
        Client().get(product_page("en", shop.cake))
        Client().get(category)
        product = Product.objects.get(pk=shop.cake.pk)
        product.name_en = "Golden pineapple cake"
        product.save_revision().publish(skip_permission_checks=True)
        for path in (product_page("en", shop.cake), category):
            response = Client().get(path, follow=True)
            assert "Golden pineapple cake" in response.content.decode(), path

    def test_content_changed_signal_starts_afresh(self, shop):
        """The core's content_changed (apps send it for certificate expiries, company renames …) empties the cache."""
        Client().get(product_page("en", shop.cake))
        content_changed.send(sender=Product)
        assert not is_hit(Client().get(product_page("en", shop.cake)))

    def test_the_showcase_sends_content_changed_when_products_change(self, shop, django_capture_on_commit_callbacks):
        """A product change that saves no row (here: a certificate expiry notice) still starts afresh."""
        Client().get(product_page("en", shop.cake))
        with django_capture_on_commit_callbacks(execute=True):
            notify_products_changed([shop.cake.pk], reason="certificate")
        assert not is_hit(Client().get(product_page("en", shop.cake)))

    def test_editing_the_menu_snippet_shows_at_once(self, shop):
        """Snippets (menu, footer) are saved without publishing; saving one still starts afresh."""
        Client().get("/en/")
        item = shop.site.menus["en"].items.first()
        item.label = "Plan overview"
        item.save()
        response = Client().get("/en/")
        assert not is_hit(response)
        assert "Plan overview" in response.content.decode()


def test_a_page_that_shows_a_message_added_while_serving_is_not_stored(shop):
    """A flash message added during the request itself (here by a before_serve_page hook) is shown to that
    visitor only: the page is not stored."""

    def add_message(page, request, serve_args, serve_kwargs):
        messages.info(request, "Welcome back, Somchai.")

    with hooks.register_temporarily("before_serve_page", add_message):
        response = Client().get("/en/")
    assert "Welcome back, Somchai." in response.content.decode()
    after = Client().get("/en/")
    assert not is_hit(after)
    assert "Welcome back, Somchai." not in after.content.decode()
