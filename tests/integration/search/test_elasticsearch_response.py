"""What a search asks Elasticsearch for and what it reads back: the request trims the response (`filter_path`,
`_source`), and what is left still gives the results page and the API everything they show."""

import json

import pytest

from search import indexing, sources
from search.backends import elasticsearch
from search.documents import alias_name
from search.engine import get_client
from search.selectors import build_filters, product_search
from tests.factories.search import build_catalogue
from tests.factories.showcase import add_image

from .conftest import rebuild

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]
API = "/api/v1/products/search"
HIT_FIELDS = ["id", "sku", "name", "supplier", "urls", "price_twd", "moq", "certifications", "markets"]


@pytest.fixture
def es_catalogue(use_elasticsearch):
    products = build_catalogue()
    add_image(products["PC-01"])
    rebuild()
    return products


@pytest.fixture
def sent(es_catalogue, monkeypatch):
    """The keyword arguments of every search the selector sends to the node, the body decoded."""
    client = get_client()
    requests = []
    search = client.search

    def spy(**kwargs):
        requests.append({**kwargs, "body": json.loads(kwargs["body"])})
        return search(**kwargs)

    monkeypatch.setattr(client, "search", spy)
    return requests


def test_the_request_asks_only_for_what_the_results_read(sent):
    """One request per search: the hit's own fields from `_source`, a `filter_path` that keeps `took`, the total,
    sources, highlights, aggregations and the suggestion, and the shard request cache asked for."""
    product_search("pinapple cake", locale="en")
    (request,) = sent
    assert request["index"] == alias_name()
    assert request["body"]["_source"] == HIT_FIELDS
    assert request["body"]["track_total_hits"] is True
    assert request["request_cache"] is True
    assert request["filter_path"].split(",") == [
        "took",
        "hits.total",
        "hits.hits._source",
        "hits.hits.highlight",
        "aggregations",
        "suggest",
    ]


def test_the_node_sends_back_only_the_parts_asked_for(sent):
    """No ids, scores, sort values or shard statistics cross the wire, only the hit's own fields."""
    product_search("pinapple cake", locale="en")
    (request,) = sent
    response = get_client().search(
        index=request["index"], body=json.dumps(request["body"]), filter_path=request["filter_path"]
    )
    assert set(response) == {"took", "hits", "aggregations", "suggest"}
    assert set(response["hits"]) == {"total", "hits"}
    assert {key for hit in response["hits"]["hits"] for key in hit} == {"_source", "highlight"}
    assert {key for hit in response["hits"]["hits"] for key in hit["_source"]} <= set(HIT_FIELDS)


def test_a_search_asked_again_is_answered_from_the_request_cache_until_the_index_changes(es_catalogue, sent):
    """The second identical search hits the node's request cache with the same results; after a product
    changes (and the index refreshes) the next search sees the change."""
    client = get_client()

    def cache_hits():
        stats = client.indices.stats(index=alias_name(), metric="request_cache")
        return stats["_all"]["total"]["request_cache"]["hit_count"]

    first = product_search("pineapple", locale="en")
    before = cache_hits()
    again = product_search("pineapple", locale="en")
    assert cache_hits() == before + 1
    assert [hit.sku for hit in again.hits] == [hit.sku for hit in first.hits] and again.total == first.total
    gift_box = es_catalogue["PC-01"]
    gift_box.name_en = "Pineapple cake tin"
    gift_box.save()
    indexing.write_documents(client, list(sources.documents_for([gift_box.pk]).values()))
    client.indices.refresh(index=alias_name())
    assert "Pineapple cake tin" in [hit.name for hit in product_search("pineapple", locale="en").hits]


def test_a_trimmed_response_still_gives_every_part_of_the_results(sent):
    """Name, highlight, supplier, price, MOQ, certificates, markets and link of each hit; the total; every facet
    with its labels and counts; the spelling suggestion."""
    results = product_search("pinapple cake", locale="en")
    assert (results.engine, results.total, results.suggestion) == ("elasticsearch", 2, "pineapple cake")
    gift_box = next(hit for hit in results.hits if hit.sku == "PC-01")
    assert gift_box.name == "Pineapple cake gift box"
    assert product_search("buttery crust", locale="en").hits[0].highlight == (
        "Native pineapple filling in a <mark>buttery</mark> <mark>crust</mark>, twelve pieces per box."
    )
    assert (gift_box.supplier, gift_box.supplier_verified) == ("Supplier 0", True)
    assert (gift_box.price_twd, gift_box.moq) == (450, 50)
    assert set(gift_box.certifications) == {"HALAL", "MIT"} and set(gift_box.markets) == {"TH", "MY", "SG"}
    labels = {name: {v.value: (v.label, v.count) for v in values} for name, values in results.facets.items()}
    assert labels["category"]["food-beverage/pastries"] == ("Pastries", 2)
    assert labels["market"]["TH"] == ("Thailand", 2)
    assert labels["sample"] == {"1": ("Samples available", 1)}
    assert labels["price"]["500-1000"] == ("TWD 500 to under TWD 1,000", 1)
    assert labels["moq"]["50-200"][1] == 2


def test_facets_without_values_and_pages_without_hits_read_as_empty(sent):
    """A search that finds nothing has no facet values; a page past the last has no hits but the true total."""
    results = product_search("pineapple", filters=build_filters(certifications=["ORGANIC"]), locale="en")
    assert (results.total, results.hits) == (0, [])
    assert all(values == [] for values in results.facets.values())
    far = product_search("pineapple", page=400, locale="en")
    assert (far.total, far.hits) == (2, [])
    assert far.facets["category"]


def test_the_results_page_shows_everything_from_a_trimmed_response(client, sent):
    """The page on Elasticsearch: the count, each card's name, highlight, picture, supplier and price, the facets
    with their labels and counts, and "did you mean"."""
    html = client.get("/en/search/products/", {"q": "pinapple cake"}).content.decode()
    assert sent
    assert "2 products" in html
    assert "Pineapple cake gift box" in html and "Salted egg yolk pineapple cake" in html
    assert "<mark>buttery</mark>" in client.get("/en/search/products/", {"q": "buttery"}).content.decode()
    assert 'class="card__image"' in html
    assert "Supplier 0" in html and "TWD 450" in html
    assert 'Pastries <span class="count">(2)</span>' in html
    assert "Did you mean" in html and "pineapple cake</a>" in html


def test_the_api_shows_everything_from_a_trimmed_response(client, sent):
    """The API on Elasticsearch: total, suggestion, each result's fields, every facet with labels and counts."""
    body = client.get(API, {"q": "pinapple cake", "lang": "en"}).json()
    assert sent
    assert (body["engine"], body["total"], body["suggestion"]) == ("elasticsearch", 2, "pineapple cake")
    gift_box = next(result for result in body["results"] if result["sku"] == "PC-01")
    assert gift_box["name"] == "Pineapple cake gift box" and gift_box["supplier"] == "Supplier 0"
    assert gift_box["price_twd"] == 450.0 and gift_box["moq"] == 50
    assert {"value": "food-beverage/pastries", "label": "Pastries", "count": 2} in body["facets"]["category"]
    assert set(body["facets"]) == {facet.name for facet in elasticsearch.FACETS}
    (hit,) = client.get(API, {"q": "buttery", "lang": "en"}).json()["results"]
    assert "<mark>buttery</mark>" in hit["highlight"]
