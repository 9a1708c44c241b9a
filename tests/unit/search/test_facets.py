"""The facet vocabulary (search/facets.py) drives both backends, the filters, the page and the API."""

import dataclasses
import types

import pytest
from django.utils import timezone

from search import facets, indexing
from search.api import api
from search.backends import database, elasticsearch
from search.backends.base import Filters, SearchQuery
from search.documents import ProductDocument
from search.facets import BUCKETS, FACETS, FLAG, PRICE_BUCKETS, SORTS, Facet, sort_for
from search.models import ProductEntryFacet
from search.selectors import build_filters
from search.views import STATE_PARAMS

NAMES = [facet.name for facet in FACETS]


def _query(filters=None, **changes):
    values = {
        "text": "",
        "alternatives": (),
        "filters": filters or Filters(),
        "sort": "relevance",
        "page": 1,
        "language": "en",
    }
    return SearchQuery(**{**values, **changes})


def _document(product_id, *, price, sku=None, **changes):
    document = {
        "id": product_id,
        "sku": sku or f"SKU-{product_id}",
        "name": {"en": f"Product {product_id}", "zh_hant": f"商品{product_id}"},
        "description": {"en": "", "zh_hant": ""},
        "category": "food-beverage/snacks",
        "category_paths": ["food-beverage", "food-beverage/snacks"],
        "certifications": ["HALAL"],
        "markets": ["MY", "TH"],
        "ready_for": ["MY"],
        "district": "wanhua",
        "sample_available": True,
        "price_twd": price,
        "moq": 10,
        "created_at": timezone.now().isoformat(),
        "updated_at": timezone.now().isoformat(),
        "supplier": {"id": 1, "name": "茶行", "name_en": "Tea House", "verified": True},
        "urls": {"en": f"/en/product/{product_id}/"},
    }
    return {**document, **changes}


# --- The table ---------------------------------------------------------------------------------------------


def test_facet_names_parameters_and_filter_attributes_are_unique():
    for attribute in ("name", "param", "attribute"):
        values = [getattr(facet, attribute) for facet in FACETS]
        assert len(values) == len(set(values)), attribute
    assert all(len(facet.name) <= ProductEntryFacet._meta.get_field("facet").max_length for facet in FACETS)


def test_the_filters_dataclass_has_one_attribute_per_facet_and_the_price_range():
    names = [field.name for field in dataclasses.fields(Filters)]
    assert names == [facet.attribute for facet in FACETS] + ["price_min", "price_max"]
    assert Filters() == Filters(**{facet.attribute: facet.empty for facet in FACETS})


def test_every_facet_field_is_in_the_elasticsearch_mapping():
    properties = ProductDocument._doc_type.mapping.to_dict()["properties"]
    assert all(facet.field in properties for facet in FACETS)


def test_the_page_keeps_every_facet_parameter_in_its_urls():
    assert [param for param in STATE_PARAMS if param in {f.param for f in FACETS}] == [f.param for f in FACETS]


def test_build_filters_refuses_a_facet_the_table_lacks():
    """A caller naming a facet that is not in the vocabulary is a programming error, not a silent no-op."""
    with pytest.raises(TypeError, match="colour"):
        build_filters(colour=["red"])


# --- Price buckets -----------------------------------------------------------------------------------------


def test_price_buckets_are_half_open_contiguous_and_do_not_overlap():
    """Each bucket is [low, high): one bucket's upper bound is the next one's lower bound, open at both ends."""
    assert PRICE_BUCKETS[0].low is None and PRICE_BUCKETS[-1].high is None
    for lower, upper in zip(PRICE_BUCKETS, PRICE_BUCKETS[1:], strict=False):
        assert lower.high == upper.low
    assert all(b.low < b.high for b in PRICE_BUCKETS if b.low is not None and b.high is not None)


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Under TWD 100", "TWD 100 to under TWD 500", "TWD 1,000 to under TWD 5,000", "TWD 5,000 and more"]),
        (
            "zh-hant",
            [
                "未滿新臺幣 100 元",
                "新臺幣 100 元至未滿新臺幣 500 元",
                "新臺幣 1,000 元至未滿新臺幣 5,000 元",
                "新臺幣 5,000 元以上",
            ],
        ),
    ],
)
def test_price_bucket_labels_say_the_upper_bound_is_excluded(language, labels):
    price = facets.FACETS_BY_NAME["price"]
    shown = price.value_labels(["0-100", "100-500"], language)
    assert [shown[key] for key in ("0-100", "100-500", "1000-5000", "5000-")] == labels


