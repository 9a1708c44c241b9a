"""The inquiry status machine: unconfirmed → open → answered → closed, through portal.status."""

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from catalog.inquiries.models import Inquiry, InquiryError, StaleInquiry
from catalog.showcase.models import ShowcaseError
from portal.status import STATUS_CHANGE_ACTION, StatusChange, TransitionError
from tests.factories.companies import MembershipFactory
from tests.factories.inquiries import InquiryFactory

pytestmark = pytest.mark.django_db

S = Inquiry.Status


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids), whatever the catalogs say."""
    with translation.override("en"):
        yield


def unconfirmed():
    return InquiryFactory(email_confirmed_at=None, status=S.UNCONFIRMED)


def status_logs(inquiry):
    return ModelLogEntry.objects.for_instance(inquiry).filter(action=STATUS_CHANGE_ACTION).order_by("pk")


def test_confirm_then_answer_then_close_stamps_the_times():
    """Confirming stamps email_confirmed_at, the first answer first_replied_at, each with its move's time."""
    inquiry = unconfirmed()
    member = MembershipFactory(company=inquiry.company).user
    opened = inquiry.set_status(S.OPEN, by=None)
    answered = inquiry.set_status(S.ANSWERED, by=member)
    inquiry.set_status(S.CLOSED, by=member)
    inquiry.refresh_from_db()
    assert inquiry.status == S.CLOSED
    assert inquiry.email_confirmed_at == opened.created_at
    assert inquiry.first_replied_at == answered.created_at


def test_each_move_is_kept_in_the_history_and_the_audit_log():
    """One history row and one audit-log entry per move: the buyer's confirmation is nobody's, the reply the
    member's."""
    inquiry = unconfirmed()
    member = MembershipFactory(company=inquiry.company).user
    inquiry.set_status(S.OPEN, by=None)
    inquiry.set_status(S.ANSWERED, by=member)
    assert [(c.changed_by, c.from_status, c.to_status) for c in inquiry.history.all()] == [
        (None, "unconfirmed", "open"),
        (member, "open", "answered"),
    ]
    assert [(e.user, e.data["from"], e.data["to"]) for e in status_logs(inquiry)] == [
        (None, "unconfirmed", "open"),
        (member, "open", "answered"),
    ]


@pytest.mark.parametrize(
    ("start", "target", "message"),
    [
        ("open", "open", "This inquiry is already confirmed."),
        ("answered", "open", "This inquiry is already confirmed."),
        ("unconfirmed", "answered", "This inquiry cannot be answered."),
        ("closed", "answered", "This inquiry cannot be answered."),
        ("closed", "closed", "This inquiry is already closed."),
        ("answered", "unconfirmed", "An inquiry that is “Answered” cannot become “Waiting for e-mail confirmation”."),
    ],
)
def test_other_moves_are_refused_and_write_nothing(start, target, message):
    """Moves outside TRANSITIONS raise InquiryError (a ShowcaseError for the views, a TransitionError for the
    machine) with the message people see; nothing is written."""
    inquiry = InquiryFactory(status=start)
    with pytest.raises(InquiryError, match=message) as caught:
        inquiry.set_status(target, by=None)
    assert isinstance(caught.value, ShowcaseError) and isinstance(caught.value, TransitionError)
    inquiry.refresh_from_db()
    assert inquiry.status == start
    assert not StatusChange.objects.exists()
    assert not status_logs(inquiry).exists()


def test_a_stale_expected_status_is_refused():
    """The supplier's page showed "open" but the inquiry was closed since: answering it is refused."""
    inquiry = InquiryFactory()
    Inquiry.objects.filter(pk=inquiry.pk).update(status=S.CLOSED)
    with pytest.raises(StaleInquiry) as caught:
        inquiry.set_status(S.ANSWERED, by=None, expected=S.OPEN)
    assert isinstance(caught.value, InquiryError)
    assert str(caught.value) == "This inquiry was changed in the meantime. Reload the page and try again."
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.first_replied_at) == (S.CLOSED, None)
    assert not inquiry.history.exists()


def test_the_status_machine_check_passes():
    """TRANSITIONS name only statuses of the field: the portal.E00x checks are clean."""
    assert Inquiry.check() == []
    assert Inquiry().allowed_statuses() == [S.OPEN, S.CLOSED]
