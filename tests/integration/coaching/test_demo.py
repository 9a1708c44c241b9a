"""The coaching demo: three programs in zh-hant and en, reviewers, about twenty applications; idempotent."""

import io

import pytest

from coaching import demo
from coaching.models import Application, ProgramPage
from portal.home.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_skips_without_a_home_page():
    """Without the site's home page the demo explains and creates nothing."""
    HomePage.objects.all().delete()
    out = io.StringIO()
    demo.seed(stdout=out)
    assert "skipped" in out.getvalue()
    assert not ProgramPage.objects.exists()


def test_demo_seeds_programs_people_and_applications_once(client):
    """Programs in both languages, varied application states; a second run changes nothing."""
    from portal.companies import demo as companies_demo
    from portal.home import demo as home_demo

    home_demo.seed(stdout=io.StringIO())
    companies_demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())
    counts = (ProgramPage.objects.count(), Application.objects.count(), Application.objects.values("status").count())
    assert ProgramPage.objects.filter(locale__language_code="zh-hant").count() == 3
    assert ProgramPage.objects.filter(locale__language_code="en").count() == 3
    assert Application.objects.count() == 20
    assert Application.objects.values("status").distinct().count() >= 10
    assert Application.objects.exclude(status="draft").filter(reference__isnull=True).count() == 0
    assert not Application.objects.exclude(status="draft").filter(documents__isnull=True).exists()
    demo.seed(stdout=io.StringIO())
    assert (
        ProgramPage.objects.count(),
        Application.objects.count(),
        Application.objects.values("status").count(),
    ) == counts
    program = ProgramPage.objects.get(slug="new-southbound-halal", locale__language_code="en")
    for lang, page in (("en", program), ("zh-hant", program.canonical)):
        response = client.get(page.get_url())
        assert response.status_code == 200, lang
    assert "halal" in client.get(program.get_url()).content.decode().lower()
