"""Parsing search input and building requests, without a database or an engine."""

import datetime
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from search.backends import elasticsearch
from search.backends.base import Filters, SearchQuery, hit_from_document, localised
from search.models import PendingUpdate
from search.selectors import InvalidSearch, build_filters, parse_page


def test_filters_keep_known_values_and_drop_the_rest():
    filters = build_filters(category="Food-Beverage/Snacks", certifications=["halal", "x"], markets=["th", "zz"])
    assert filters.category == "food-beverage/snacks"
    assert (filters.certifications, filters.markets) == (("HALAL",), ("TH",))
    assert build_filters(category="../../etc").category == ""


def test_swapped_prices_are_put_in_order():
    filters = build_filters(price_min="500", price_max="100")
    assert (filters.price_min, filters.price_max) == (Decimal("100"), Decimal("500"))


@pytest.mark.parametrize("value", ["abc", "-1", "NaN", "Infinity"])
def test_bad_prices_raise_a_clear_error(value):
    with pytest.raises(InvalidSearch):
        build_filters(price_min=value)


@pytest.mark.parametrize(("value", "page"), [(None, 1), ("", 1), ("3", 3), ("100000", 100000)])
def test_pages(value, page):
    assert parse_page(value) == page


@pytest.mark.parametrize("value", ["0", "-1", "x", "1.5"])
def test_bad_pages(value):
    with pytest.raises(InvalidSearch):
        parse_page(value)


def _query(**changes):
    values = {
        "text": "tea",
        "alternatives": ("tea", "teh"),
        "filters": Filters(markets=("TH",)),
        "sort": "relevance",
        "page": 1,
        "language": "th",
    }
    return SearchQuery(**{**values, **changes})


def test_elasticsearch_request_has_one_clause_per_alternative_and_boosts_the_buyer_language():
    """Each alternative needs every word, each word in any field: Chinese/Thai fields exactly, Latin fields with
    typo tolerance, compounds through the name parts; the buyer's language counts double."""
    query = _query(text="bicycle light", alternatives=("bicycle light", "basikal light"))
    body = elasticsearch.build_request(query)
    alternatives = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert len(alternatives) == 2
    words = alternatives[0]["bool"]["should"][0]["bool"]["must"]
    assert len(words) == 2
    segmented, latin, parts = (clause["multi_match"] for clause in words[-1]["bool"]["should"])
    assert latin["fuzziness"] == "AUTO" and "fuzziness" not in segmented
    assert "name.th^8" in segmented["fields"] and "category_name.en^3" in latin["fields"]
    assert "name.en.parts^0.5" in parts["fields"]
    assert body["query"]["bool"]["filter"] == [{"terms": {"markets": ["TH"]}}]


def test_elasticsearch_request_body_is_built_once_per_query(monkeypatch):
    """The same query searched again sends the same JSON without building it again; another page is built anew."""
    elasticsearch.request_body.cache_clear()
    built = []
    build = elasticsearch.build_request
    monkeypatch.setattr(elasticsearch, "build_request", lambda query: built.append(query.page) or build(query))
    first = elasticsearch.request_body(_query())
    assert elasticsearch.request_body(_query()) is first
    assert json.loads(first) == build(_query())
    elasticsearch.request_body(_query(page=2))
    assert built == [1, 2]


def test_elasticsearch_request_beyond_the_result_window_asks_for_no_hits():
    body = elasticsearch.build_request(_query(page=100000))
    assert (body["from"], body["size"]) == (0, 0)


def test_browsing_sorts_newest_first():
    assert elasticsearch.build_request(_query(text="", alternatives=()))["sort"][0] == {"created_at": "desc"}


def test_localised_falls_back_to_english_then_chinese():
    assert localised({"zh_hant": "茶", "en": "Tea", "th": ""}, "th") == "Tea"
    assert localised({"zh_hant": "茶", "en": ""}, "vi") == "茶"


def test_hit_uses_the_supplier_name_of_the_language():
    document = {"id": 1, "name": {"en": "Tea"}, "supplier": {"name": "茶行", "name_en": "Tea House", "verified": True}}
    assert hit_from_document(document, "zh-hant").supplier == "茶行"
    assert hit_from_document(document, "en").supplier == "Tea House"


def test_outbox_backs_off_exponentially_up_to_an_hour():
    now = timezone.now()
    row = PendingUpdate(product_id=1)
    delays = []
    for _ in range(12):
        row.retry_later(error="ConnectionError", now=now)
        delays.append(row.next_attempt_at - now)
    assert delays[:3] == [datetime.timedelta(seconds=s) for s in (10, 20, 40)]
    assert delays[-1] == datetime.timedelta(hours=1)
    assert row.attempts == 12 and row.last_error == "ConnectionError"


def test_only_latin_queries_ask_for_a_spelling_suggestion():
    assert "suggest" in elasticsearch.build_request(_query(text="pinapple", alternatives=("pinapple",)))
    assert "suggest" not in elasticsearch.build_request(_query(text="鳳梨酥", alternatives=("鳳梨酥",)))
