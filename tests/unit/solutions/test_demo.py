"""catalog.solutions.demo.seed: the catalog's demo content in zh-hant and en, idempotent."""

import io

import pytest
from wagtail.models import Page

from catalog.solutions import demo
from catalog.solutions.models import Provider, SolutionCategoryPage, SolutionIndexPage, SolutionPage
from tests.factories.solutions import build_home_site

pytestmark = pytest.mark.django_db


def test_skips_quietly_without_a_home_page():
    """No HomePage yet: a message, nothing created."""
    out = io.StringIO()
    demo.seed(stdout=out)
    assert "skipped" in out.getvalue()
    assert Provider.objects.count() == 0
    assert not SolutionPage.objects.exists()


def test_seeds_both_languages_and_a_second_run_changes_nothing(client):
    """7 categories and 15 offerings per language, providers in both languages; running again creates nothing."""
    site = build_home_site()
    demo.seed(stdout=io.StringIO())
    for locale in (site.home.locale, site.english):
        assert SolutionIndexPage.objects.filter(locale=locale, live=True).count() == 1
        assert SolutionCategoryPage.objects.filter(locale=locale, live=True).count() == 7
        assert SolutionPage.objects.filter(locale=locale, live=True).count() == 15
        assert Provider.objects.filter(locale=locale).count() == len(demo.PROVIDERS)
    english_offering = SolutionPage.objects.get(locale=site.english, slug="taipei-good-products")
    assert english_offering.title == "Taipei Good Products on PChome Thai"
    assert english_offering.provider.locale == site.english
    assert (
        english_offering.translation_key
        == SolutionPage.objects.get(locale=site.home.locale, slug="taipei-good-products").translation_key
    )

    counts = (Page.objects.count(), Provider.objects.count())
    out = io.StringIO()
    demo.seed(stdout=out)
    assert (Page.objects.count(), Provider.objects.count()) == counts
    assert "created" not in out.getvalue()

    assert client.get("/zh-hant/solutions/", {"market": "TH"}).status_code == 200
    html = client.get("/en/solutions/guide/", {"market": "MY", "need": "compliance"}).content.decode()
    assert "Halal certification support" in html
