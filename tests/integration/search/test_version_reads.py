"""The search page reads the versions of what a process keeps (synonym sets, category labels, the page tree, the
locales) in one cache round trip per request, and a change still shows on the next page."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from portal import versioned
from search.models import SynonymSet
from search.synonyms import SYNONYM_SETS, load_synonym_sets
from tests.factories.inquiries import build_showcase

pytestmark = pytest.mark.django_db

URL = "/en/search/products/?q=tea"


class CountingCache:
    """The shared cache, counting the reads of version tokens."""

    def __init__(self):
        self.gets, self.get_manys = 0, 0

    def get(self, key, *args, **kwargs):
        self.gets += key.startswith("versioned:")
        return cache.get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        self.get_manys += 1
        return cache.get_many(keys, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(cache, name)


@pytest.fixture
def shop(settings):
    settings.ELASTICSEARCH_URL = ""
    shop = build_showcase()
    call_command("search_rebuild", "--no-progress", stdout=io.StringIO())
    return shop


def test_a_search_page_reads_every_version_in_one_round_trip(client, shop, monkeypatch):
    client.get(URL)
    counting = CountingCache()
    monkeypatch.setattr(versioned, "cache", counting)
    assert client.get(URL).status_code == 200
    assert (counting.get_manys, counting.gets) == (1, 0)


def test_outside_a_request_each_use_reads_its_version(shop, monkeypatch):
    counting = CountingCache()
    monkeypatch.setattr(versioned, "cache", counting)
    load_synonym_sets()
    load_synonym_sets()
    assert (counting.get_manys, counting.gets) == (0, 2)


def test_a_change_in_the_request_shows_at_once_and_another_processs_on_the_next_request(shop):
    versioned._request_started()
    try:
        assert load_synonym_sets() == []
        SynonymSet.objects.create(name="tea", terms="tea\nteh")
        assert load_synonym_sets() == [["tea", "teh"]]
        SynonymSet.objects.update(terms="tea\nzorblax")
        cache.set(SYNONYM_SETS.key, "another process's version", timeout=None)
        assert load_synonym_sets() == [["tea", "teh"]]
    finally:
        versioned._request_finished()
    assert load_synonym_sets() == [["tea", "zorblax"]]


def test_a_new_synonym_set_shows_on_the_next_search_page(client, shop):
    assert "Dongding oolong tea" not in client.get("/en/search/products/?q=zorblax").content.decode()
    SynonymSet.objects.create(name="tea", terms="tea\nzorblax")
    assert "Dongding oolong tea" in client.get("/en/search/products/?q=zorblax").content.decode()
