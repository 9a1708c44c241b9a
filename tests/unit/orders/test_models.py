"""The sample order's fulfilment status table, the states read from its payment, the guarded state change,
and the cart's limits."""

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.utils import translation
from wagtail.models import ModelLogEntry

from catalog.orders.cart import SESSION_KEY, SampleCart
from catalog.orders.models import SampleOrder, SampleOrderError, StaleSampleOrder
from payments.models import Payment
from portal.status import STATUS_CHANGE_ACTION, TransitionError
from tests.factories.accounts import UserFactory
from tests.factories.orders import PaidSampleOrderFactory, SampleOrderFactory, order_payment, sample_product

pytestmark = pytest.mark.django_db

Status = SampleOrder.Status
State = SampleOrder.State


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_every_status_has_a_row_in_the_table():
    assert set(SampleOrder.TRANSITIONS) == set(Status)


def test_every_state_is_reachable_and_the_state_filter_mirrors_state_for():
    """Each (status, payment status) pair has one state, and ``in_state`` finds exactly the orders of it."""
    payment_statuses = [None, *Payment.Status]
    pairs = [(status, payment) for status in Status for payment in payment_statuses]
    assert {SampleOrder.state_for(status, payment) for status, payment in pairs} == set(State)
    placed = SampleOrderFactory(items=False)
    for payment_status in payment_statuses:
        Payment.objects.filter(object_id=placed.pk).delete()
        if payment_status is not None:
            order_payment(placed, status=payment_status)
        expected = SampleOrder.state_for(Status.PLACED, payment_status)
        found = {state for state in State if SampleOrder.objects.with_payment().in_state(state).filter(pk=placed.pk)}
        assert found == {expected}, payment_status


@pytest.mark.parametrize(
    ("payment_status", "state", "payable", "can_ship"),
    [
        (None, State.AWAITING_PAYMENT, True, False),
        (Payment.Status.PENDING, State.AWAITING_PAYMENT, True, False),
        (Payment.Status.FAILED, State.PAYMENT_FAILED, True, False),
        (Payment.Status.EXPIRED, State.PAYMENT_EXPIRED, True, False),
        (Payment.Status.PAID, State.PAID, False, True),
        (Payment.Status.PARTIALLY_REFUNDED, State.PAID, False, True),
    ],
)
def test_a_placed_order_reads_its_payment(payment_status, state, payable, can_ship):
    """The order copies nothing of its payment: the state, "Pay now" and shipping follow the payment's status,
    whether the order was listed with ``with_payment()`` or loaded alone."""
    order = SampleOrderFactory(items=False)
    if payment_status is not None:
        order_payment(order, status=payment_status)
    listed = SampleOrder.objects.with_payment().get(pk=order.pk)
    alone = SampleOrder.objects.get(pk=order.pk)
    for loaded in (listed, alone):
        assert (loaded.state, loaded.is_payable, loaded.can_ship) == (state, payable, can_ship)
    assert listed.get_state_display() == state.label


def test_paid_at_and_refunds_are_the_payments():
    order = PaidSampleOrderFactory(
        items=False,
        amount_minor=30000,
        payment__status=Payment.Status.PARTIALLY_REFUNDED,
        payment__amount_refunded_minor=10000,
    )
    payment = Payment.objects.get()
    order = SampleOrder.objects.with_payment().get(pk=order.pk)
    assert order.paid_at == payment.paid_at and order.payment_pk == payment.pk
    assert order.is_partially_refunded and order.refunded_display == "100.00 TWD"
    assert order.state == State.PAID
    assert not SampleOrderFactory(items=False).is_partially_refunded


@pytest.mark.parametrize(
    ("path", "stamp"),
    [
        ([Status.SHIPPED], "shipped_at"),
        ([Status.SHIPPED, Status.DELIVERED], "delivered_at"),
    ],
)
def test_allowed_moves_are_recorded_and_stamped(path, stamp):
    order = PaidSampleOrderFactory(items=False)
    for step in path:
        order.set_status(step, by=None, note="test")
    order.refresh_from_db()
    assert order.status == path[-1]
    assert [change.to_status for change in order.history.order_by("pk")] == list(path)
    assert getattr(order, stamp) is not None


