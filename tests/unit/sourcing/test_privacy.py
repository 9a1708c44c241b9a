"""A buyer's requests for quotation in the personal-data registry: found by address, exported, erased
(unconfirmed ones deleted, the others anonymised with the suppliers' quotes kept), purged after 30 days."""

import datetime

import pytest
from django.utils import timezone

from catalog.sourcing import privacy
from catalog.sourcing.models import Quote, QuoteRequest
from portal import personal_data
from tests.factories.showcase import VerifiedCompanyFactory
from tests.factories.sourcing import QuoteRequestFactory, quote_on

pytestmark = pytest.mark.django_db


def test_export_and_erase_by_address():
    """Export lists the buyer's two requests (case-insensitive address); erasure deletes the unconfirmed one and
    anonymises the confirmed one, whose quote stays."""
    confirmed = QuoteRequestFactory(email="Mei@Example.com", buyer_name="Mei")
    QuoteRequestFactory(email="mei@example.com", status="unconfirmed", confirmed_at=None)
    QuoteRequestFactory(email="someone@example.com")
    quote_on(confirmed, VerifiedCompanyFactory())
    subject = personal_data.Subject(email="mei@example.com")
    records = privacy.export(subject).records
    assert len(records) == 2 and {r["buyer_name"] for r in records} == {"Mei", "Somchai Jaidee"}
    assert privacy.erase(subject) == {"erased": 1, "kept": 1}
    confirmed.refresh_from_db()
    assert confirmed.email == f"erased-rfq-{confirmed.pk}@erased.invalid"
    assert confirmed.buyer_name == personal_data.ERASED_NAME and confirmed.description == personal_data.ERASED_NAME
    assert Quote.objects.filter(request=confirmed).exists()
    assert QuoteRequest.objects.filter(email="someone@example.com").exists()


def test_unconfirmed_requests_are_purged_after_30_days():
    """An unconfirmed request of 31 days ago goes; one of 29 days ago and a confirmed old one stay."""
    now = timezone.now()
    QuoteRequestFactory(status="unconfirmed", confirmed_at=None, created_at=now - datetime.timedelta(days=31))
    QuoteRequestFactory(status="unconfirmed", confirmed_at=None, created_at=now - datetime.timedelta(days=29))
    QuoteRequestFactory(created_at=now - datetime.timedelta(days=40))
    assert privacy.purge_unconfirmed(now=now) == 1
    assert QuoteRequest.objects.count() == 2
