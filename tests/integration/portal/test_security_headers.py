"""Content Security Policy and Permissions-Policy on every kind of response: Wagtail pages, a product page
with its JSON-LD, error pages (404, 500), JSON, the admin; nonces fresh on each request, page cache included."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from portal.page_cache import HIT_HEADER
from tests.factories.accounts import StaffFactory
from tests.factories.inquiries import build_showcase

pytestmark = pytest.mark.django_db

ENFORCED = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"


@pytest.fixture
def enforced(settings):
    """As in production: the policy is enforced."""
    settings.CSP_REPORT_ONLY = False


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def nonce_of(response):
    [source] = [value for value in directives(response[ENFORCED])["script-src"] if value.startswith("'nonce-")]
    return source[len("'nonce-") : -1]


def json_ld_nonce(html):
    match = re.search(r'<script type="application/ld\+json" nonce="([^"]+)">', html)
    return match.group(1) if match else None


@pytest.fixture
def shop():
    return build_showcase()


def product_path(shop):
    return f"/en/showcase/product/{shop.cake.pk}-pineapple-cake/"


@pytest.mark.parametrize(
    "path",
    ["/en/", "/zh-hant/", "/en/no-such-page/", "/healthz", "/robots.txt", "/showcase/feed.json", "/en/accounts/login/"],
)
def test_every_public_response_has_the_strict_policy(client, enforced, shop, path):
    """Pages, a 404, JSON and text answers: the enforced public policy (no inline, no framing, no plugins)
    and the Permissions-Policy."""
    response = client.get(path)
    policy = directives(response[ENFORCED])
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert REPORT_ONLY not in response
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_the_500_page_has_the_policy(client, enforced, settings):
    """A view that fails: the site's own 500 page carries the policy too."""
    settings.ROOT_URLCONF = "tests.integration.portal.failing_urls"
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert directives(response[ENFORCED])["object-src"] == ["'none'"]
    assert "Permissions-Policy" in response


def test_the_product_json_ld_carries_the_nonce_of_the_header(client, enforced, shop):
    """The inline JSON-LD of a product page has the nonce the header allows."""
    response = client.get(product_path(shop))
    assert response.status_code == 200
    assert json_ld_nonce(response.content.decode()) == nonce_of(response)


def test_a_page_from_the_page_cache_gets_a_fresh_nonce(enforced, shop, settings):
    """Served from the page cache, the page's nonce is the new request's, in the body and in the header."""
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    first = Client().get(product_path(shop))
    second = Client().get(product_path(shop))
    cache.clear()
    assert second.get(HIT_HEADER) == "hit"
    assert nonce_of(first) != nonce_of(second)
    assert json_ld_nonce(second.content.decode()) == nonce_of(second)


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/login/"])
def test_the_admin_has_its_own_policy(client, enforced, settings, path):
    """The Wagtail admin keeps inline scripts and styles (its widgets need them) but no plugins, no foreign
    frames around it, and forms that post only to the site."""
    settings.REQUIRE_STAFF_MFA = False
    client.force_login(StaffFactory())
    response = client.get(path, follow=True)
    policy = directives(response[ENFORCED])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_report_only_sends_the_same_policy_without_enforcing_it(client, settings):
    """DJANGO_CSP_REPORT_ONLY (the dev and test default): the policy is in the report-only header only."""
    settings.CSP_REPORT_ONLY = True
    response = client.get("/en/")
    assert ENFORCED not in response
    assert directives(response[REPORT_ONLY])["object-src"] == ["'none'"]
