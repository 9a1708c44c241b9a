"""RFQ figures in the inquiries report, through sourcing's selector, scoped by the report's filters."""

import datetime

import pytest
from django.utils import timezone

from catalog.sourcing.models import Quote
from catalog.sourcing.selectors import sourcing_report
from portal.companies.models import Company
from tests.factories.accounts import StaffFactory
from tests.factories.sourcing import QuoteRequestFactory, match, quote_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(market):
    """Three requests: one unconfirmed; one matched to Alpha and Beta, Alpha quoted 2 hours after confirmation
    and was accepted, Beta 4 hours after; one matched to Gamma, no quote."""
    confirmed_at = timezone.now() - datetime.timedelta(days=1)
    QuoteRequestFactory(category=market.food, status="unconfirmed", confirmed_at=None)
    quoted = QuoteRequestFactory(category=market.food, confirmed_at=confirmed_at)
    silent = QuoteRequestFactory(category=market.food, confirmed_at=confirmed_at)
    for s in (market.thai_reader, market.chinese_reader):
        match(quoted, s.company)
    match(silent, market.english_reader.company)
    alpha = quote_on(quoted, market.thai_reader.company, status=Quote.Status.ACCEPTED)
    beta = quote_on(quoted, market.chinese_reader.company)
    Quote.objects.filter(pk=alpha.pk).update(created_at=confirmed_at + datetime.timedelta(hours=2))
    Quote.objects.filter(pk=beta.pk).update(created_at=confirmed_at + datetime.timedelta(hours=4))
    return market


def test_figures_for_every_supplier(figures):
    """posted 3, confirmed 2, 3 suppliers matched (1.5 per request), 1 quote per request, half the requests
    quoted, one accepted, 2 hours to the first quote."""
    assert sourcing_report(companies=Company.objects.all()) == {
        "posted": 3,
        "confirmed": 2,
        "matched_suppliers": 3,
        "matches_per_request": 1.5,
        "quotes": 2,
        "quotes_per_request": 1.0,
        "share_with_quote": 50,
        "accepted": 1,
        "median_hours_to_first_quote": 2.0,
    }


def test_figures_scoped_to_some_suppliers(figures):
    """Only Beta in scope: one match, one quote, none accepted, 4 hours to Beta's quote."""
    report = sourcing_report(companies=Company.objects.filter(pk=figures.chinese_reader.company.pk))
    assert (report["matched_suppliers"], report["quotes"], report["accepted"]) == (1, 1, 0)
    assert report["median_hours_to_first_quote"] == 4.0
    start = timezone.now() + datetime.timedelta(days=1)
    assert sourcing_report(companies=Company.objects.all(), start=start)["posted"] == 0


def test_inquiries_report_shows_the_rfq_table(client, figures):
    """Staff who may see the inquiries report find the RFQ figures below it."""
    client.force_login(StaffFactory(admin_language="en"))
    html = client.get("/admin/bureau-reports/inquiries/").content.decode()
    assert "Requests for quotation posted" in html and "Median time to the first quote (hours)" in html


def test_figures_take_three_queries_whatever_the_rows(figures, django_assert_num_queries):
    """The requests' counts, the matches' counts and the quotes: three queries for three requests, and three
    again after nine more, each matched and quoted."""
    with django_assert_num_queries(3):
        sourcing_report(companies=Company.objects.all())
    for _number in range(9):
        request = QuoteRequestFactory(category=figures.food, confirmed_at=timezone.now())
        match(request, figures.thai_reader.company)
        quote_on(request, figures.thai_reader.company, status=Quote.Status.ACCEPTED)
    with django_assert_num_queries(3):
        report = sourcing_report(companies=Company.objects.all())
    assert (report["posted"], report["quotes"], report["accepted"], report["matched_suppliers"]) == (12, 11, 10, 3)
