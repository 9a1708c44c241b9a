"""Language switcher, hreflang alternates and canonical links."""

import re

import pytest
from django.conf import settings

from portal import site_address

pytestmark = pytest.mark.django_db


def switcher_links(content):
    nav = re.search(r'<nav aria-label="[^"]*" class="language-switcher">(.*?)</nav>', content, re.S).group(1)
    return {
        match.group("name"): match.group(0)
        for match in re.finditer(r'<a href="(?P<href>[^"]*)"[^>]*>(?P<name>[^<]+)</a>', nav)
    }


def href(link):
    return re.search(r'href="([^"]*)"', link).group(1)


def test_switcher_links_to_the_translation_of_the_page(client, site):
    """On a page, "English" points to its English translation and "繁體中文" is marked as current."""
    links = switcher_links(client.get("/zh-hant/about/timeline/").content.decode())

    assert set(links) == {name for _code, name in settings.LANGUAGES}
    assert href(links["English"]) == site.child_en.url == "/en/about/timeline/"
    assert 'aria-current="true"' in links["繁體中文"]
    assert 'aria-current="true"' not in links["English"]
    assert 'lang="en"' in links["English"] and 'hreflang="en"' in links["English"]


def test_switcher_says_when_a_page_has_no_translation_in_a_language(client, site):
    """A language without a translation of the page links to a notice in that language, which offers the
    page in the default language and that language's home page."""
    links = switcher_links(client.get("/en/news/").content.decode())

    english_news = site.news.get_translation(site.english)
    assert href(links["ไทย"]) == f"/th/untranslated/{english_news.pk}/"
    assert href(links["繁體中文"]) == "/zh-hant/news/"
    assert 'aria-current="true"' in links["English"]
    notice = client.get(href(links["ไทย"]))
    html = notice.content.decode()
    assert notice.status_code == 200
    assert '<html lang="th">' in html and '<meta name="robots" content="noindex">' in html
    assert 'href="/zh-hant/news/"' in html and 'href="/th/"' in html


def test_the_notice_sends_to_the_translation_once_it_exists(client, site):
    """A stale link to the notice of a page that now exists in the language redirects to it."""
    response = client.get(f"/en/untranslated/{site.news.pk}/")
    assert response.status_code == 302 and response["Location"] == "/en/news/"


def test_the_notice_of_an_unknown_or_draft_page_is_404(client, site):
    assert client.get("/th/untranslated/999999/").status_code == 404
    site.news.unpublish()
    assert client.get(f"/th/untranslated/{site.news.pk}/").status_code == 404


def test_switcher_keeps_the_query_string_on_a_page(client, site):
    """?page=2 of the news list stays on page 2 in the other language."""
    links = switcher_links(client.get("/zh-hant/news/", {"page": "2"}).content.decode())
    assert href(links["English"]) == "/en/news/?page=2"


def test_switcher_swaps_the_prefix_outside_wagtail_pages(client, site):
    """On a non-page view (log-in), each language keeps the same view with its own prefix."""
    links = switcher_links(client.get("/en/accounts/login/").content.decode())

    assert href(links["繁體中文"]) == "/zh-hant/accounts/login/"
    assert href(links["Tiếng Việt"]) == "/vi/accounts/login/"


def test_hreflang_alternates_and_canonical(client, site):
    """<head> lists every translation of the page with hreflang, x-default for the default language, a canonical."""
    content = client.get("/en/about/").content.decode()

    base = site_address.base_url()
    assert f'<link rel="canonical" href="{base}/en/about/">' in content
    assert f'<link rel="alternate" hreflang="zh-Hant" href="{base}/zh-hant/about/">' in content
    assert f'<link rel="alternate" hreflang="en" href="{base}/en/about/">' in content
    assert f'<link rel="alternate" hreflang="x-default" href="{base}/zh-hant/about/">' in content
    assert 'hreflang="th"' not in content.split("</head>")[0]


def test_page_without_translation_has_no_false_alternates(client, site):
    """A page that exists only in Chinese announces no English alternate."""
    site.about_en.delete()

    head = client.get("/zh-hant/about/").content.decode().split("</head>")[0]

    assert 'hreflang="en"' not in head
    assert 'hreflang="zh-Hant"' in head


def test_brand_links_to_the_home_of_the_current_language(client, site):
    """The site name in the header leads to the home page of the language being read."""
    content = client.get("/en/news/").content.decode()
    assert re.search(r'<a class="site-brand" href="/en/">', content)


@pytest.mark.parametrize(
    ("lang", "skip_link"),
    [
        ("th", "ข้ามไปยังเนื้อหาหลัก"),
        ("ms", "Langkau ke kandungan utama"),
        ("id", "Langsung ke konten utama"),
        ("vi", "Chuyển đến nội dung chính"),
    ],
)
def test_thai_malay_indonesian_and_vietnamese_visitors_read_their_own_interface(client, site, lang, skip_link):
    """The interface of /th/, /ms/, /id/ and /vi/ comes from their own catalogs: neither English nor Chinese."""
    content = client.get(f"/{lang}/accounts/login/").content.decode()
    assert skip_link in content
    assert "Skip to main content" not in content
    assert "跳至主要內容" not in content
