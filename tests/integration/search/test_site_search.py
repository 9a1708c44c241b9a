"""Site search at /<lang>/search/: live, public pages of the current language through Wagtail's search backend."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch7 import Elasticsearch7SearchBackend

from catalog.solutions.models import Need
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.coaching import ProgramIndexPageFactory, ProgramPageFactory
from tests.factories.home import NewsPageFactory, build_site, publish_translation
from tests.factories.inquiries import build_showcase
from tests.factories.solutions import SolutionCategoryPageFactory, SolutionIndexPageFactory, SolutionPageFactory

pytestmark = pytest.mark.django_db


def _forget_earlier_tests_pages():
    """Elasticsearch keeps the documents of pages that earlier tests created and rolled back; with the same
    titles they would crowd the live pages out of the first page of results, so each test starts empty."""
    backend = get_search_backend()
    if isinstance(backend, Elasticsearch7SearchBackend):
        index = backend.get_index_for_model(Page)
        backend.es.delete_by_query(
            index=index.name, body={"query": {"match_all": {}}}, refresh=True, conflicts="proceed"
        )


@pytest.fixture
def pages(db):
    """A two-language site with a news article, a coaching program and a solution about pineapple cakes,
    plus a zh-hant draft that mentions them too."""
    _forget_earlier_tests_pages()
    site = build_site(news_count=1)
    english = site.english
    site.news_zh = NewsPageFactory(
        parent=site.news, title="鳳梨酥 外銷泰國", intro="臺北鳳梨酥業者打進曼谷百貨。", search_description=""
    )
    site.news_en = publish_translation(
        site.news_zh, english, title="Pineapple cakes reach Bangkok", intro="Taipei bakers open in Bangkok."
    )
    programs = ProgramIndexPageFactory(parent=site.home, title="輔導計畫", slug="programs")
    publish_translation(programs, english, title="Coaching programs")
    site.program_zh = ProgramPageFactory(parent=programs, title="鳳梨酥 出口輔導", summary="協助糕餅業者拓展東協。")
    site.program_en = publish_translation(
        site.program_zh, english, title="Pineapple cake export coaching", summary="Helps bakers reach ASEAN."
    )
    solutions = SolutionIndexPageFactory(parent=site.home, title="一站式解決方案")
    publish_translation(solutions, english, title="One-stop solutions")
    logistics = SolutionCategoryPageFactory(parent=solutions, need=Need.LOGISTICS, title="跨境物流")
    publish_translation(logistics, english, title="Logistics")
    site.solution_zh = SolutionPageFactory(parent=logistics, title="冷鏈物流", summary="鳳梨酥 與糕點的冷鏈配送。")
    site.solution_en = publish_translation(
        site.solution_zh, english, title="Cold-chain shipping", summary="Cold-chain delivery for pineapple cakes."
    )
    site.draft = NewsPageFactory(parent=site.news, title="鳳梨酥 草稿", live=False)
    return site


def _get(client, language, query, **params):
    return client.get(f"/{language}/search/", {"q": query, **params})


@pytest.mark.parametrize(
    ("language", "query", "expected", "unexpected"),
    [
        ("zh-hant", "鳳梨酥", ("鳳梨酥 外銷泰國", "鳳梨酥 出口輔導", "冷鏈物流"), ("Pineapple cakes reach Bangkok",)),
        (
            "en",
            "pineapple",
            ("Pineapple cakes reach Bangkok", "Pineapple cake export coaching", "Cold-chain shipping"),
            ("鳳梨酥 外銷泰國",),
        ),
    ],
)
def test_finds_news_program_and_solution_pages_in_the_current_language(
    client, pages, language, query, expected, unexpected
):
    """A word finds the news article, the program and the solution of the requested language only."""
    html = _get(client, language, query).content.decode()
    for title in expected:
        assert title in html
    for title in unexpected:
        assert title not in html


def test_results_link_to_the_page_and_show_its_snippet(client, pages):
    """Each result links to its page and shows the introduction or summary."""
    html = _get(client, "en", "pineapple").content.decode()
    assert f'href="{pages.news_en.url}"' in html
    assert "Taipei bakers open in Bangkok." in html
    assert "Helps bakers reach ASEAN." in html


def test_drafts_are_not_found(client, pages):
    """A page that is not live is never listed."""
    html = _get(client, "zh-hant", "鳳梨酥").content.decode()
    assert "鳳梨酥 外銷泰國" in html
    assert "鳳梨酥 草稿" not in html


def test_links_to_the_product_search_with_the_same_query(client, pages):
    """The page offers the same words in the Taipei Good Products showcase search."""
    html = _get(client, "en", "pineapple").content.decode()
    assert 'href="/en/search/products/?q=pineapple"' in html
    assert "Search the Taipei Good Products showcase for “pineapple”" in html


@pytest.mark.parametrize("who", ["anonymous", "user", "staff"])
def test_site_search_is_public(client, pages, who):
    """Anyone may search the site: anonymous visitors, signed-in users and staff get the same results."""
    if who == "user":
        client.force_login(UserFactory())
    elif who == "staff":
        client.force_login(StaffFactory())
    response = _get(client, "en", "pineapple")
    assert response.status_code == 200
    assert "Pineapple cakes reach Bangkok" in response.content.decode()


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_empty_query_shows_only_the_form(client, pages, language):
    """Without words the page shows the search form and no results section."""
    response = client.get(f"/{language}/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="site-search-page-q"' in html
    assert "site-search__results" not in html
    assert "site-search-results-heading" not in html


def test_no_results_message(client, pages):
    """A query that matches nothing says so."""
    html = _get(client, "en", "zeppelin").content.decode()
    assert "No pages match “zeppelin”." in html
    assert "site-search__results" not in html


def test_very_long_query_is_truncated(client, pages):
    """A 5,000-character query is cut to 200 characters and still answers."""
    response = _get(client, "en", "pineapple " + "x" * 4990)
    assert response.status_code == 200
    assert response.context["query"] == ("pineapple " + "x" * 4990)[:200]


@pytest.mark.parametrize("page", ["abc", "999", "-1", "0"])
def test_bad_page_numbers_answer(client, pages, page):
    """A page number that is not a number or lies out of range shows a valid page instead of an error."""
    response = _get(client, "en", "pineapple", page=page)
    assert response.status_code == 200
    assert "Pineapple cakes reach Bangkok" in response.content.decode()


def test_results_are_paginated(client, pages):
    """More than ten matches are split into pages with a link to the next one."""
    for number in range(11):
        NewsPageFactory(parent=pages.news_en, title=f"Zeppelin news {number}", locale=pages.english)
    first = _get(client, "en", "zeppelin").content.decode()
    second = _get(client, "en", "zeppelin", page="2").content.decode()
    assert first.count('class="site-search__result"') == 10
    assert 'href="?q=zeppelin&amp;page=2"' in first
    assert second.count('class="site-search__result"') == 1


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_home_page_header_has_the_site_search_form(client, pages, language):
    """The header of every page carries a labelled site search form sent as a plain GET."""
    with translation.override(language):
        label = gettext("Search the site")
    html = client.get(f"/{language}/").content.decode()
    assert f'<form class="site-header__search" role="search" method="get" action="/{language}/search/">' in html
    assert f'<label for="site-search-q" class="visually-hidden">{label}</label>' in html
    assert '<input id="site-search-q" type="search" name="q"' in html


@pytest.mark.parametrize("path", ["/en/showcase/", "/en/showcase/category/food-beverage/"])
def test_showcase_pages_have_the_product_search_form(client, db, path):
    """The showcase landing and category pages carry the product search box next to the header's site search."""
    build_showcase()
    html = client.get(path).content.decode()
    assert 'action="/en/search/products/"' in html
    assert '<label for="search-box-q">Search products</label>' in html
    assert '<button type="submit" class="button">Search</button>' in html
    assert 'action="/en/search/"' in html


