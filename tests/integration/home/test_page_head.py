"""Every page's head: "Page — Site" titles with the site's name once, one meta description, the icons."""

import re

import pytest
from django.utils import translation

from tests.factories.home import build_site
from tests.factories.inquiries import ShowcasePageFactory
from tests.factories.showcase import live_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return build_site()


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_the_home_page_is_titled_with_the_site_name_once(client, site):
    """The home page's title is the site's name alone, not "Hub — Hub", in every language."""
    assert title(client.get("/en/").content.decode()) == "Taipei Cross-Border E-Commerce Hub"
    with translation.override("zh-hant"):
        assert title(client.get("/zh-hant/").content.decode()) == translation.gettext(
            "Taipei Cross-Border E-Commerce Hub"
        )


def test_other_pages_read_page_then_site(client, site):
    """A page's title comes first, then the site's name."""
    assert title(client.get("/en/about/").content.decode()) == "About the plan — Taipei Cross-Border E-Commerce Hub"


def test_a_product_page_names_the_supplier_and_has_one_description(client, site):
    """Product titles carry the supplier, so products of the same name differ; one meta description only."""
    ShowcasePageFactory(parent=site.home, search_description="臺北好物，直送東南亞。")
    product = live_product(name_zh_hant="鳳梨酥禮盒", description_zh_hant="土鳳梨內餡。")
    html = client.get(f"/zh-hant/showcase/product/{product.pk}-{product.slug}/").content.decode()
    supplier = product.company.display_name("zh-hant")
    with translation.override("zh-hant"):
        site_name = translation.gettext("Taipei Cross-Border E-Commerce Hub")
    assert title(html) == f"鳳梨酥禮盒 — {supplier} — {site_name}"
    assert html.count('<meta name="description"') == 1 and "土鳳梨內餡" in html


def test_favicon_is_served(client, site):
    """/favicon.ico leads to the icon (it answered 404), and the head links the icons."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.ico")
    html = client.get("/en/").content.decode()
    assert 'rel="apple-touch-icon"' in html and "favicon.ico" in html
