"""The database backend finds the matching entries once per search: one statement gives the total, every facet's
counts over the matches and the page's ids; a second query reads the page's documents."""

import pytest
from django.utils import timezone

from search import indexing
from search.backends import database
from search.backends.base import Filters, SearchQuery
from search.facets import PAGE_SIZE
from search.selectors import build_filters

pytestmark = pytest.mark.django_db


def _document(product_id, *, name, price, markets=("TH",), created_days_ago=0):
    created = timezone.now() - timezone.timedelta(days=created_days_ago)
    return {
        "id": product_id,
        "sku": f"SKU-{product_id}",
        "name": {"en": "", "zh_hant": name},
        "description": {"en": "", "zh_hant": ""},
        "category": "food-beverage/tea",
        "category_paths": ["food-beverage", "food-beverage/tea"],
        "certifications": [],
        "markets": list(markets),
        "district": "wanhua",
        "sample_available": False,
        "price_twd": price,
        "moq": 10,
        "created_at": created.isoformat(),
        "updated_at": created.isoformat(),
        "supplier": {"id": 1, "name": "台北商行", "name_en": "", "verified": False},
        "urls": {"zh-hant": f"/zh-hant/product/{product_id}/"},
    }


def _query(text="", *, filters=None, sort="relevance", page=1):
    return SearchQuery(
        text=text,
        alternatives=(text,) if text else (),
        filters=filters or Filters(),
        sort=sort,
        page=page,
        language="zh-hant",
    )


@pytest.fixture
def entries():
    indexing.write_entries(
        [
            _document(1, name="烏龍茶", price=300.0, markets=("TH", "MY"), created_days_ago=3),
            _document(2, name="紅茶", price=90.0, created_days_ago=2),
            _document(3, name="鳳梨酥", price=450.0, markets=("MY",), created_days_ago=1),
            *(_document(10 + i, name=f"綠茶 {i}", price=1200.0, markets=("VN",)) for i in range(PAGE_SIZE)),
        ]
    )


def test_a_search_is_one_statement_and_one_read_of_the_page(entries, django_assert_num_queries):
    """Text, filters, facets, total and page: two queries, however many entries match."""
    with django_assert_num_queries(2):
        results, counts = database.search(_query("茶", filters=build_filters(markets=["TH", "VN"])))
    assert results.total == PAGE_SIZE + 2
    assert len(results.hits) == PAGE_SIZE
    assert counts["market"] == [("VN", PAGE_SIZE), ("TH", 2), ("MY", 1)]
    assert counts["price"] == [("0-100", 1), ("100-500", 1), ("1000-5000", PAGE_SIZE)]


def test_facet_counts_cover_the_matching_entries_only(entries):
    """鳳梨酥 matches one entry: the counts are that entry's values, not the catalogue's."""
    results, counts = database.search(_query("凤梨酥"))
    assert [hit.id for hit in results.hits] == [3]
    assert counts["market"] == [("MY", 1)]
    assert counts["category"] == [("food-beverage", 1), ("food-beverage/tea", 1)]
    assert counts["price"] == [("100-500", 1)]


def test_the_page_keeps_the_sort_order(entries):
    """Prices low to high, then the second page goes on where the first stopped."""
    first = database.search(_query("茶", sort="price_asc"))[0]
    second = database.search(_query("茶", sort="price_asc", page=2))[0]
    assert [hit.id for hit in first.hits][:2] == [2, 1]
    ids = [hit.id for hit in first.hits + second.hits]
    assert len(ids) == len(set(ids)) == PAGE_SIZE + 2
    assert ids[2:] == sorted(ids[2:])


def test_nothing_found_reads_no_documents(entries, django_assert_num_queries):
    """A query that matches nothing costs the one statement, and gives no counts."""
    with django_assert_num_queries(1):
        results, counts = database.search(_query("咖啡"))
    assert (results.total, results.hits, counts) == (0, [], {})


def test_a_page_beyond_the_last_has_the_total_and_no_hits(entries):
    results, counts = database.search(_query("茶", page=5))
    assert (results.total, results.hits) == (PAGE_SIZE + 2, [])
    assert counts["market"][0] == ("VN", PAGE_SIZE)