@pytest.mark.elasticsearch
def test_finds_pages_with_elasticsearch(client, pages):
    """With Wagtail's Elasticsearch backend the same words find the same pages in each language."""
    assert isinstance(get_search_backend(), Elasticsearch7SearchBackend)
    # Earlier tests leave their pages in the session-wide index (the database rolls back, the index does not):
    # rebuild it from this test's pages so that stale documents cannot crowd out the results.
    call_command("update_index", backend_name="default", stdout=io.StringIO())
    zh = _get(client, "zh-hant", "鳳梨酥").content.decode()
    en = _get(client, "en", "pineapple").content.decode()
    for title in ("鳳梨酥 外銷泰國", "鳳梨酥 出口輔導", "冷鏈物流"):
        assert title in zh
    assert "鳳梨酥 草稿" not in zh
    for title in ("Pineapple cakes reach Bangkok", "Pineapple cake export coaching", "Cold-chain shipping"):
        assert title in en
    assert "Pineapple cakes reach Bangkok" not in zh


def test_site_search_answers_from_the_database_when_elasticsearch_is_down(client, pages, settings, caplog):
    """With Elasticsearch unreachable (a closed port), site search still lists the pages, from the database
    backend, and logs a warning instead of failing."""
    from wagtail.search.backends import get_search_backend as backend_named

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.elasticsearch7", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    backend_named("database").add(pages.news_en)
    response = _get(client, "en", "pineapple")
    assert response.status_code == 200
    assert "Pineapple cakes reach Bangkok" in response.content.decode()
    assert "answering from the database" in caplog.text
