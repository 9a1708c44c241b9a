"""Reads of the site pages: latest news, news listing, partners, menu and footer per language."""

import datetime

import pytest
from wagtail.models import Locale

from portal.home import selectors
from portal.home.models import PartnerOrganisation
from tests.factories.home import (
    FooterContentFactory,
    NavigationMenuFactory,
    NewsPageFactory,
    PartnerOrganisationFactory,
    build_site,
)

pytestmark = pytest.mark.django_db


def test_latest_news_lists_three_newest_of_the_locale():
    """Only the three newest live articles of the asked language are returned, newest first."""
    site = build_site(news_count=4)
    dates = sorted((a.date for a in site.articles), reverse=True)
    NewsPageFactory(parent=site.news, date=datetime.date(2030, 1, 1), live=False)

    latest = selectors.latest_news(locale=Locale.get_default())

    assert [a.date for a in latest] == dates[:3]
    assert {a.locale_id for a in latest} == {Locale.get_default().pk}
    assert [a.locale for a in selectors.latest_news(locale=site.english)] == [site.english] * 3


def test_news_for_index_filters_by_tag():
    """The listing keeps only articles carrying the tag slug, and ignores unknown tags by returning nothing."""
    site = build_site(news_count=3)
    tagged = site.articles[0]
    tagged.tags.add("Halal")
    tagged.save()

    assert list(selectors.news_for_index(site.news, tag="halal")) == [tagged]
    assert list(selectors.news_for_index(site.news, tag="unknown")) == []
    assert len(selectors.news_for_index(site.news)) == 3


@pytest.mark.parametrize(("number", "expected"), [("2", 2), ("abc", 1), ("999", 2), (None, 1), ("-1", 2)])
def test_paginate_tolerates_bad_numbers(number, expected):
    """Malformed numbers give the first page, out-of-range numbers the last page."""
    assert selectors.paginate(list(range(15)), number, per_page=10).number == expected


def test_partners_grouped_by_kind_with_default_language_fallback():
    """Partners come grouped by kind in the order of the choices; untranslated ones show in the default language."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    ntub = PartnerOrganisationFactory(name="台北商業大學")
    PartnerOrganisationFactory(
        name="National Taipei University of Business", locale=english, translation_key=ntub.translation_key
    )
    PartnerOrganisationFactory(name="銘傳大學")
    PartnerOrganisationFactory(name="PChome Thai", kind=PartnerOrganisation.Kind.PLATFORM)

    groups = selectors.partners_by_kind(locale=english)

    assert [label for label, _ in groups] == [
        PartnerOrganisation.Kind.UNIVERSITY.label,
        PartnerOrganisation.Kind.PLATFORM.label,
    ]
    assert [p.name for p in groups[0][1]] == ["National Taipei University of Business", "銘傳大學"]
    assert [p.name for p in groups[1][1]] == ["PChome Thai"]


def test_menu_and_footer_fall_back_to_the_default_language():
    """A language without its own menu or footer uses the default language's."""
    thai, _ = Locale.objects.get_or_create(language_code="th")
    menu = NavigationMenuFactory()
    footer = FooterContentFactory()

    assert selectors.navigation_menu(locale=thai) == menu
    assert selectors.footer_content(locale=thai) == footer


def test_menu_and_footer_are_none_when_nothing_is_configured():
    """Without any menu or footer the selectors return None (the templates then show nothing)."""
    assert selectors.navigation_menu(locale=Locale.get_default()) is None
    assert selectors.footer_content(locale=Locale.get_default()) is None