def test_price_bucket_filter_excludes_the_upper_bound_in_elasticsearch():
    body = elasticsearch.build_request(_query(build_filters(price="100-500")))
    assert body["query"]["bool"]["filter"] == [{"range": {"price_twd": {"gte": 100.0, "lt": 500.0}}}]
    typed = elasticsearch.build_request(_query(build_filters(price_min="100", price_max="500")))
    assert typed["query"]["bool"]["filter"] == [{"range": {"price_twd": {"gte": 100.0, "lte": 500.0}}}]


def test_unknown_price_buckets_are_dropped():
    assert build_filters(price="1-2").price == ""
    assert build_filters(price=" 5000- ").price == "5000-"


@pytest.mark.django_db
def test_a_price_on_a_boundary_is_counted_and_found_in_the_upper_bucket_only():
    """NT$100 is not "under NT$100": it is counted in, and filtered into, the 100–500 bucket alone."""
    indexing.write_entries([_document(1, price=100.0), _document(2, price=99.5), _document(3, price=500.0)])
    results, counts = database.search(_query())
    assert counts["price"] == [("0-100", 1), ("100-500", 1), ("500-1000", 1)]
    found = {
        key: [hit.id for hit in database.search(_query(build_filters(price=key)))[0].hits] for key, _ in counts["price"]
    }
    assert found == {"0-100": [2], "100-500": [1], "500-1000": [3]}


# --- Both backends follow the table --------------------------------------------------------------------------


def test_elasticsearch_aggregates_every_facet_of_the_table_and_no_other():
    aggregations = elasticsearch.build_request(_query())["aggs"]
    assert list(aggregations) == NAMES
    for facet in FACETS:
        ((kind, body),) = aggregations[facet.name].items()
        if facet.kind == FLAG:
            assert (kind, body) == ("filter", {"term": {facet.field: True}})
        else:
            assert (kind, body["field"]) == ("range" if facet.kind == BUCKETS else "terms", facet.field)


def test_elasticsearch_filters_every_facet_on_its_document_field():
    filters = build_filters(
        category="food-beverage", certifications=["HALAL"], markets=["TH"], districts=["wanhua"], sample=True
    )
    clauses = elasticsearch.build_request(_query(filters))["query"]["bool"]["filter"]
    assert clauses == [
        {"term": {"category_paths": "food-beverage"}},
        {"terms": {"certifications": ["HALAL"]}},
        {"terms": {"markets": ["TH"]}},
        {"terms": {"district": ["wanhua"]}},
        {"term": {"sample_available": True}},
    ]


def test_elasticsearch_counts_read_the_facets_of_the_table_only():
    """An aggregation the table does not name is not passed on as a facet."""
    aggregations = {
        facet.name: {"doc_count": 2} if facet.kind == FLAG else {"buckets": [{"key": "x", "doc_count": 2}]}
        for facet in FACETS
    }
    aggregations["colour"] = {"buckets": [{"key": "red", "doc_count": 1}]}
    counts = elasticsearch._facet_counts(aggregations)
    assert list(counts) == NAMES
    assert counts["sample"] == [("1", 2)] and counts["market"] == [("x", 2)]


