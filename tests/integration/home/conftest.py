import pytest

from tests.factories.home import build_site


@pytest.fixture
def site(db):
    """A zh-hant site with its English translation: home, about (+ child), news index with 2 articles, alliance."""
    return build_site(news_count=2)
