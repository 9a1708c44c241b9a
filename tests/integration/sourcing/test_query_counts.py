"""The listing pages run a number of queries that does not grow with the rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.accounts import UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.payments import ExchangeRateFactory
from tests.factories.showcase import VerifiedCompanyFactory
from tests.factories.sourcing import QuoteRequestFactory, match, quote_on

pytestmark = pytest.mark.django_db


def queries(client, url):
    """The queries of one request, after two have filled the per-process caches (menus, footer) and the
    visitor's session and cookies."""
    for _ in range(2):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_buyer_comparison_is_constant_in_the_number_of_quotes(client, market):
    """Two quotes or eight: the same number of queries for the side-by-side page."""
    ExchangeRateFactory(currency="THB", twd_per_unit="0.9")
    quote_request = QuoteRequestFactory(category=market.food)
    for _ in range(2):
        quote_on(quote_request, VerifiedCompanyFactory(), product=market.thai_reader.product)
    url = f"/en/rfq/r/{quote_request.token}/"
    few = queries(client, url)
    for _ in range(6):
        quote_on(quote_request, VerifiedCompanyFactory(), versions=2)
    assert queries(client, url) == few


def test_supplier_list_is_constant_in_the_number_of_requests(client, market):
    """Two matched requests or eight, quoted or not: the same number of queries."""
    company = market.thai_reader.company
    client.force_login(market.thai_reader.member)
    for _ in range(2):
        quote_on(match(QuoteRequestFactory(category=market.food), company).request, company)
    url = f"/en/rfq/supplier/{company.pk}/"
    few = queries(client, url)
    for index in range(6):
        quote_request = QuoteRequestFactory(category=market.food)
        match(quote_request, company)
        if index % 2:
            quote_on(quote_request, company, versions=2)
    assert queries(client, url) == few


def test_my_requests_and_dashboard_index_are_constant(client, market):
    """The signed-in buyer's list and the dashboard's company list with their open-request counts."""
    buyer = UserFactory(email="buyer@example.co.th")
    client.force_login(buyer)
    QuoteRequestFactory(category=market.food, email=buyer.email)
    few = queries(client, "/en/rfq/mine/")
    for _ in range(5):
        quote_on(QuoteRequestFactory(category=market.food, email=buyer.email), VerifiedCompanyFactory())
    assert queries(client, "/en/rfq/mine/") == few

    member = UserFactory()
    companies = [VerifiedCompanyFactory() for _ in range(2)]
    for company in companies:
        MembershipFactory(company=company, user=member)
        match(QuoteRequestFactory(category=market.food), company)
    client.force_login(member)
    few = queries(client, "/en/dashboard/")
    for _ in range(4):
        company = VerifiedCompanyFactory()
        MembershipFactory(company=company, user=member)
        match(QuoteRequestFactory(category=market.food), company)
    html = client.get("/en/dashboard/").content.decode()
    assert "1 open request for quotation" in html
    assert queries(client, "/en/dashboard/") == few
