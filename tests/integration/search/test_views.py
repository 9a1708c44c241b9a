"""The results page and the public JSON API: who may see them, what they show, how they treat bad input."""

import pytest
from django.urls import reverse

from search.models import SynonymSet
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.payments import ExchangeRateFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/products/search"


@pytest.fixture
def db_catalogue(use_database, db):
    from tests.factories.search import build_catalogue

    from .conftest import rebuild

    products = build_catalogue()
    rebuild()
    return products


@pytest.mark.parametrize("who", ["anonymous", "user", "member of a supplier", "staff"])
def test_results_page_is_public(client, db_catalogue, who):
    """Anyone may search: anonymous buyers, signed-in users, members of another company, staff."""
    if who == "user":
        client.force_login(UserFactory())
    elif who == "member of a supplier":
        client.force_login(MembershipFactory().user)
    elif who == "staff":
        client.force_login(StaffFactory())
    response = client.get("/en/search/products/", {"q": "pineapple cake"})
    assert response.status_code == 200
    assert "Pineapple cake gift box" in response.content.decode()


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_results_page_renders_in_both_languages(client, db_catalogue, language):
    """The name shows in the page's language; the matched words are marked where they are not the name itself
    (in Chinese the match is the name, which is not printed a second time)."""
    response = client.get(f"/{language}/search/products/", {"q": "鳳梨酥"})
    html = response.content.decode()
    assert response.status_code == 200
    assert ("<mark>鳳梨酥</mark>" in html) is (language == "en")
    assert 'role="search"' in html and 'for="search-box-q"' in html


