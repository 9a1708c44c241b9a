"""Buyers browse prices in their currency: converted at the staff rate, approximate, TWD beside; a picker
(a plain form) overrides the currency of the language."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import translation

from payments.currencies import currency_for_language
from payments.money import CURRENCY_COOKIE, buyer_currency
from tests.factories.inquiries import build_showcase
from tests.factories.payments import ExchangeRateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates():
    ExchangeRateFactory(currency="THB", twd_per_unit=Decimal("0.9"))
    ExchangeRateFactory(currency="USD", twd_per_unit=Decimal("32.5"))


def request_with(cookie=None):
    request = RequestFactory().get("/")
    if cookie:
        request.COOKIES[CURRENCY_COOKIE] = cookie
    return request


@pytest.mark.parametrize(
    ("language", "currency"),
    [("zh-hant", "TWD"), ("en", "USD"), ("th", "THB"), ("ms", "MYR"), ("id", "IDR"), ("vi", "VND"), ("ja", "USD")],
)
def test_each_language_browses_in_its_currency(language, currency):
    assert currency_for_language(language) == currency


def test_conversion_at_the_staff_rate(rates):
    """TWD 400 at 0.9 TWD per baht is THB 444.44; the cookie overrides the language; a bad cookie is ignored."""
    with translation.override("th"):
        assert buyer_currency(request_with()).amount(Decimal("400")) == Decimal("444.44")
        assert buyer_currency(request_with("usd")).amount(Decimal("325")) == Decimal("10.00")
        assert buyer_currency(request_with("XXX")).code == "THB"


def test_without_a_rate_prices_stay_in_twd():
    """No MYR rate yet: nothing is converted (the page shows TWD only)."""
    with translation.override("ms"):
        currency = buyer_currency(request_with())
    assert currency.code == "MYR" and not currency.converts and currency.amount(Decimal("400")) is None


def test_thai_product_page_shows_baht_with_twd_beside(client, rates):
    """The Thai buyer reads ≈ THB with the TWD price in brackets and a note with the rate's date."""
    shop = build_showcase()
    html = client.get(f"/th/showcase/product/{shop.cake.pk}-{shop.cake.slug}/").content.decode()
    assert '<span class="price__buyer">≈ THB 444</span> <span class="price__twd">(TWD 400)</span>' in html
    assert 'class="price-note"' in html and 'class="currency-picker"' in html


def test_the_picker_switches_the_currency_and_comes_back(client, rates):
    """POST USD with the page as next: a cookie is set and the same page shows USD."""
    shop = build_showcase()
    page = f"/th/showcase/product/{shop.cake.pk}-{shop.cake.slug}/"
    response = client.post("/payments/currency/", {"currency": "USD", "next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert response.cookies[CURRENCY_COOKIE].value == "USD" and response.cookies[CURRENCY_COOKIE]["httponly"]
    assert "≈ USD 12.31" in client.get(page).content.decode()


def test_the_picker_refuses_an_unknown_currency_and_a_foreign_next(client):
    """An unknown code is 400 and sets nothing; a next on another site sends home instead."""
    response = client.post("/payments/currency/", {"currency": "BTC", "next": "/th/"})
    assert response.status_code == 400 and CURRENCY_COOKIE not in response.cookies
    response = client.post("/payments/currency/", {"currency": "THB", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert client.get("/payments/currency/").status_code == 405


def test_search_results_show_the_buyer_currency(client, rates):
    """The product search results speak the same prices as the showcase."""
    build_showcase()
    call_command("search_rebuild", "--no-progress", stdout=io.StringIO())
    html = client.get("/th/search/products/", {"q": "cake"}).content.decode()
    assert "≈ THB" in html and "(TWD " in html
