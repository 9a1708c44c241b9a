"""Payment.set_status is the one guarded way a payment changes status."""

import pytest

from payments.errors import PaymentStateError
from payments.models import Payment
from tests.factories.payments import PaymentFactory

pytestmark = pytest.mark.django_db

S = Payment.Status

ALLOWED = [
    (S.PENDING, S.PAID),
    (S.PENDING, S.FAILED),
    (S.PENDING, S.EXPIRED),
    (S.FAILED, S.PENDING),
    (S.FAILED, S.PAID),
    (S.EXPIRED, S.PENDING),
    (S.EXPIRED, S.PAID),
    (S.PAID, S.PARTIALLY_REFUNDED),
    (S.PAID, S.REFUNDED),
    (S.PARTIALLY_REFUNDED, S.REFUNDED),
]


@pytest.mark.parametrize(("current", "new"), ALLOWED)
def test_allowed_moves_are_recorded(current, new):
    """An allowed move changes the status and appends it to the history with the note."""
    payment = PaymentFactory(status=current)
    payment.set_status(new, note="because")
    payment.refresh_from_db()
    assert payment.status == new
    assert payment.history[-1]["from"] == current
    assert payment.history[-1]["to"] == new
    assert payment.history[-1]["note"] == "because"


@pytest.mark.parametrize(
    ("current", "new"),
    [(current, new) for current in S.values for new in S.values if (current, new) not in ALLOWED],
)
def test_every_other_move_is_refused(current, new):
    """Paid never goes back to pending, refunded is final, nothing moves to itself."""
    payment = PaymentFactory(status=current)
    with pytest.raises(PaymentStateError, match="cannot become"):
        payment.set_status(new)
    payment.refresh_from_db()
    assert payment.status == current
    assert payment.history == []


def test_paid_at_is_set_when_paid():
    payment = PaymentFactory()
    payment.set_status(S.PAID)
    assert payment.paid_at is not None


@pytest.mark.parametrize(
    ("status", "refunded", "refundable"),
    [(S.PENDING, 0, 0), (S.PAID, 0, 150000), (S.PARTIALLY_REFUNDED, 50000, 100000), (S.REFUNDED, 150000, 0)],
)
def test_refundable_remainder(status, refunded, refundable):
    """Only paid money can be refunded, less what was refunded already."""
    payment = PaymentFactory(status=status, amount_minor=150000, amount_refunded_minor=refunded)
    assert payment.refundable_minor == refundable


def test_amounts_for_people():
    payment = PaymentFactory(amount_minor=150000, amount_refunded_minor=2500, currency="TWD")
    assert payment.amount_display == "1,500.00 TWD"
    assert payment.refunded_display == "25.00 TWD"
    assert str(payment.amount) == "1500.00"