def test_page_shows_facets_chips_sort_and_keeps_state_in_the_url(client, db_catalogue):
    """Facet links add filters; chips remove them; the sort form carries the filters; pages link on."""
    response = client.get("/en/search/products/", {"q": "sauce", "market": "MY", "certification": "HALAL"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Halal chili sauce" in html and "Shacha barbecue sauce" not in html
    assert 'aria-label="Active filters"' in html
    assert "?q=sauce&amp;certification=HALAL" in html  # the chip that removes the market filter
    assert '<input type="hidden" name="market" value="MY">' in html
    assert 'Sauces <span class="count">(1)</span>' in html


def test_price_bucket_links_filter_the_bucket_and_the_chip_removes_it(client, db_catalogue):
    """A bucket link asks for price=<bucket> (upper bound excluded) in place of a typed range; its chip removes it."""
    html = client.get("/en/search/products/", {"q": "sauce", "price_max": "1000"}).content.decode()
    assert '<a href="?q=sauce&amp;price=0-100">Under TWD 100 <span class="count">(1)</span>' in html
    assert '<a href="?q=sauce&amp;price=100-500">TWD 100 to under TWD 500 <span class="count">(1)</span>' in html
    response = client.get("/en/search/products/", {"q": "sauce", "price": "0-100"})
    html = response.content.decode()
    assert "Halal chili sauce" in html and "Shacha barbecue sauce" not in html
    assert '<a href="?q=sauce">Under TWD 100 <span aria-hidden="true">' in html
    assert 'aria-current="true" class="is-active">Under TWD 100' in html


def test_a_thai_buyer_reads_price_facets_and_chips_in_baht(client, db_catalogue):
    """With a THB rate (0.9 TWD per baht) the buckets and the typed-range chip read in baht, approximate; the
    links and the filtering stay in TWD."""
    ExchangeRateFactory(currency="THB", twd_per_unit="0.9")
    html = client.get("/th/search/products/", {"q": "sauce", "price_max": "1000"}).content.decode()
    assert '<a href="?q=sauce&amp;price=0-100">ต่ำกว่า ≈ THB 111 <span class="count">' in html
    assert "≈ THB 111 ถึงต่ำกว่า ≈ THB 556" in html
    assert "ไม่เกิน ≈ THB 1,111" in html
    assert "NT$" not in html


def test_moq_bucket_links_keep_a_typed_price_range_and_the_chip_removes_the_bucket(client, db_catalogue):
    """Choosing a minimum-order range narrows the results and keeps the typed price range (only a price bucket
    replaces that); its chip removes the MOQ filter alone."""
    html = client.get("/en/search/products/", {"q": "sauce", "price_max": "1000"}).content.decode()
    assert 'href="?q=sauce&amp;moq=50-200&amp;price_max=1000">50 to under 200 <span class="count">' in html
    html = client.get("/en/search/products/", {"q": "sauce", "moq": "50-200", "price_max": "1000"}).content.decode()
    assert '<a href="?q=sauce&amp;price_max=1000">50 to under 200 <span aria-hidden="true">' in html
    assert "Minimum order" in html


def test_results_are_cards_with_the_name_once_supplier_badge_and_facts(client, db_catalogue):
    """Each result is a card: its name once (no highlight repeating it), the supplier with the verified badge,
    the price, the MOQ, the markets it ships to by name and its certificates."""
    html = client.get("/en/search/products/", {"q": "halal chili sauce"}).content.decode()
    card = html[html.index('<li class="card product-result">') :]
    card = card[: card.index("</li>\n", card.index("badge-list") if "badge-list" in card else 0)]
    assert card.count("Halal chili sauce") == 1
    assert "Verified supplier" in card and "Minimum order" in card and "Malaysia" in card
    assert "Halal" in card


def test_no_results_suggest_what_to_try(client, db_catalogue):
    """An empty result says so and suggests other words, removing filters and browsing every product."""
    html = client.get("/en/search/products/", {"q": "zzzxxy", "market": "MY"}).content.decode()
    assert "No products match" in html and "removing a filter" in html
    assert 'href="/en/search/products/">browse every product</a>' in html


def test_page_shows_the_basic_results_notice_when_elasticsearch_is_down(client, db_catalogue, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    response = client.get("/en/search/products/", {"q": "pineapple"})
    assert response.status_code == 200
    assert "Showing basic results" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "-1"}, "The page must be 1 or more."),
        ({"page": "two"}, "The page must be a whole number."),
        ({"price_min": "cheap"}, "Minimum price must be a number."),
        ({"price_max": "99999999999999999999"}, "Maximum price must be at most 1,000,000,000."),
    ],
)
def test_page_bad_input_gets_a_clear_400(client, db_catalogue, params, message):
    response = client.get("/en/search/products/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("query", ["", "a" * 5000, '"*(\\'])
def test_page_odd_queries_render(client, db_catalogue, query):
    response = client.get("/en/search/products/", {"q": query, "page": "100000", "market": "XX"})
    assert response.status_code == 200


def test_api_returns_the_documented_shape(client, db_catalogue):
    SynonymSet.objects.create(name="pc", terms="pineapple cake\nkek nanas")
    response = client.get(API, {"q": "kek nanas", "lang": "en", "market": "TH", "sort": "price_asc"})
    assert response.status_code == 200
    body = response.json()
    assert body["engine"] == "database" and body["total"] == 2
    first = body["results"][0]
    assert set(first) >= {"id", "sku", "name", "supplier", "url", "price_twd", "moq", "certifications", "highlight"}
    assert (first["sku"], first["price_twd"], first["moq"]) == ("PC-01", 450.0, 50)
    assert set(body["facets"]) >= {"category", "certification", "market", "price"}
    assert {"value": "TH", "label": "Thailand", "count": 2} in body["facets"]["market"]


@pytest.mark.parametrize(
    "params",
    [{"lang": "xx"}, {"page": "-1"}, {"page": "abc"}, {"price_min": "NaN"}, {"price_max": "-5"}],
)
def test_api_bad_input_is_a_400_with_a_reason(client, db_catalogue, params):
    response = client.get(API, params)
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [{"q": ""}, {"q": "x" * 5000}, {"q": '"*(\\'}, {"certification": "BOGUS"}, {"page": "100000"}, {"sort": "nope"}],
)
def test_api_odd_but_harmless_input_gives_results(client, db_catalogue, params):
    response = client.get(API, params)
    assert response.status_code == 200
    assert response.json()["total"] >= 0


def test_api_autocomplete_and_openapi(client, db_catalogue):
    response = client.get("/api/v1/products/autocomplete", {"q": "pineapple", "lang": "en"})
    assert response.status_code == 200
    assert "Pineapple cake gift box" in [item["name"] for item in response.json()]
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/products/search" in schema["paths"]


def test_search_box_include_points_at_the_results_page(client, db_catalogue):
    html = client.get(reverse("search:products") + "?q=tea").content.decode()
    assert 'action="/zh-hant/search/products/"' in html or 'action="/en/search/products/"' in html
