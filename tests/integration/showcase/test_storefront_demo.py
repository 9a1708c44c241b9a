"""The showcase demo seed: one page per language under the home page, idempotent, skipped without a home."""

import io

import pytest
from wagtail.models import Locale

from catalog.showcase import storefront_demo
from catalog.showcase.models import ShowcasePage
from portal.home.models import NavigationMenuItem
from tests.factories.home import NavigationMenuFactory, build_site, publish_translation

pytestmark = pytest.mark.django_db

NEW_LANGUAGES = ("th", "ms", "id", "vi")


def add_home_translations(site, codes):
    """Home pages (with an empty main menu) in ``codes``, as the home demo makes them."""
    for code in codes:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        publish_translation(site.home, locale, title=f"Home {code}")
        NavigationMenuFactory(locale=locale)


def test_creates_the_showcase_in_both_languages_once(client):
    """Running the seed twice leaves one zh-hant and one en showcase page, both live and served."""
    build_site(news_count=0)
    storefront_demo.seed(stdout=io.StringIO())
    storefront_demo.seed(stdout=io.StringIO())
    pages = ShowcasePage.objects.order_by("locale__language_code")
    assert [(p.locale.language_code, p.title, p.live) for p in pages] == [
        ("en", "Taipei Good Products", True),
        ("zh-hant", "台北好物館", True),
    ]
    assert client.get("/en/showcase/").status_code == 200
    assert client.get("/zh-hant/showcase/").status_code == 200


def test_creates_the_showcase_in_six_languages_once_with_a_menu_link_each(client):
    """With home pages in th, ms, id and vi, each gets its translated, live showcase page and one menu link."""
    site = build_site(news_count=0)
    add_home_translations(site, NEW_LANGUAGES)
    storefront_demo.seed(stdout=io.StringIO())
    out = io.StringIO()
    storefront_demo.seed(stdout=out)

    pages = {p.locale.language_code: p for p in ShowcasePage.objects.select_related("locale")}
    assert set(pages) == {"zh-hant", "en", *NEW_LANGUAGES}
    assert len(set(pages["zh-hant"].get_translations(inclusive=True))) == 6
    for code, page in pages.items():
        fields = storefront_demo.FIELDS[code]
        assert page.live
        assert (page.title, page.hero_heading, page.hero_text, page.search_description) == (
            fields["title"],
            fields["hero_heading"],
            fields["hero_text"],
            fields["search_description"],
        )
        items = NavigationMenuItem.objects.filter(link_page=page)
        assert [(i.menu.locale.language_code, i.label) for i in items] == [(code, fields["title"])]
        response = client.get(f"/{code}/showcase/")
        assert response.status_code == 200
        assert fields["hero_heading"] in response.content.decode()
    assert "showcase page ready in zh-hant, en, th, ms, id, vi" in out.getvalue()
    assert "created" not in out.getvalue() and "added" not in out.getvalue()


def test_skips_a_language_whose_home_page_is_missing():
    """A language without a home page yet is skipped with a message; the others are still created."""
    site = build_site(news_count=0)
    add_home_translations(site, ("ms", "vi"))
    Locale.objects.get_or_create(language_code="th")
    out = io.StringIO()
    storefront_demo.seed(stdout=out)
    assert "no Thai home page: Thai showcase skipped" in out.getvalue()
    assert "no Indonesian home page: Indonesian showcase skipped" in out.getvalue()
    codes = set(ShowcasePage.objects.values_list("locale__language_code", flat=True))
    assert codes == {"zh-hant", "en", "ms", "vi"}


def test_skips_without_a_home_page():
    """Without a home page the seed says so and creates nothing."""
    out = io.StringIO()
    storefront_demo.seed(stdout=out)
    assert "showcase skipped" in out.getvalue()
    assert not ShowcasePage.objects.exists()
