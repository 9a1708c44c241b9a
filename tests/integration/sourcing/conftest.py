import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache

from tests.factories.home import build_site
from tests.factories.sourcing import build_marketplace


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def market(db):
    build_site(news_count=0)
    return build_marketplace()


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """``client.post`` that also runs the after-commit callbacks (the e-mails), as a real request would."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send


def link_in(message, pattern):
    """The path of the first address in the e-mail that contains ``pattern``."""
    match = re.search(rf"https?://\S+{pattern}\S*", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path
