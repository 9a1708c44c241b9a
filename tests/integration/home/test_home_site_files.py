"""sitemap.xml, robots.txt and the error pages."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from portal import site_address
from tests.factories.inquiries import build_showcase

pytestmark = pytest.mark.django_db

# Every address the site hands out is on the configured host (portal.site_address), not the request's.
BASE = site_address.base_url()


def test_sitemap_lists_pages_of_every_language(client, site):
    """Both the Chinese and the English page trees are in sitemap.xml."""
    content = client.get("/sitemap.xml").content.decode()

    for page in (site.home, site.about, site.news, site.articles[0], site.alliance):
        assert f"<loc>{BASE}{page.url}</loc>" in content
    for page in (site.home_en, site.about_en, site.news_en, site.articles_en[0], site.alliance_en):
        assert f"<loc>{BASE}{page.url}</loc>" in content


def test_sitemap_leaves_out_unpublished_pages(client, site):
    """A draft page is not listed."""
    site.alliance_en.unpublish()
    assert "/en/alliance/" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt(client):
    """robots.txt keeps crawlers out of the admin and private areas and points to the sitemap."""
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in response.content.decode()


def _allowed(rules, path):
    """Google's and Lighthouse's reading of robots.txt: the longest matching rule wins, `*` matches anything."""
    matches = [
        (len(pattern), verb == "Allow")
        for verb, pattern in rules
        if re.match(re.escape(pattern).replace(r"\*", ".*"), path)
    ]
    return max(matches)[1] if matches else True


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/th/accounts/signup/", True),
        ("/zh-hant/accounts/login/", True),
        ("/th/accounts/password/change/", False),
        ("/en/accounts/language/", False),
        ("/th/company/", False),
        ("/th/showcase/", True),
    ],
)
def test_robots_txt_lets_crawlers_find_sign_up_and_sign_in_only(client, path, allowed):
    """Sign-up and sign-in pages are open to crawlers (an SME searching for how to join finds them); the rest
    of the account area and the company dashboard stay closed."""
    lines = client.get("/robots.txt").content.decode().splitlines()
    rules = [tuple(line.split(": ", 1)) for line in lines if line.startswith(("Allow: ", "Disallow: "))]

    assert _allowed(rules, path) is allowed


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_missing_page_renders_the_custom_404(client, site, language):
    """An unknown address answers 404 with the translated, styled page-not-found page."""
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    with translation.override(language):
        title = gettext("Page not found")
    content = response.content.decode()
    assert f"<h1>{title}</h1>" in content
    assert "/static/css/portal.css" in content
    assert 'class="language-switcher"' in content


def test_500_page_needs_neither_request_nor_database(django_assert_num_queries):
    """The server-error page renders from a bare template context, without a single query."""
    with django_assert_num_queries(0):
        content = render_to_string("500.html")
    assert "/static/css/portal.css" in content
    assert f"<h1>{gettext('Server error')}</h1>" in content


def test_sitemap_gives_each_page_its_other_languages_as_alternates(client, site):
    """Each address carries xhtml:link alternates to its translations and x-default to the default language."""
    content = client.get("/sitemap.xml").content.decode()
    entry = re.search(rf"<url><loc>{re.escape(BASE)}{site.about_en.url}</loc>.*?</url>", content, re.S).group(0)
    assert f'hreflang="zh-Hant" href="{BASE}{site.about.url}"' in entry
    assert f'hreflang="en" href="{BASE}{site.about_en.url}"' in entry
    assert f'hreflang="x-default" href="{BASE}{site.about.url}"' in entry
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in content


def test_sitemap_alternates_of_showcase_products_keep_the_product_address(client):
    """A product under the showcase page has the same product address in every showcase translation."""
    shop = build_showcase()
    content = client.get("/sitemap.xml").content.decode()
    product = shop.cake
    zh = f"{BASE}/zh-hant/showcase/product/{product.pk}-{product.slug}/"
    en = f"{BASE}/en/showcase/product/{product.pk}-{product.slug}/"
    entry = re.search(rf"<url><loc>{re.escape(en)}</loc>.*?</url>", content, re.S).group(0)
    assert f'hreflang="zh-Hant" href="{zh}"' in entry and f'hreflang="en" href="{en}"' in entry
