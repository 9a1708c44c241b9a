"""What every search reads and what rarely changes (synonym sets, category labels, the engine client) is kept
in the process and read again only after a change."""

import pytest
from django.core.cache import cache

from search import engine, sources, synonyms
from search.models import SynonymSet
from tests.factories.showcase import ProductCategoryFactory

pytestmark = pytest.mark.django_db


def test_synonym_sets_are_read_from_the_database_once(django_assert_num_queries):
    """The second search reads no synonym set from the database: one cache read of the version instead."""
    SynonymSet.objects.create(name="Tea", terms="tea\nteh\ntrà")
    synonyms.load_synonym_sets()
    with django_assert_num_queries(0):
        assert ["tea", "teh", "tra"] in synonyms.load_synonym_sets()


def test_a_saved_or_deleted_synonym_set_applies_to_the_next_search():
    """Saving a set starts a new version, so its new terms expand the next query; deleting it removes them."""
    tea = SynonymSet.objects.create(name="Tea", terms="tea\nteh")
    assert "teh" in synonyms.expand("tea", synonyms.load_synonym_sets())
    tea.terms = "tea\nchai"
    tea.save()
    assert synonyms.expand("tea", synonyms.load_synonym_sets()) == ["tea", "chai"]
    tea.delete()
    assert synonyms.expand("tea", synonyms.load_synonym_sets()) == ["tea"]


def test_another_process_sees_the_change_through_the_shared_version():
    """A process that kept the sets reads them again when another process (here: a new version written to the
    shared cache, its values dropped) changed them."""
    SynonymSet.objects.create(name="Tea", terms="tea\nteh")
    synonyms.load_synonym_sets()
    SynonymSet.objects.filter(name="Tea").update(terms="tea\nchá")
    assert ["tea", "teh"] in synonyms.load_synonym_sets()
    cache.set(synonyms.SYNONYM_SETS.key, "written by another process")
    assert ["tea", "cha"] in synonyms.load_synonym_sets()


def test_category_labels_are_kept_per_language_until_a_category_changes(django_assert_num_queries):
    """Facet labels of categories cost no query once read; renaming a category shows the new name."""
    tea = ProductCategoryFactory(path="tea", slug="tea", name_zh_hant="茶", name_en="Tea", name_th="ชา")
    assert sources.category_labels(["tea", "unknown"], "th") == {"tea": "ชา"}
    with django_assert_num_queries(0):
        assert sources.category_labels(["tea"], "th") == {"tea": "ชา"}
        assert sources.category_labels(["tea"], "th") == {"tea": "ชา"}
    assert sources.category_labels(["tea"], "en") == {"tea": "Tea"}
    tea.name_th = "ชาไต้หวัน"
    tea.save()
    assert sources.category_labels(["tea"], "th") == {"tea": "ชาไต้หวัน"}
    tea.delete()
    assert sources.category_labels(["tea"], "th") == {}


def test_one_elasticsearch_client_per_process_and_url(settings):
    """Searches share one client (and its kept-alive connections); another URL or timeout gets its own."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    first = engine.get_client()
    assert engine.get_client() is first
    settings.ELASTICSEARCH_TIMEOUT = 1.5
    assert engine.get_client() is not first
    settings.ELASTICSEARCH_URL = ""
    assert engine.get_client() is None


def test_a_query_is_expanded_once_until_a_synonym_set_changes(monkeypatch):
    """The same text searched again reuses its alternatives; a saved set gives the next search its new terms."""
    tea = SynonymSet.objects.create(name="Tea", terms="tea\nteh")
    calls = []
    expand = synonyms.expand
    monkeypatch.setattr(synonyms, "expand", lambda text, sets: calls.append(text) or expand(text, sets))
    assert synonyms.alternatives("tea") == ("tea", "teh")
    assert synonyms.alternatives("tea") == ("tea", "teh")
    assert calls == ["tea"]
    tea.terms = "tea\nchai"
    tea.save()
    assert synonyms.alternatives("tea") == ("tea", "chai")
    assert calls == ["tea", "tea"]


def test_at_most_so_many_expanded_queries_are_kept(monkeypatch):
    """The least recently used text is dropped first, so arbitrary queries cannot fill the memory."""
    monkeypatch.setattr(synonyms, "EXPANSIONS_KEPT", 2)
    monkeypatch.setattr(synonyms, "_expansions", synonyms._Expansions())
    for text in ("a", "b", "a", "c"):
        synonyms.alternatives(text)
    assert list(synonyms._expansions._alternatives) == ["a", "c"]
