"""Bad input on every form of requests for quotation: a clear message, HTTP 400 (429 for the rate limit),
nothing saved, never a 500."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from catalog.showcase.models import ProductCategory
from catalog.sourcing.models import Quote, QuoteRequest, QuoteVersion
from tests.factories.sourcing import QuoteRequestFactory, match, quote_on

from .test_rfq_journey import quote_data, request_data

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"quantity": "0"}, "The quantity must be at least 1."),
        ({"deadline": (TODAY() - datetime.timedelta(days=1)).isoformat()}, "The deadline is in the past"),
        ({"deadline": (TODAY() + datetime.timedelta(days=91)).isoformat()}, "within 90 days"),
        ({"currency": "EUR"}, "Select a valid choice"),
        ({"destination": "XX"}, "Select a valid choice"),
        ({"required_certificates": ["NOPE"]}, "Select a valid choice"),
        ({"consent": ""}, "Please agree"),
        ({"description": "see http://a.example http://b.example http://c.example"}, "web addresses"),
        ({"category": "999999"}, "Select a valid choice"),
    ],
)
def test_request_form_refuses_bad_input(client, market, overrides, message):
    """Each mistake is named on the form (English here), nothing is stored and no e-mail leaves."""
    response = client.post("/en/rfq/new/", request_data(market, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not QuoteRequest.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("category", ["tea\x00cake", "x" * 300, "no/such/category"])
def test_a_bad_category_link_shows_the_empty_form(client, market, category):
    """``?category=`` with a NUL byte, an overlong value or an unknown path is ignored: the form is shown with
    no category chosen (200), never a server error."""
    response = client.get("/en/rfq/new/", {"category": category})
    assert response.status_code == 200
    assert response.context["form"].initial.get("category") is None


def test_a_category_link_preselects_the_category(client, market):
    """A category page's link (``?category=<path>``) preselects that category."""
    category = ProductCategory.objects.first()
    response = client.get("/en/rfq/new/", {"category": category.path})
    assert response.context["form"].initial["category"] == category


def test_request_form_in_thai_names_the_mistake_in_thai(client, market):
    """A Thai buyer reads the quantity message in Thai."""
    response = client.post("/th/rfq/new/", request_data(market, quantity="0"))
    assert response.status_code == 400
    assert "จำนวนต้องไม่น้อยกว่า 1" in response.content.decode()


def test_rate_limit_and_honeypot(client, market):
    """A fourth request from one address within ten minutes is refused with 429; a bot filling the honeypot
    sees the thank-you page and nothing is stored."""
    assert client.post("/en/rfq/new/", request_data(market, website="http://spam.example")).status_code == 200
    assert not QuoteRequest.objects.exists()
    for n in range(3):
        assert client.post("/en/rfq/new/", request_data(market, email=f"b{n}@example.com")).status_code == 200
    response = client.post("/en/rfq/new/", request_data(market, email="b9@example.com"))
    assert response.status_code == 429
    assert "too many requests" in response.content.decode()
    assert QuoteRequest.objects.count() == 3


@pytest.fixture
def matched(market):
    quote_request = QuoteRequestFactory(category=market.food)
    match(quote_request, market.thai_reader.company)
    return quote_request


def quote_url(market, quote_request):
    return f"/en/rfq/supplier/{market.thai_reader.company.pk}/{quote_request.pk}/"


def test_quote_after_closing_or_deadline_is_refused(client, market, matched):
    """Once the buyer closed the request, or its deadline passed, a quote is refused with a message."""
    client.force_login(market.thai_reader.member)
    QuoteRequest.objects.filter(pk=matched.pk).update(status=QuoteRequest.Status.CLOSED)
    response = client.post(quote_url(market, matched), quote_data(market.thai_reader.product, "100"))
    assert response.status_code == 400 and "no longer takes quotes" in response.content.decode()
    late = QuoteRequestFactory(category=market.food, deadline=TODAY() - datetime.timedelta(days=1))
    match(late, market.thai_reader.company)
    response = client.post(quote_url(market, late), quote_data(market.thai_reader.product, "100"))
    assert response.status_code == 400 and "no longer takes quotes" in response.content.decode()
    assert not Quote.objects.exists()


def test_second_quote_becomes_a_revision(client, market, matched):
    """A second quote from the same supplier is version 2 of the one quote; the first is kept."""
    client.force_login(market.thai_reader.member)
    client.post(quote_url(market, matched), quote_data(market.thai_reader.product, "100"))
    client.post(quote_url(market, matched), quote_data(market.thai_reader.product, "90"))
    quote = Quote.objects.get()
    assert [v.tiers[0][1] for v in quote.versions.order_by("number")] == ["100.00", "90.00"]
    assert quote.current_version.number == 2 and quote.is_revised


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"tier1_price": "0"}, "greater than or equal to 0.01"),
        ({"tier1_quantity": ""}, "This field is required"),
        ({"tier2_price": ""}, "Give both the quantity and the price"),
        ({"tier2_quantity": "500"}, "Each tier needs its own quantity"),
        ({"valid_until": (TODAY() - datetime.timedelta(days=1)).isoformat()}, "valid until today or later"),
        ({"moq": "0"}, "greater than or equal to 1"),
        ({"product": "999999"}, "Select a valid choice"),
    ],
)
def test_quote_form_refuses_bad_input(client, market, matched, overrides, message):
    """Each mistake is named and no quote or version is stored."""
    client.force_login(market.thai_reader.member)
    response = client.post(quote_url(market, matched), quote_data(market.thai_reader.product, "100", **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not QuoteVersion.objects.exists()


def test_decided_quote_cannot_be_revised_or_decided_again(client, market, matched):
    """After the buyer accepted, the supplier cannot revise and the buyer cannot decline."""
    quote = quote_on(matched, market.thai_reader.company, status=Quote.Status.ACCEPTED)
    client.force_login(market.thai_reader.member)
    response = client.get(quote_url(market, matched))
    assert "Send the revision" not in response.content.decode()
    client.logout()
    response = client.post(f"/en/rfq/r/{matched.token}/quotes/{quote.pk}/decline/", follow=True)
    assert "already decided" in response.content.decode()
    quote.refresh_from_db()
    assert quote.status == Quote.Status.ACCEPTED
    assert client.post(f"/en/rfq/r/{matched.token}/quotes/{quote.pk}/bogus/").status_code == 302
