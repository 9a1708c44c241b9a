"""Services of requests for quotation: validation before anything is written, confirmation and matching,
quotes and revisions, the buyer's decisions, closing at the deadline (re-runnable) and hiding."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone, translation

from catalog.inquiries.models import Inquiry
from catalog.sourcing import services
from catalog.sourcing.models import Quote, QuoteRequest, RequestMatch, SourcingError
from portal.status import TransitionError
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.sourcing import QuoteRequestFactory, build_marketplace, match, quote_on

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def _english_and_fresh_rate_limits():
    """Messages in English (the site's default is Chinese) and no attempts counted by an earlier test."""
    from django.core.cache import cache

    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


@pytest.fixture
def market(db):
    return build_marketplace()


def submit(market, **overrides):
    arguments = {
        "description": "Halal snacks",
        "category": market.food,
        "quantity": 100,
        "unit": "box",
        "target_price": Decimal("10"),
        "currency": "THB",
        "destination": "TH",
        "required_certificates": ["HALAL"],
        "deadline": TODAY() + datetime.timedelta(days=10),
        "buyer_name": "Somchai",
        "email": "somchai@example.co.th",
        "consent": True,
        "language": "th",
        "ip_address": "203.0.113.9",
    }
    arguments.update(overrides)
    return services.request_submit(**arguments)


@pytest.mark.parametrize(
    "overrides",
    [
        {"quantity": 0},
        {"deadline": TODAY() - datetime.timedelta(days=1)},
        {"deadline": TODAY() + datetime.timedelta(days=91)},
        {"currency": "EUR"},
        {"destination": "XX"},
        {"required_certificates": ["NOPE"]},
        {"consent": False},
        {"target_price": Decimal("-1")},
    ],
)
def test_submit_refuses_bad_input_and_stores_nothing(market, overrides):
    """The service checks what the form checks: nothing is stored when it refuses."""
    with pytest.raises(SourcingError):
        submit(market, **overrides)
    assert not QuoteRequest.objects.exists()


def test_confirm_matches_and_is_not_repeatable(market, django_capture_on_commit_callbacks):
    """Confirming opens the request, stores the three matches and e-mails their members; a second click is refused."""
    quote_request = submit(market)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_confirm(token=quote_request.token)
    assert set(RequestMatch.objects.values_list("company_id", flat=True)) == {
        market.thai_reader.company.pk,
        market.chinese_reader.company.pk,
        market.english_reader.company.pk,
    }
    assert len(mail.outbox) == 3  # one per matched member (the confirmation e-mail left at submit, not captured)
    with pytest.raises(SourcingError, match="already confirmed"):
        services.request_confirm(token=quote_request.token)
    with pytest.raises(SourcingError):
        services.request_confirm(token="unknown")


def quote(market, quote_request, supplier=None, **overrides):
    supplier = supplier or market.thai_reader
    arguments = {
        "quote_request": quote_request,
        "company": supplier.company,
        "user": supplier.member,
        "product": supplier.product,
        "tiers": [(100, Decimal("50"))],
        "moq": 100,
        "lead_time_days": 10,
        "sample_offer": "free",
        "valid_until": TODAY() + datetime.timedelta(days=20),
    }
    arguments.update(overrides)
    return services.quote_submit(**arguments)


def test_quote_requires_membership_and_a_match(market):
    """A stranger, a member of an unmatched supplier and a matched supplier's member: only the last quotes."""
    quote_request = QuoteRequestFactory(category=market.food)
    match(quote_request, market.thai_reader.company)
    with pytest.raises(SourcingError, match="Only members"):
        quote(market, quote_request, user=UserFactory())
    with pytest.raises(SourcingError, match="not sent to your company"):
        quote(market, quote_request, supplier=market.wrong_halal)
    assert quote(market, quote_request).number == 1


def test_revisions_keep_versions_and_status(market):
    """A revision of a shortlisted quote is version 2 and the quote stays shortlisted."""
    quote_request = QuoteRequestFactory(category=market.food)
    match(quote_request, market.thai_reader.company)
    first = quote(market, quote_request)
    services.quote_decide(token=quote_request.token, quote_id=first.quote_id, decision="shortlist")
    second = quote(market, quote_request, tiers=[(100, Decimal("45")), (500, Decimal("40"))])
    stored = Quote.objects.get()
    assert (second.number, stored.status, stored.current_version_id) == (2, Quote.Status.SHORTLISTED, second.pk)
    assert stored.versions.count() == 2


def test_buyer_decisions_go_through_the_status_machine(market, django_capture_on_commit_callbacks):
    """Accept is final and recorded in the history, by nobody (the buyer has no account); the supplier's member
    gets the buyer's contact details to agree on the order."""
    quote_request = QuoteRequestFactory(category=market.food)
    stored = quote_on(quote_request, market.thai_reader.company)
    with django_capture_on_commit_callbacks(execute=True):
        services.quote_decide(token=quote_request.token, quote_id=stored.pk, decision="accept")
    (accepted,) = mail.outbox
    assert accepted.to == [market.thai_reader.member.email] and quote_request.email in accepted.body
    stored.refresh_from_db()
    change = stored.history.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("submitted", "accepted", None)
    with pytest.raises(TransitionError):
        services.quote_decide(token=quote_request.token, quote_id=stored.pk, decision="decline")
    with pytest.raises(SourcingError):
        services.quote_decide(token=quote_request.token, quote_id=stored.pk, decision="bogus")


def test_quote_to_inquiry_opens_one_confirmed_thread(market, django_capture_on_commit_callbacks):
    """The first click opens a confirmed inquiry to the supplier (its members are told); a second returns it."""
    quote_request = QuoteRequestFactory(category=market.food)
    stored = quote_on(quote_request, market.thai_reader.company, product=market.thai_reader.product)
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.quote_to_inquiry(token=quote_request.token, quote_id=stored.pk)
    assert inquiry.status == Inquiry.Status.OPEN and inquiry.email == quote_request.email
    assert inquiry.product == market.thai_reader.product and quote_request.reference in inquiry.message
    assert [m.to for m in mail.outbox] == [[market.thai_reader.member.email]]
    assert services.quote_to_inquiry(token=quote_request.token, quote_id=stored.pk) == inquiry
    assert Inquiry.objects.count() == 1


def test_close_at_deadline_is_rerunnable(market):
    """Requests past their deadline close (open and unconfirmed alike) with the reason; a second run closes
    nothing; requests still within their deadline stay open."""
    late = QuoteRequestFactory(category=market.food, deadline=TODAY() - datetime.timedelta(days=1))
    stale = QuoteRequestFactory(
        category=market.food, deadline=TODAY() - datetime.timedelta(days=3), status="unconfirmed", confirmed_at=None
    )
    current = QuoteRequestFactory(category=market.food, deadline=TODAY())
    assert services.close_expired_requests() == 2
    assert services.close_expired_requests() == 0
    for item, status in ((late, "closed"), (stale, "closed"), (current, "open")):
        item.refresh_from_db()
        assert item.status == status
    assert late.close_reason == QuoteRequest.CloseReason.DEADLINE and late.closed_at is not None


def test_buyer_close_and_staff_hide(market):
    """The buyer closes (reason "buyer"), closing twice is refused; staff hide with a note, which is final."""
    quote_request = QuoteRequestFactory(category=market.food)
    services.request_close(token=quote_request.token)
    quote_request.refresh_from_db()
    assert (quote_request.status, quote_request.close_reason) == ("closed", "buyer")
    with pytest.raises(SourcingError, match="already closed"):
        services.request_close(token=quote_request.token)
    with pytest.raises(SourcingError, match="Say why"):
        services.request_hide(quote_request=quote_request, by=StaffFactory(), note=" ")
    hidden = services.request_hide(quote_request=quote_request, by=StaffFactory(), note="Spam")
    assert hidden.status == "hidden"
    with pytest.raises(SourcingError):
        services.request_close(token=quote_request.token)
