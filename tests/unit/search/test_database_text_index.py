"""The database backend's text indexes (pg_trgm and the short-word index on PostgreSQL, an FTS5 trigram
table on SQLite), the entries' facet keys and the facet totals: they make searches cheaper and never change
what a search finds or counts (migrations 0003 and 0005)."""

import collections
import importlib

import pytest
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from search import indexing
from search.backends import database
from search.backends.base import Filters, SearchQuery
from search.models import ProductEntry, ProductEntryFacet, ProductFacetTotal
from search.selectors import build_filters
from search.text import fold

pytestmark = pytest.mark.django_db


def _document(product_id, *, name, markets=("TH",), category="food-beverage/tea", description=""):
    created = timezone.now() - timezone.timedelta(minutes=product_id)
    return {
        "id": product_id,
        "sku": f"SKU-{product_id}",
        "name": {"en": "", "zh_hant": name},
        "description": {"en": description, "zh_hant": ""},
        "category": category,
        "category_paths": [category.split("/")[0], category],
        "certifications": ["HALAL"] if product_id % 2 else [],
        "markets": list(markets),
        "district": "wanhua",
        "sample_available": product_id % 3 == 0,
        "price_twd": 100.0 + product_id,
        "moq": 10,
        "created_at": created.isoformat(),
        "updated_at": created.isoformat(),
        "supplier": {"id": 1, "name": "台北商行", "name_en": "", "verified": False},
        "urls": {"zh-hant": f"/zh-hant/product/{product_id}/"},
    }


def _query(*alternatives, filters=None):
    texts = tuple(fold(text) for text in alternatives)
    return SearchQuery(
        text=texts[0] if texts else "",
        alternatives=texts,
        filters=filters or Filters(),
        sort="relevance",
        page=1,
        language="zh-hant",
    )


def _found(*alternatives):
    results, _counts = database.search(_query(*alternatives))
    return sorted(hit.id for hit in results.hits)


def _recounted_totals():
    rows = ProductEntryFacet.objects.values("facet", "value").annotate(entries=Count("*"))
    return {(row["facet"], row["value"]): row["entries"] for row in rows}


def _totals():
    return {
        (facet, value): entries
        for facet, value, entries in ProductFacetTotal.objects.values_list("facet", "value", "entries")
        if entries
    }


def _text_index_rows():
    """(product id, text) of the SQLite trigram table."""
    table = ProductEntry.TEXT_INDEX
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, search_text FROM {table} ORDER BY rowid")  # noqa: S608 (name from the model)
        return cursor.fetchall()