@pytest.mark.django_db
def test_database_backend_counts_every_facet_of_the_table_and_no_other():
    indexing.write_entries(
        [_document(1, price=450.0), _document(2, price=90.0, markets=["MY"], sample_available=False)]
    )
    ProductEntryFacet.objects.create(entry_id=1, facet="colour", value="red")  # a facet no longer in the table
    _results, counts = database.search(_query())
    assert list(counts) == NAMES
    assert counts["market"] == [("MY", 2), ("TH", 1)]
    assert counts["sample"] == [("1", 1)]
    assert counts["category"] == [("food-beverage", 2), ("food-beverage/snacks", 2)]
    assert counts["price"] == [("0-100", 1), ("100-500", 1)]
    assert set(ProductEntryFacet.objects.exclude(facet="colour").values_list("facet", flat=True)) == {
        facet.name for facet in FACETS if facet.kind != BUCKETS
    }


@pytest.mark.django_db
def test_one_new_table_entry_reaches_both_backends(monkeypatch):
    """Adding a facet is adding a Facet: the Elasticsearch body aggregates it, the database rows and counts hold it."""
    table = (*FACETS, Facet("sku", field="sku", label="SKU", multiple=True))
    for module in (elasticsearch, database, indexing):
        monkeypatch.setattr(module, "FACETS", table)
    filters = types.SimpleNamespace(**{facet.attribute: facet.empty for facet in table}, price_min=None, price_max=None)
    body = elasticsearch.build_request(_query(filters))
    assert body["aggs"]["sku"] == {"terms": {"field": "sku", "size": 200, "min_doc_count": 1}}
    indexing.write_entries([_document(1, price=10.0, sku="PC-01"), _document(2, price=20.0, sku="PC-02")])
    _results, counts = database.search(_query(filters))
    assert counts["sku"] == [("PC-01", 1), ("PC-02", 1)]
    narrowed = types.SimpleNamespace(**{**vars(filters), "sku": ("PC-02",)})
    assert [hit.id for hit in database.search(_query(narrowed))[0].hits] == [2]
    assert {"terms": {"sku": ["PC-02"]}} in elasticsearch.build_request(_query(narrowed))["query"]["bool"]["filter"]


# --- Labels ----------------------------------------------------------------------------------------------------


def test_value_labels_are_built_once_per_language():
    market = facets.FACETS_BY_NAME["market"]
    english = market.value_labels(["TH"], "en")
    assert english is market.value_labels(["MY"], "en")
    assert english["TH"] == "Thailand"
    assert market.value_labels(["TH"], "zh-hant")["TH"] != "Thailand"


# --- Sort orders -------------------------------------------------------------------------------------------------


def test_every_sort_has_a_label_and_an_order_in_each_backend():
    assert list(SORTS) == ["relevance", "newest", "price_asc", "price_desc"]
    for sort in SORTS.values():
        assert str(sort.label) and sort.database and sort.elasticsearch


def test_relevance_without_text_and_unknown_sorts_fall_back():
    assert sort_for("relevance", has_text=False).value == "newest"
    assert sort_for("relevance", has_text=True).value == "relevance"
    assert sort_for("nope", has_text=True).value == "relevance"
    assert sort_for("price_asc", has_text=False).value == "price_asc"


def test_elasticsearch_sorts_as_the_table_says():
    for value, sort in SORTS.items():
        body = elasticsearch.build_request(_query(text="tea", alternatives=("tea",), sort=value))
        assert body["sort"] == list(sort.elasticsearch)


@pytest.mark.django_db
def test_database_sorts_as_the_table_says():
    indexing.write_entries([_document(1, price=300.0), _document(2, price=100.0), _document(3, price=200.0)])
    ids = {value: [hit.id for hit in database.search(_query(sort=value))[0].hits] for value in SORTS}
    assert ids["price_asc"] == [2, 3, 1] and ids["price_desc"] == [1, 3, 2]
    assert ids["relevance"] == ids["newest"]


# --- The API schema ------------------------------------------------------------------------------------------


def test_the_openapi_schema_lists_every_facet_parameter_and_result():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/products/search"]["get"]["parameters"]}
    assert {facet.param for facet in FACETS} <= set(parameters)
    assert parameters["certification"]["type"] == "array" and parameters["sample"]["type"] == "boolean"
    assert "0-100" in parameters["price"]["description"] and "price_desc" in parameters["sort"]["description"]
    assert list(schema["components"]["schemas"]["FacetsOut"]["properties"]) == NAMES
