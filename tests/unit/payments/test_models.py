"""Payment.set_status is the one guarded way a payment changes status."""

import pytest

from payments.errors import PaymentStateError, StalePayment
from payments.models import Payment
from payments.signals import payment_status_changed
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
    payment.set_status(new, by=None, note="because")
    payment.refresh_from_db()
    assert payment.status == new
    last = payment.history.last()
    assert (last.from_status, last.to_status, last.note) == (current, new, "because")


@pytest.mark.parametrize(
    ("current", "new"),
    [(current, new) for current in S.values for new in S.values if (current, new) not in ALLOWED],
)
def test_every_other_move_is_refused(current, new):
    """Paid never goes back to pending, refunded is final, nothing moves to itself."""
    payment = PaymentFactory(status=current)
    with pytest.raises(PaymentStateError, match="cannot become"):
        payment.set_status(new, by=None)
    payment.refresh_from_db()
    assert payment.status == current
    assert not payment.history.exists()


def test_paid_at_is_set_when_paid():
    """paid_at is written with the status, in the same update."""
    payment = PaymentFactory()
    payment.set_status(S.PAID, by=None)
    assert payment.paid_at is not None
    payment.refresh_from_db()
    assert payment.paid_at == payment.history.get().created_at


def test_every_move_sends_payment_status_changed():
    """Other apps hear about a move through the signal, with the old and the new status."""
    heard = []

    def receiver(sender, payment, old_status, new_status, **kwargs):
        heard.append((old_status, new_status))

    payment_status_changed.connect(receiver, dispatch_uid="test_payment_status_changed")
    try:
        PaymentFactory().set_status(S.FAILED, by=None)
    finally:
        payment_status_changed.disconnect(dispatch_uid="test_payment_status_changed")
    assert heard == [(S.PENDING, S.FAILED)]


def test_a_stale_payment_is_refused():
    """A copy read before another process moved the payment raises StalePayment (a PaymentStateError)."""
    payment = PaymentFactory()
    Payment.objects.get(pk=payment.pk).set_status(S.EXPIRED, by=None)
    with pytest.raises(StalePayment):
        payment.set_status(S.PAID, by=None)
    assert Payment.objects.get(pk=payment.pk).paid_at is None


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
