"""Demo content: the six page trees, partners, menus and footers, created once however often seeding runs."""

import io

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page, Site

from portal.home import demo
from portal.home.models import (
    AlliancePage,
    FooterContent,
    HomePage,
    NavigationMenu,
    NavigationMenuItem,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
    StandardPage,
)
from portal.management.commands import seed_demo
from tests.demo_content import load_demo

pytestmark = pytest.mark.django_db

NEW_LANGUAGES = ("th", "ms", "id", "vi")


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


def test_seed_builds_every_language():
    """Seeding creates all six locales, a zh-hant home as site root and its five translations with their content."""
    load_demo("portal.home.demo")

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"zh-hant", "en", "th", "ms", "id", "vi"}
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(pk=site.root_page_id)
    assert home.locale.language_code == "zh-hant"
    assert not Page.objects.filter(depth=2).exclude(content_type__app_label="home").exists()
    for language in ("en", *NEW_LANGUAGES):
        assert home.get_translation(Locale.objects.get(language_code=language)).live
    for language in ("zh-hant", "en", *NEW_LANGUAGES):
        for model in (NewsIndexPage, StandardPage, AlliancePage):
            assert model.objects.live().filter(locale__language_code=language).exists(), (language, model)
        assert NewsPage.objects.live().filter(locale__language_code=language).count() == len(demo.NEWS)
        assert PartnerOrganisation.objects.filter(locale__language_code=language).count() == len(demo.PARTNERS)
        assert FooterContent.objects.get(locale__language_code=language).links.count() == 3
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


def test_every_language_has_its_main_menu_before_the_feature_demos_run():
    """The later demo modules add their index pages to the menu of each language: all six menus exist here,
    each linking to the about, news and alliance pages of its own language."""
    load_demo("portal.home.demo")

    for language in ("zh-hant", "en", *NEW_LANGUAGES):
        menu = NavigationMenu.objects.get(locale__language_code=language)
        items = list(menu.items.order_by("sort_order"))
        assert [item.link_page.specific_class for item in items] == [StandardPage, NewsIndexPage, AlliancePage]
        assert {item.link_page.locale.language_code for item in items} == {language}
        assert [item.label for item in items] == [
            demo.MENU_LABELS[language][name] for name in ("about", "news", "alliance")
        ]


def _blocks(page):
    return [(block.block_type, block.value) for block in page.body]


@pytest.mark.parametrize("language", NEW_LANGUAGES)
def test_translations_keep_the_structure_of_the_default_language(language):
    """Same blocks in the same order, same picture, same figures, same dates; links stay in the language."""
    load_demo("portal.home.demo")
    locale = Locale.objects.get(language_code=language)
    home = HomePage.objects.get(locale__language_code="zh-hant")
    translated = home.get_translation(locale)

    source_blocks, blocks = _blocks(home), _blocks(translated)
    assert [kind for kind, _value in blocks] == [kind for kind, _value in source_blocks]
    hero, figures, programs = blocks[0][1], blocks[1][1], blocks[2][1]
    assert hero["image"] == source_blocks[0][1]["image"]
    assert hero["call_to_action"]["page"].locale == locale
    assert [figure["number"] for figure in figures["figures"]] == ["5", "3", "30", "30", "158"]
    assert list(programs["pages"]) == []  # as in English: the coaching programs come later

    about = StandardPage.objects.get(locale=locale, slug="about")
    source_about = about.get_translation(home.locale)
    assert [kind for kind, _value in _blocks(about)] == [kind for kind, _value in _blocks(source_about)]
    assert _blocks(about)[-1][1]["link"]["page"].specific_class is AlliancePage
    assert _blocks(about)[-1][1]["link"]["page"].locale == locale

    articles = NewsPage.objects.filter(locale=locale).order_by("date")
    source_articles = NewsPage.objects.filter(locale=home.locale).order_by("date")
    assert [(a.translation_key, a.date, a.slug) for a in articles] == [
        (a.translation_key, a.date, a.slug) for a in source_articles
    ]


@pytest.mark.parametrize("language", NEW_LANGUAGES)
def test_new_languages_are_translated_not_copied(language):
    """No page title, menu label, footer text or partner description of th/ms/id/vi is the English or Chinese one."""
    load_demo("portal.home.demo")

    def titles(code):
        return {p.translation_key: p.title for p in Page.objects.filter(locale__language_code=code, depth__gt=1)}

    translated = titles(language)
    for source in ("en", "zh-hant"):
        same = {key for key, title in titles(source).items() if translated[key] == title}
        assert not same, (language, source, same)
        assert NavigationMenu.objects.get(locale__language_code=language).title != demo.MENU_LABELS[source]["title"]
        footer, source_footer = (FooterContent.objects.get(locale__language_code=code) for code in (language, source))
        assert footer.organisation != source_footer.organisation
        assert footer.address != source_footer.address
        labels = set(footer.links.values_list("label", flat=True))
        assert not labels & set(source_footer.links.values_list("label", flat=True))
        for kind in PartnerOrganisation.Kind:
            descriptions = set(
                PartnerOrganisation.objects.filter(locale__language_code=language, kind=kind).values_list(
                    "description", flat=True
                )
            )
            source_descriptions = set(
                PartnerOrganisation.objects.filter(locale__language_code=source, kind=kind).values_list(
                    "description", flat=True
                )
            )
            assert not descriptions & source_descriptions, (language, source, kind)


def test_seed_twice_changes_nothing():
    """A second run of the site pages' seed leaves every count (even page revisions) unchanged."""
    load_demo("portal.home.demo")
    first = counts()
    demo.seed(stdout=io.StringIO())
    assert counts() == first


def test_seed_demo_command_twice_gives_the_same_counts():
    """`manage.py seed_demo` runs every demo module in order; running it again creates nothing."""
    load_demo()
    first = seed_demo.summary_counts()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    assert seed_demo.summary_counts() == first
    for name in seed_demo.DEMO_MODULES:
        assert f"Seeding {name}" in out.getvalue()
    assert "home.PartnerOrganisation: 72" in out.getvalue()


def test_english_visitor_journey_after_seeding(client):
    """zh-hant home → "English" → "News" in the English menu → first article: each step has a heading."""
    load_demo()

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


@pytest.mark.parametrize("language", NEW_LANGUAGES)
def test_visitor_journey_in_the_new_languages(client, language):
    """/<lang>/ → the news link of that language's menu → first article; the alliance lists the partners in it."""
    load_demo("portal.home.demo")
    labels = demo.MENU_LABELS[language]

    home = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}">' in home
    assert f'<a href="/{language}/news/">{escape(labels["news"])}</a>' in home
    assert escape(demo.HOME_BODY[language]["hero_heading"]) in home
    assert escape(demo.FOOTER[language]["organisation"]) in home

    listing = client.get(f"/{language}/news/")
    assert listing.status_code == 200
    first_article = listing.context["articles"][0]
    assert first_article.locale.language_code == language
    article = client.get(first_article.url)
    assert article.status_code == 200
    assert f"<h1>{escape(first_article.title)}</h1>" in article.content.decode()
    tag = first_article.tags.first()
    tagged = client.get(f"/{language}/news/", {"tag": tag.slug})
    assert first_article in tagged.context["articles"]

    alliance = client.get(f"/{language}/alliance/").content.decode()
    ming_chuan = next(names for key, _kind, names, _link in demo.PARTNERS if key == "partner:mcu")[language]
    assert escape(ming_chuan) in alliance
    assert escape(demo.PARTNER_DESCRIPTIONS["platform"][language]) in alliance
