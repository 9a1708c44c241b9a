"""The coaching demo: three programs in zh-hant, translated into every language with a home page (en, th, ms,
id, vi), reviewers, about twenty applications; idempotent."""

import io

import pytest
from wagtail.models import Locale

from coaching import demo
from coaching.models import Application, ProgramIndexPage, ProgramPage
from portal.home import demo as home_demo
from portal.home.models import HomePage, NavigationMenu
from tests.demo_content import load_demo

pytestmark = pytest.mark.django_db

NEW_LANGUAGES = ("th", "ms", "id", "vi")


def _seed_site():
    from portal.companies import demo as companies_demo

    load_demo("portal.home.demo")
    companies_demo.seed(stdout=io.StringIO())


def _add_home_pages(languages):
    """Home pages and empty main menus for ``languages``, as the home demo makes them (where it does not yet)."""
    home = HomePage.objects.get(locale__language_code=demo.DEFAULT)
    for lang in languages:
        locale = Locale.objects.get(language_code=lang)
        home_demo.ensure_translation(
            home, locale, {"title": f"Home {lang}", "slug": f"home-{lang}"}, stdout=io.StringIO()
        )
        NavigationMenu.objects.get_or_create(
            locale=locale, defaults={"translation_key": home_demo.stable_key("navigation:main"), "title": lang}
        )


def _counts():
    return (
        ProgramIndexPage.objects.count(),
        ProgramPage.objects.count(),
        Application.objects.count(),
        Application.objects.values("status").count(),
    )


def test_demo_skips_without_a_home_page():
    """Without the site's home page the demo explains and creates nothing."""
    HomePage.objects.all().delete()
    out = io.StringIO()
    demo.seed(stdout=out)
    assert "skipped" in out.getvalue()
    assert not ProgramPage.objects.exists()


def test_demo_seeds_programs_people_and_applications_once(client):
    """Programs in every language, varied application states; a second run changes nothing."""
    _seed_site()
    _add_home_pages(NEW_LANGUAGES)
    demo.seed(stdout=io.StringIO())
    counts = _counts()
    for lang in (demo.DEFAULT, *demo.TRANSLATIONS):
        assert ProgramPage.objects.filter(locale__language_code=lang).count() == 3, lang
        assert ProgramIndexPage.objects.filter(locale__language_code=lang).count() == 1, lang
    assert Application.objects.count() == 20
    assert Application.objects.values("status").distinct().count() >= 10
    assert Application.objects.exclude(status="draft").filter(reference__isnull=True).count() == 0
    assert not Application.objects.exclude(status="draft").filter(documents__isnull=True).exists()
    assert not Application.objects.exclude(program__locale__language_code=demo.DEFAULT).exists()
    out = io.StringIO()
    demo.seed(stdout=out)
    assert _counts() == counts
    assert "created" not in out.getvalue() and "added" not in out.getvalue()
    program = ProgramPage.objects.get(slug="new-southbound-halal", locale__language_code="en")
    for lang, page in (("en", program), ("zh-hant", program.canonical)):
        response = client.get(page.get_url())
        assert response.status_code == 200, lang
    assert "halal" in client.get(program.get_url()).content.decode().lower()


def test_translated_programs_share_the_source_facts_and_question_ids():
    """Each translation is a copy of the zh-hant program: same dates, capacity, fee, markets, coaches, question
    and criterion ids and weights, so answers and scores stay valid; only the words are in its own language."""
    _seed_site()
    _add_home_pages(NEW_LANGUAGES)
    demo.seed(stdout=io.StringIO())

    def ids(stream):
        return [(block.block_type, block.id) for block in stream]

    for source in ProgramPage.objects.filter(locale__language_code=demo.DEFAULT):
        english = source.get_translation(Locale.objects.get(language_code="en"))
        for lang in demo.TRANSLATIONS:
            page = source.get_translation(Locale.objects.get(language_code=lang))
            facts = ("opens_at", "closes_at", "capacity", "fee")
            assert [getattr(page, name) for name in facts] == [getattr(source, name) for name in facts], lang
            assert [b.value for b in page.target_markets] == [b.value for b in source.target_markets]
            assert set(page.coaches.all()) == set(source.coaches.all()) and page.coaches.exists()
            assert ids(page.questions) == ids(source.questions), lang
            assert [(b.id, b.value["weight"]) for b in page.rubric] == [
                (b.id, b.value["weight"]) for b in source.rubric
            ]
            choices = [len(b.value.get("choices") or ()) for b in page.questions if "choices" in b.value]
            assert choices == [len(b.value.get("choices") or ()) for b in source.questions if "choices" in b.value]
            if lang == "en":
                continue
            assert page.title not in (source.title, english.title)
            assert page.summary not in (source.summary, english.summary)
            labels = [b.value.get("label") or b.value.get("title") for b in page.questions]
            english_labels = [b.value.get("label") or b.value.get("title") for b in english.questions]
            assert not set(labels) & set(english_labels), lang
            assert [b.value["name"] for b in page.rubric] != [b.value["name"] for b in english.rubric]


def test_each_translated_index_is_in_its_own_menu_and_renders(client):
    """Every language's main menu links to that language's program index; index and programs answer 200."""
    _seed_site()
    _add_home_pages(NEW_LANGUAGES)
    demo.seed(stdout=io.StringIO())
    for lang in (demo.DEFAULT, *demo.TRANSLATIONS):
        index = ProgramIndexPage.objects.get(locale__language_code=lang)
        menu = NavigationMenu.objects.get(locale__language_code=lang)
        item = menu.items.get(link_page=index)
        assert item.label == demo.INDEX[lang]["title"]
        assert index.title == demo.INDEX[lang]["title"]
        assert client.get(index.get_url()).status_code == 200, lang
        for page in ProgramPage.objects.child_of(index):
            response = client.get(page.get_url())
            assert response.status_code == 200, (lang, page.slug)
            assert page.title in response.content.decode()


def test_a_language_without_a_home_page_is_skipped_with_a_message():
    """While a language has no home page yet its programs are left out and the demo says so; once the home page
    exists, the next run adds them."""
    _seed_site()
    _add_home_pages(("ms", "id", "vi"))
    HomePage.objects.filter(locale__language_code="th").delete()
    out = io.StringIO()
    demo.seed(stdout=out)
    assert "no th home page yet" in out.getvalue()
    assert not ProgramPage.objects.filter(locale__language_code="th").exists()
    assert ProgramPage.objects.filter(locale__language_code="ms").count() == 3

    _add_home_pages(("th",))
    demo.seed(stdout=io.StringIO())
    assert ProgramPage.objects.filter(locale__language_code="th").count() == 3
    assert NavigationMenu.objects.get(locale__language_code="th").items.filter(link_page__slug="programs").exists()