def test_a_move_writes_history_and_the_audit_log():
    """One history row (from, to, by, note) in the generic table and one ``portal.status_change`` entry."""
    order = PaidSampleOrderFactory(items=False)
    user = UserFactory()
    order.carrier, order.tracking_number = "DHL", "JD0123"
    change = order.set_status(Status.SHIPPED, by=user, note="DHL JD0123")
    order.refresh_from_db()
    assert (order.carrier, order.tracking_number) == ("DHL", "JD0123")
    assert list(order.history.all()) == [change]
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        "placed",
        "shipped",
        user,
        "DHL JD0123",
    )
    [entry] = ModelLogEntry.objects.for_instance(order).filter(action=STATUS_CHANGE_ACTION)
    assert entry.user == user and entry.data == {"from": "placed", "to": "shipped", "note": "DHL JD0123"}


@pytest.mark.parametrize(
    "payment_status", [None, Payment.Status.PENDING, Payment.Status.FAILED, Payment.Status.EXPIRED, "refunded"]
)
def test_an_unpaid_order_cannot_be_shipped(payment_status):
    """Shipping is guarded by the payment: not started, pending, failed, expired or refunded in full."""
    order = SampleOrderFactory(items=False)
    if payment_status is not None:
        order_payment(order, status=payment_status)
    with pytest.raises(SampleOrderError, match="Only a paid order can be marked shipped") as refused:
        order.set_status(Status.SHIPPED, by=None)
    assert isinstance(refused.value, TransitionError)
    order.refresh_from_db()
    assert order.status == Status.PLACED and order.shipped_at is None
    assert not order.history.exists()


def test_only_a_full_refund_cancels():
    order = PaidSampleOrderFactory(items=False, payment__status=Payment.Status.PARTIALLY_REFUNDED)
    with pytest.raises(SampleOrderError, match="refunded in full"):
        order.set_status(Status.CANCELLED, by=None)
    Payment.objects.update(status=Payment.Status.REFUNDED, amount_refunded_minor=order.amount_minor)
    order.set_status(Status.CANCELLED, by=None)
    order.refresh_from_db()
    assert (order.status, order.state) == (Status.CANCELLED, State.CANCELLED) and order.cancelled_at


@pytest.mark.parametrize(
    ("start", "target", "message"),
    [
        (Status.PLACED, Status.DELIVERED, "Only a shipped order"),
        (Status.SHIPPED, Status.PLACED, "cannot become"),
        (Status.SHIPPED, Status.SHIPPED, "Only a paid order"),
        (Status.DELIVERED, Status.SHIPPED, "Only a paid order"),
        (Status.CANCELLED, Status.SHIPPED, "Only a paid order"),
        (Status.CANCELLED, Status.PLACED, "cannot become"),
    ],
)
def test_forbidden_moves_raise_and_change_nothing(start, target, message):
    order = PaidSampleOrderFactory(items=False, status=start)
    with pytest.raises(SampleOrderError, match=message):
        order.set_status(target, by=None)
    order.refresh_from_db()
    assert order.status == start and not order.history.exists()


def test_a_stale_order_is_refused():
    """Someone else moved the order since it was read: nothing is written and StaleSampleOrder is raised."""
    order = PaidSampleOrderFactory(items=False)
    SampleOrder.objects.get(pk=order.pk).set_status(Status.SHIPPED, by=None)
    with pytest.raises(StaleSampleOrder):
        order.set_status(Status.SHIPPED, by=None)
    assert order.history.count() == 1


def test_tokens_are_long_and_unique():
    first, second = SampleOrderFactory(items=False), SampleOrderFactory(items=False)
    assert len(first.token) >= 40 and first.token != second.token


def test_the_cart_groups_by_supplier_and_caps_quantities_at_the_limit():
    """A stored quantity above the current limit is lowered; products no longer offering samples drop out."""
    cake, tea = sample_product(sample_limit=2), sample_product(sample_limit=None)
    other = sample_product()
    gone = sample_product(sample_available=False)
    session = SessionStore()
    session[SESSION_KEY] = {str(cake.pk): 5, str(tea.pk): 1, str(other.pk): 1, str(gone.pk): 1, "junk": 2}
    groups, dropped = SampleCart(session).groups()
    assert dropped == 1
    assert {group.company.pk for group in groups} == {cake.company_id, tea.company_id, other.company_id}
    quantities = {line.product.pk: line.quantity for group in groups for line in group.lines}
    assert quantities == {cake.pk: 2, tea.pk: 1, other.pk: 1}
    assert session[SESSION_KEY] == {str(cake.pk): 2, str(tea.pk): 1, str(other.pk): 1}
