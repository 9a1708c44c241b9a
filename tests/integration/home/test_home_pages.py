"""Every site page renders in Traditional Chinese and English, inside the shared frame."""

import re

import pytest

from portal.home.models import PartnerOrganisation
from tests.factories.home import NewsPageFactory, PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


def h1(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


@pytest.mark.parametrize("name", ["home", "about", "child", "news", "alliance"])
def test_every_page_type_renders_in_both_languages(client, site, name):
    """Each page type answers 200 under /zh-hant/ and /en/ with its own language's title and lang attribute."""
    for suffix, lang in (("", "zh-Hant"), ("_en", "en")):
        page = getattr(site, name + suffix)
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.url.startswith("/zh-hant/" if not suffix else "/en/")
        assert f'<html lang="{lang}">' in response.content.decode()
        assert page.title in response.content.decode()


def test_news_page_renders_in_both_languages(client, site):
    """A news article renders with its title as the page heading and its date."""
    for article in (site.articles[0], site.articles_en[0]):
        response = client.get(article.url)
        assert response.status_code == 200
        assert h1(response) == article.title
        assert f'datetime="{article.date:%Y-%m-%d}"' in response.content.decode()


def test_home_lists_latest_news_of_its_language(client, site):
    """The latest-news block of the English home page links to English articles only."""
    site.home_en.body = [{"type": "latest_news", "value": {"heading": "Latest news"}}]
    site.home_en.save_revision().publish()

    content = client.get("/en/").content.decode()

    assert "Latest news" in content
    for article in site.articles_en:
        assert f'href="{article.url}"' in content
    for article in site.articles:
        assert f'href="{article.url}"' not in content


def test_home_renders_every_block(client, site):
    """Hero, key figures, featured programs, featured products and latest news blocks render together."""
    site.home.body = [
        {
            "type": "hero",
            "value": {
                "heading": "讓臺北的好產品走進東南亞",
                "text": "四年跨境電商計畫。",
                "image": None,
                "call_to_action": {"label": "認識計畫", "page": site.about.pk, "url": ""},
            },
        },
        {"type": "key_figures", "value": {"heading": "聯盟", "figures": [{"number": "158", "label": "位學生"}]}},
        {"type": "featured_programs", "value": {"heading": "輔導計畫", "pages": [site.about.pk]}},
        {"type": "latest_news", "value": {"heading": "最新消息"}},
    ]
    site.home.save_revision().publish()

    content = client.get("/zh-hant/").content.decode()

    assert "讓臺北的好產品走進東南亞" in content
    assert 'href="/zh-hant/about/">認識計畫' in content
    assert "<dd>158</dd>" in content
    assert 'class="card-list news-list"' in content
    assert "讓臺北的好產品走進東南亞" not in client.get("/en/").content.decode()


def test_news_listing_is_paginated_newest_first(client, site):
    """Ten articles per page, newest first; page 2 holds the rest."""
    for _ in range(10):
        NewsPageFactory(parent=site.news)
    articles = sorted(site.news.get_children().specific(), key=lambda a: a.date, reverse=True)

    first = client.get("/zh-hant/news/").content.decode()
    second = client.get("/zh-hant/news/?page=2").content.decode()

    assert first.count('class="news-list__item"') == 10
    assert first.index(articles[0].title) < first.index(articles[1].title)
    assert second.count('class="news-list__item"') == 2
    assert articles[-1].title in second
    assert 'rel="prev"' in second


@pytest.mark.parametrize(("number", "shown"), [("abc", 1), ("999", 2), ("-3", 2), ("", 1)])
def test_bad_page_numbers_do_not_fail(client, site, number, shown):
    """A malformed page number shows the first page, an out-of-range one the last page — never an error."""
    for _ in range(10):
        NewsPageFactory(parent=site.news)

    response = client.get(f"/zh-hant/news/?page={number}")

    assert response.status_code == 200
    assert response.context["articles"].number == shown


def test_news_listing_filters_by_tag(client, site):
    """?tag= keeps only the tagged articles and says which tag is applied; an unknown tag lists nothing."""
    tagged, other = site.articles_en
    tagged.tags.add("Halal")
    tagged.save_revision().publish()

    content = client.get("/en/news/?tag=halal").content.decode()

    assert tagged.title in content
    assert other.title not in content
    assert "Halal" in content
    unknown = client.get("/en/news/?tag=nothing")
    assert unknown.status_code == 200
    assert "No articles found." in unknown.content.decode()


def test_news_page_links_its_tags_to_the_filtered_listing(client, site):
    """Each tag of an article links to its news index filtered by that tag."""
    article = site.articles_en[0]
    article.tags.add("Thailand")
    article.save_revision().publish()

    assert 'href="/en/news/?tag=thailand">Thailand</a>' in client.get(article.url).content.decode()


def test_alliance_lists_partners_grouped_by_kind(client, site):
    """The alliance page shows the partners of its language, one section per kind."""
    PartnerOrganisationFactory(name="銘傳大學")
    PartnerOrganisationFactory(name="Amazon", kind=PartnerOrganisation.Kind.PLATFORM)

    content = client.get("/zh-hant/alliance/").content.decode()

    assert "銘傳大學" in content and "Amazon" in content
    assert content.count('class="partner-group"') == 2


def test_header_menu_and_footer_follow_the_language(client, site):
    """The header shows the menu of the current language and the footer its contact details."""
    zh = client.get("/zh-hant/").content.decode()
    en = client.get("/en/").content.decode()

    assert '<a href="/zh-hant/news/">最新消息</a>' in zh
    assert '<a href="/en/news/">News</a>' in en
    assert "最新消息</a>" not in en
    assert "Department of Economic Development, Taipei City Government" in en
    assert '<a href="/en/alliance/">Alliance</a>' in en


def test_header_has_account_links_for_visitors(client, site):
    """Anonymous visitors see log-in and sign-up links in their language."""
    content = client.get("/en/").content.decode()
    assert 'href="/en/accounts/login/"' in content
    assert 'href="/en/accounts/signup/"' in content
