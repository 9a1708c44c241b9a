"""The demo inquiries give the demo SME's inbox one inquiry per step of an inquiry's life."""

import io

import pytest
from django.core import mail

from catalog.inquiries import demo
from catalog.inquiries.models import Inquiry, InquiryMessage
from catalog.inquiries.selectors import is_unanswered_too_long
from catalog.showcase.demo import DEMO_MEMBER_EMAIL
from tests.factories.accounts import UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import VerifiedCompanyFactory, live_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_supplier():
    company = VerifiedCompanyFactory()
    MembershipFactory(company=company, user=UserFactory(email=DEMO_MEMBER_EMAIL))
    for number in range(4):
        live_product(company=company, sku=f"DEMO-{number}", with_image=False)
    return company


def seed():
    demo.seed(stdout=io.StringIO())


def test_the_inbox_shows_every_step_with_buyers_writing_in_their_languages(demo_supplier):
    """Four confirmed inquiries from Thai, Malay, Indonesian and Vietnamese buyers: two open (one unanswered
    for days, which the escalation follows up), one answered with a reply thread, one closed."""
    seed()
    inquiries = {inquiry.language: inquiry for inquiry in Inquiry.objects.filter(company=demo_supplier)}
    assert set(inquiries) == {"th", "ms", "id", "vi"}
    assert {language: inquiry.status for language, inquiry in inquiries.items()} == {
        "th": Inquiry.Status.OPEN,
        "ms": Inquiry.Status.ANSWERED,
        "id": Inquiry.Status.OPEN,
        "vi": Inquiry.Status.CLOSED,
    }
    assert all(inquiry.email_confirmed_at for inquiry in inquiries.values())
    assert [is_unanswered_too_long(inquiries[language]) for language in ("th", "id")] == [False, True]
    thread = list(inquiries["ms"].messages.values_list("author_kind", flat=True))
    assert thread == [InquiryMessage.Author.SUPPLIER, InquiryMessage.Author.BUYER]
    assert inquiries["ms"].first_replied_at > inquiries["ms"].email_confirmed_at


def test_a_second_run_keeps_the_inquiries(demo_supplier):
    """seed_demo may run again: the inquiries are recognised by supplier and e-mail, none is added."""
    seed()
    counts = Inquiry.objects.count(), InquiryMessage.objects.count()
    seed()
    assert (Inquiry.objects.count(), InquiryMessage.objects.count()) == counts == (4, 4)


def test_without_the_showcase_nothing_is_made():
    """Before the showcase is seeded there is no supplier to ask: the module says so and makes nothing."""
    out = io.StringIO()
    demo.seed(stdout=out)
    assert "seed the showcase first" in out.getvalue()
    assert not Inquiry.objects.exists() and not mail.outbox
