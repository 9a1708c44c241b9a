"""The showcase demo seed: one page per language under the home page, idempotent, skipped without a home."""

import io

import pytest

from catalog.showcase import storefront_demo
from catalog.showcase.models import ShowcasePage
from tests.factories.home import build_site

pytestmark = pytest.mark.django_db


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


def test_skips_without_a_home_page():
    """Without a home page the seed says so and creates nothing."""
    out = io.StringIO()
    storefront_demo.seed(stdout=out)
    assert "showcase skipped" in out.getvalue()
    assert not ShowcasePage.objects.exists()
