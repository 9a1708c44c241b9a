"""Demo content: both page trees, partners, menus and footers, created once however often seeding runs."""

import io

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page, Site

from portal.home import demo
from portal.home.models import (
    FooterContent,
    HomePage,
    NavigationMenu,
    NavigationMenuItem,
    NewsPage,
    PartnerOrganisation,
)
from portal.management.commands import seed_demo

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "news": NewsPage.objects.count(),
        "partners": PartnerOrganisation.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "menu items": NavigationMenuItem.objects.count(),
        "footers": FooterContent.objects.count(),
        "locales": Locale.objects.count(),
        "revisions": sum(p.revisions.count() for p in Page.objects.all()),
    }


def test_seed_builds_both_languages():
    """Seeding creates all six locales, a zh-hant home as site root with its English translation and content."""
    demo.seed(stdout=io.StringIO())

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"zh-hant", "en", "th", "ms", "id", "vi"}
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(pk=site.root_page_id)
    assert home.locale.language_code == "zh-hant"
    assert home.get_translation(Locale.objects.get(language_code="en")).live
    assert not Page.objects.filter(depth=2).exclude(content_type__app_label="home").exists()
    for language in ("zh-hant", "en"):
        assert NewsPage.objects.live().filter(locale__language_code=language).count() >= 5
    universities = PartnerOrganisation.objects.filter(
        locale__language_code="zh-hant", kind=PartnerOrganisation.Kind.UNIVERSITY
    )
    assert set(universities.values_list("name", flat=True)) == {
        "台北商業大學",
        "中國文化大學",
        "德明財經科技大學",
        "銘傳大學",
        "台北海洋科技大學",
    }
    assert PartnerOrganisation.objects.filter(kind=PartnerOrganisation.Kind.TRADING_COMPANY).exists()


def test_seed_twice_changes_nothing():
    """A second run of the site pages' seed leaves every count (even page revisions) unchanged."""
    demo.seed(stdout=io.StringIO())
    first = counts()
    demo.seed(stdout=io.StringIO())
    assert counts() == first


def test_seed_demo_command_twice_gives_the_same_counts():
    """`manage.py seed_demo` runs every demo module in order; running it again creates nothing."""
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = seed_demo.summary_counts()
    call_command("seed_demo", stdout=io.StringIO())

    assert seed_demo.summary_counts() == first
    for name in seed_demo.DEMO_MODULES:
        assert f"Seeding {name}" in out.getvalue()
    assert "home.PartnerOrganisation: 24" in out.getvalue()


def test_english_visitor_journey_after_seeding(client):
    """zh-hant home → "English" → "News" in the English menu → first article: each step has a heading."""
    call_command("seed_demo", stdout=io.StringIO())

    home = client.get("/zh-hant/").content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in home

    english_home = client.get("/en/").content.decode()
    assert '<a href="/en/news/">News</a>' in english_home

    listing = client.get("/en/news/")
    assert listing.status_code == 200
    first_article = listing.context["articles"][0]
    assert '<ul class="news-list">' in listing.content.decode()

    article = client.get(first_article.url)
    assert article.status_code == 200
    assert f"<h1>{escape(first_article.title)}</h1>" in article.content.decode()
    assert first_article.url.startswith("/en/news/")