def _through_the_index_only():
    """On PostgreSQL, forbid sequential scans for the rest of the test's transaction, so a search that finds
    rows found them through an index."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")


CATALOGUE = [
    _document(1, name="烏龍茶 oolong tea"),
    _document(2, name="紅茶", markets=("MY",)),
    _document(3, name="鳳梨酥 pineapple cake", markets=("TH", "MY")),
    _document(4, name="ขนมพายสับปะรด", category="food-beverage/pastries"),
    _document(5, name="面膜 face mask", category="beauty/skincare", markets=("VN",)),
    _document(6, name="TV stand", category="home/furniture", markets=("VN", "TH")),
    _document(7, name="茶葉蛋", description="tea eggs, oolong"),
]


@pytest.fixture
def catalogue():
    indexing.write_entries(CATALOGUE)


def test_a_word_of_three_characters_is_looked_up_in_the_trigram_index(catalogue):
    """PostgreSQL answers `contains` of a 3+ character word from the GIN trigram index; SQLite asks its FTS5
    trigram table first. Either way the same entries are found."""
    condition = database._text_filter((fold("oolong"),))
    if connection.vendor == "postgresql":
        _through_the_index_only()
        plan = ProductEntry.objects.filter(condition).explain()
        assert "search_entry_text_trgm" in plan
    else:
        assert "VIRTUAL TABLE INDEX" in ProductEntry.objects.filter(condition).explain()
    assert _found("oolong") == [1, 7]


def test_short_words_are_matched_without_the_trigram_index(catalogue):
    """One- and two-character words have no trigram. SQLite does not ask the FTS5 table for them (it would
    find nothing): LIKE alone matches them, and beside them an alternative with a longer word ("tea" for "茶")
    is still looked up in the table. PostgreSQL looks them up in the index of one- and two-character
    substrings (migration 0005). Either way the same entries are found."""
    if connection.vendor == "sqlite":
        assert "VIRTUAL TABLE" not in ProductEntry.objects.filter(database._text_filter(("面膜",))).explain()
        assert "VIRTUAL TABLE" in ProductEntry.objects.filter(database._text_filter(("茶", "tea"))).explain()
    else:
        _through_the_index_only()
        assert "search_entry_text_short" in ProductEntry.objects.filter(database._text_filter(("面膜",))).explain()
        plan = ProductEntry.objects.filter(database._text_filter(("茶", "tea"))).explain()
        assert "search_entry_text_short" in plan
        assert "search_entry_text_trgm" in plan
    assert _found("茶") == [1, 2, 7]
    assert _found("茶", "tea") == [1, 2, 7]
    assert _found("紅茶", "oolong") == [1, 2, 7]
    assert _found("oolong 茶", "oolong tea") == [1, 7]
    assert _found("ขนม", "cake") == [3, 4]
    assert _found("面膜") == [5]
    assert _found("tv") == [6]
    assert _found("茶", "cake") == [1, 2, 3, 7]


def test_thai_chinese_and_mixed_words_match_as_substrings(catalogue):
    """Thai without word breaks, Traditional and Simplified Chinese, a long word with a short one, and
    synonym alternatives where one has only short words."""
    _through_the_index_only()
    assert _found("สับปะรด") == [4]
    assert _found("ขนมพาย") == [4]
    assert _found("鳳梨酥") == _found("凤梨酥") == [3]
    assert _found("烏龍") == [1]
    assert _found("oolong 茶") == [1, 7]
    assert _found("pineapple", "面膜") == [3, 5]
    assert _found("face mask", "mask") == [5]
    assert _found("tea eggs") == [7]
    assert _found("茶 pineapple") == []


def test_words_with_quotes_and_wildcards_are_text(catalogue):
    """Characters of the FTS5 query language and of LIKE are matched as themselves."""
    indexing.write_entries([_document(8, name='5" tablet 100%_off "quoted"')])
    assert _found('5" tablet') == [8]
    assert _found('"quoted"') == [8]
    assert _found("100%_off") == [8]
    assert _found("100%") == [8]
    assert _found("0%_") == [8]
    assert _found("a_b") == []


def test_the_text_index_follows_adds_updates_and_deletions(catalogue):
    """After an update, a removal and a full replace the index finds the entries as they are now: the renamed
    product under its new name only, the removed one no more."""
    _through_the_index_only()
    indexing.write_entries([_document(1, name="高山茶 mountain tea")], removed_ids=[7])
    assert _found("oolong") == []
    assert _found("mountain") == [1]
    if connection.vendor == "sqlite":
        entries = list(ProductEntry.objects.order_by("product_id").values_list("product_id", "search_text"))
        assert _text_index_rows() == entries
        assert [product_id for product_id, _text in entries] == [1, 2, 3, 4, 5, 6]
    indexing.write_entries([_document(9, name="oolong milk tea")], replace_all=True)
    assert _found("oolong") == [9]
    assert _found("mountain") == []
    if connection.vendor == "sqlite":
        assert _text_index_rows() == [(9, ProductEntry.objects.get().search_text)]


def test_facet_totals_equal_the_facet_rows_after_adds_updates_and_deletes(catalogue):
    """The totals are the counts recomputed from the facet rows, whatever was written."""
    assert _totals() == _recounted_totals()
    assert _totals()[("market", "TH")] == 5
    indexing.write_entries(
        [_document(2, name="紅茶", markets=("TH", "VN")), _document(10, name="新品", markets=("ID",))],
        removed_ids=[6, 99],
    )
    assert _totals() == _recounted_totals()
    assert (_totals()[("market", "TH")], _totals()[("market", "ID")]) == (5, 1)
    assert ("category", "home/furniture") not in _totals()
    indexing.write_entries([], removed_ids=[1, 2, 3, 4, 5, 7, 10])
    assert _totals() == _recounted_totals() == {}
    indexing.write_entries(CATALOGUE[:3], replace_all=True)
    assert _totals() == _recounted_totals()
    assert _totals()[("market", "MY")] == 2


def _expected_counts(documents, field):
    counter = collections.Counter(value for document in documents for value in document[field])
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


@pytest.mark.parametrize(
    ("alternatives", "markets", "expected_ids"),
    [
        ((), [], [1, 2, 3, 4, 5, 6, 7]),  # everything: the totals minus nothing
        ((), ["TH"], [1, 3, 4, 6, 7]),  # more than half: the totals minus the two unmatched entries
        (("茶",), [], [1, 2, 7]),  # fewer than half: the matched entries' rows
        (("ขนม",), ["TH"], [4]),
    ],
)
def test_facet_counts_are_exact_whether_many_or_few_entries_match(
    catalogue, django_assert_num_queries, alternatives, markets, expected_ids
):
    """A search matching more than half of the entries subtracts the unmatched ones' rows from the totals;
    the counts are those of the matched documents either way, in one statement and one read."""
    with django_assert_num_queries(2):
        results, counts = database.search(_query(*alternatives, filters=build_filters(markets=markets)))
    matched = [document for document in CATALOGUE if document["id"] in expected_ids]
    assert results.total == len(expected_ids)
    assert sorted(hit.id for hit in results.hits) == expected_ids
    assert counts["market"] == _expected_counts(matched, "markets")
    assert counts["category"] == _expected_counts(matched, "category_paths")
    assert counts["certification"] == _expected_counts(matched, "certifications")
    assert counts["sample"] == ([("1", n)] if (n := sum(d["sample_available"] for d in matched)) else [])


def test_a_full_replace_whose_commit_callbacks_run_inside_a_transaction_still_analyzes(
    django_capture_on_commit_callbacks,
):
    """The statistics step after a full replace runs even when its on-commit callback runs inside a transaction
    (as in tests and in a caller's outer block run early): ANALYZE there, never a VACUUM that would fail."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        indexing.write_entries([_document(1, name="Oolong tea"), _document(2, name="Pineapple cake")], replace_all=True)
    assert indexing._analyze in callbacks
    assert ProductEntry.objects.count() == 2


def _short_grams(text):
    return {word[i : i + n] for word in text.split(" ") for i in range(len(word)) for n in (1, 2)}


def test_postgresql_keeps_every_one_and_two_character_substring_of_each_word(catalogue):
    """The generated column behind the short-word index (PostgreSQL): each word's substrings of one and two
    characters, none spanning two words, computed for every entry written (one renamed here)."""
    if connection.vendor != "postgresql":
        assert "short_grams" not in {column.name for column in _columns(ProductEntry._meta.db_table)}
        return
    indexing.write_entries([_document(3, name="鳳梨酥 ab")])
    table = ProductEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT search_text, short_grams FROM {table} ORDER BY product_id")  # noqa: S608
        rows = cursor.fetchall()
    assert len(rows) == len(CATALOGUE)
    for text, grams in rows:
        assert set(grams) == _short_grams(text)
    renamed = next(set(grams) for text, grams in rows if fold("鳳梨酥 ab") in text)
    assert {"凤梨", "梨酥", "酥", "ab", "b"} <= renamed
    assert not any(" " in gram for _text, grams in rows for gram in grams)


def _columns(table):
    with connection.cursor() as cursor:
        return connection.introspection.get_table_description(cursor, table)


def _keys_of_the_facet_rows():
    keys = collections.defaultdict(list)
    for entry_id, facet, value in ProductEntryFacet.objects.values_list("entry_id", "facet", "value"):
        keys[entry_id].append(f"{facet} {value}")
    return {entry_id: sorted(values) for entry_id, values in keys.items()}


def _facet_keys():
    return {entry_id: sorted(keys) for entry_id, keys in ProductEntry.objects.values_list("product_id", "facet_keys")}


def test_an_entrys_facet_keys_are_its_facet_rows_after_writes_and_the_migration(catalogue):
    """`facet_keys` holds the entry's facet rows; migration 0005 fills it for entries written before it."""
    indexing.write_entries([_document(2, name="紅茶", markets=("VN", "SG"))], removed_ids=[6])
    assert _facet_keys() == _keys_of_the_facet_rows()
    assert "market SG" in _facet_keys()[2]
    migration = importlib.import_module("search.migrations.0005_entry_filter_indexes")
    ProductEntry.objects.update(facet_keys=None)
    with connection.cursor() as cursor:
        cursor.execute(migration.FILL_FACET_KEYS[connection.vendor])
    assert _facet_keys() == _keys_of_the_facet_rows()


@pytest.mark.parametrize(
    ("alternatives", "filters"),
    [
        (("茶",), {"markets": ["TH"]}),
        (("tea", "茶"), {"markets": ["TH", "MY"]}),
        ((), {"markets": ["TH"], "category": "food-beverage"}),
        (("oolong",), {"certifications": ["HALAL"], "category": "food-beverage/tea"}),
        (("面膜",), {"markets": ["VN"]}),
    ],
)
def test_filters_through_the_facet_keys_find_what_the_facet_rows_find(catalogue, alternatives, filters):
    """PostgreSQL filters a search with words, or with several facets, through `facet_keys` (one GIN index
    with the text's); the entries found are those the facet rows give. SQLite always reads the facet rows."""
    query = _query(*alternatives, filters=build_filters(**filters))
    if connection.vendor != "postgresql":
        assert not database._by_keys(query)
        return
    assert database._by_keys(query)
    entries = ProductEntry.objects.all()
    if alternatives:
        entries = entries.filter(database._text_filter(query.alternatives))
    by_keys = database._filtered(entries, query.filters, by_keys=True)
    by_rows = database._filtered(entries, query.filters)
    assert sorted(by_keys.values_list("product_id", flat=True)) == sorted(by_rows.values_list("product_id", flat=True))
    assert by_rows.exists()
    _through_the_index_only()
    assert "search_entry_facet_keys" in by_keys.explain()
