"""Menu and footer links find their pages in the visitor's language with one query for the whole list,
not a locale lookup per link (portal/home/selectors.py), and still point where ``page.localized`` would."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal.home import selectors
from portal.home.models import FooterContent
from tests.factories.home import FooterLinkFactory, NavigationMenuItemFactory, StandardPageFactory, build_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return build_site(news_count=0)


def test_menu_links_resolve_without_a_query_per_link(site, django_assert_num_queries):
    """Once the selector has run, reading every item's address costs no query."""
    items = selectors.navigation_items(locale=site.english)
    assert len(items) == 2
    expected = [site.about_en.url, site.news_en.url]
    with django_assert_num_queries(0):
        hrefs = [item.href for item in items]
    assert hrefs == expected


def test_a_link_to_another_language_points_to_the_live_translation_or_the_page_itself(site):
    """An English menu item chosen in the Chinese tree points to the page's live English translation; a page
    whose English version is only a draft keeps its Chinese address — as ``page.localized`` does."""
    draft_only = StandardPageFactory(parent=site.home, title="草稿", slug="draft-only")
    draft_en = draft_only.copy_for_translation(site.english)
    draft_en.save_revision()
    menu = site.menus["en"]
    NavigationMenuItemFactory(menu=menu, label="About (zh page)", link_page=site.about)
    NavigationMenuItemFactory(menu=menu, label="Draft", link_page=draft_only)
    items = {item.label: item for item in selectors.navigation_items(locale=site.english)}
    assert items["About (zh page)"].href == site.about_en.url
    assert items["Draft"].href == draft_only.url
    with translation.override("en"):
        assert items["About (zh page)"].href == site.about.localized.url
        assert items["Draft"].href == draft_only.localized.url


def test_footer_links_use_the_visitors_language(site):
    """The Chinese footer's link, shown to an English visitor as the fallback footer, points to English."""
    FooterContent.objects.filter(locale=site.english).delete()
    footer = selectors.footer_content(locale=site.english)
    FooterLinkFactory(footer=footer, label="About", link_page=site.about)
    links = {link.label: link.href for link in selectors.footer_links(footer, locale=site.english)}
    assert links["About"] == site.about_en.url
    assert links["聯盟"] == site.alliance_en.url


def test_a_page_looks_up_the_locale_a_few_times_not_once_per_link(site, client):
    """Rendering the English home page asks for the active locale at most four times (menu, footer, footer
    links, page routing), however many links the menu and footer have."""
    for number in range(6):
        NavigationMenuItemFactory(menu=site.menus["en"], label=f"Extra {number}", link_page=site.about_en)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/").status_code == 200
    lookups = [query for query in queries if '"wagtailcore_locale"."language_code" =' in query["sql"]]
    assert len(lookups) <= 4


def test_the_chrome_is_kept_per_language_and_costs_no_query_once_built(site, django_assert_num_queries):
    """The menu and footer of a language are built once; later pages read them without a query."""
    english = selectors.chrome(language_code="en")
    with django_assert_num_queries(0):
        assert selectors.chrome(language_code="en") == english
    assert [link.href for link in english.menu] == [site.about_en.url, site.news_en.url]
    assert selectors.chrome(language_code="zh-hant").menu != english.menu


def test_a_menu_change_or_a_publish_shows_on_the_next_page(site, client):
    """A new menu item appears at once; publishing a page under a new slug moves the menu's link to it."""
    selectors.chrome(language_code="en")
    NavigationMenuItemFactory(menu=site.menus["en"], label="Alliance", link_page=site.alliance_en)
    assert "Alliance" in [link.label for link in selectors.chrome(language_code="en").menu]
    site.about_en.slug = "about-the-hub"
    site.about_en.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert 'href="/en/about-the-hub/"' in html
