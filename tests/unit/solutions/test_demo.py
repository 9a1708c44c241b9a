"""catalog.solutions.demo.seed: the catalog's demo content in all six languages, idempotent."""

import io

import pytest
from wagtail.models import Locale, Page

from catalog.solutions import demo
from catalog.solutions.models import Provider, SolutionCategoryPage, SolutionIndexPage, SolutionPage
from portal.home.models import NavigationMenu, NavigationMenuItem
from tests.factories.solutions import build_home_site, publish_translation

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


NEW_LANGUAGES = ("th", "ms", "id", "vi")


def add_home_translations(site, languages):
    """Publish a translation of the home page, and give a main menu, in each of ``languages``."""
    locales = {}
    for language in languages:
        locale, _ = Locale.objects.get_or_create(language_code=language)
        publish_translation(site.home, locale, title=f"Home ({language})")
        NavigationMenu.objects.create(locale=locale, title=f"Main menu ({language})")
        locales[language] = locale
    return locales


@pytest.mark.parametrize("language", NEW_LANGUAGES)
def test_every_language_has_its_own_words_for_every_text(language):
    """Each new language translates every category, provider and offering, and no text is the English one."""
    words, english = demo.TRANSLATIONS[language], demo.english_words()
    assert set(words["categories"]) == {need for need, *_rest in demo.CATEGORIES}
    assert set(words["providers"]) == {provider[0] for provider in demo.PROVIDERS}
    assert set(words["offerings"]) == {offering[0] for offering in demo.OFFERINGS}
    for slug, texts in words["offerings"].items():
        title, summary, price = texts
        assert title != english["offerings"][slug][0]
        assert summary != english["offerings"][slug][1]
        assert price and price != english["offerings"][slug][2]
    for key, description in words["providers"].items():
        assert description != english["providers"][key]
    for need, title in words["categories"].items():
        assert title != english["categories"][need]
    for name in ("languages", "eligibility", "how_it_works"):
        assert words[name] != english[name]
    assert words["index"]["title"] != english["index"]["title"]


def test_seeds_all_six_languages_copying_the_facts_from_the_source(client):
    """With a home page in every language, each language gets the whole catalog; translations copy the
    source's markets, flags, links and dates, point at the provider in their own language and join its menu."""
    site = build_home_site()
    locales = add_home_translations(site, NEW_LANGUAGES)
    demo.seed(stdout=io.StringIO())

    for language, locale in locales.items():
        index = SolutionIndexPage.objects.get(locale=locale, live=True)
        assert index.title == demo.TRANSLATIONS[language]["index"]["title"]
        assert NavigationMenuItem.objects.filter(menu__locale=locale, link_page=index).count() == 1
        assert SolutionCategoryPage.objects.filter(locale=locale, live=True).count() == 7
        assert SolutionPage.objects.filter(locale=locale, live=True).count() == 15
        assert Provider.objects.filter(locale=locale).count() == len(demo.PROVIDERS)
        for page in SolutionPage.objects.filter(locale=locale).select_related("provider"):
            source = SolutionPage.objects.get(locale=site.home.locale, translation_key=page.translation_key)
            assert page.slug == source.slug
            assert page.markets == source.markets
            assert page.free_for_coached == source.free_for_coached
            assert page.title == demo.TRANSLATIONS[language]["offerings"][page.slug][0]
            assert page.provider.locale == locale
            assert page.provider.translation_key == source.provider.translation_key
        for provider in Provider.objects.filter(locale=locale):
            source = Provider.objects.get(locale=site.home.locale, translation_key=provider.translation_key)
            english = Provider.objects.get(locale=site.english, translation_key=provider.translation_key)
            facts = ("website", "markets", "verified_at", "contact_email")
            assert [getattr(provider, f) for f in facts] == [getattr(source, f) for f in facts]
            assert provider.name.startswith(english.name.removesuffix(demo.DEMO_SUFFIX))
            assert provider.description != english.description

    assert Provider.objects.get(locale=locales["th"], name="PChome Thai")
    assert Provider.objects.get(locale=locales["vi"], name="Taipei Cross-Border Logistics (minh họa)")

    counts = (Page.objects.count(), Provider.objects.count(), NavigationMenuItem.objects.count())
    out = io.StringIO()
    demo.seed(stdout=out)
    assert (Page.objects.count(), Provider.objects.count(), NavigationMenuItem.objects.count()) == counts
    assert "created" not in out.getvalue()
    assert "added" not in out.getvalue()

    html = client.get("/th/solutions/guide/", {"market": "MY", "need": "compliance"}).content.decode()
    assert "การสนับสนุนการขอรับรองฮาลาล" in html
    assert client.get("/vi/solutions/", {"market": "VN"}).status_code == 200


def test_a_language_without_a_home_page_is_skipped_with_a_message():
    """Only Thai has a home page: Thai is seeded, Malay, Indonesian and Vietnamese are skipped and say so."""
    site = build_home_site()
    locales = add_home_translations(site, ["th"])
    for language in ("ms", "id", "vi"):
        Locale.objects.get_or_create(language_code=language)
    out = io.StringIO()
    demo.seed(stdout=out)

    assert SolutionPage.objects.filter(locale=locales["th"]).count() == 15
    for language in ("ms", "id", "vi"):
        assert f"no {language} home page yet" in out.getvalue()
        assert not SolutionPage.objects.filter(locale__language_code=language).exists()
        assert not Provider.objects.filter(locale__language_code=language).exists()
