"""The sample order's status table, its one guarded state change, and the cart's limits."""

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.utils import translation

from catalog.orders.cart import SESSION_KEY, SampleCart
from catalog.orders.models import SampleOrder, SampleOrderError
from tests.factories.orders import SampleOrderFactory, sample_product

pytestmark = pytest.mark.django_db

Status = SampleOrder.Status


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_every_status_has_a_row_in_the_table():
    assert set(SampleOrder.TRANSITIONS) == set(Status)


@pytest.mark.parametrize(
    ("path", "stamp"),
    [
        ([Status.PAID], "paid_at"),
        ([Status.PAID, Status.SHIPPED], "shipped_at"),
        ([Status.PAID, Status.SHIPPED, Status.DELIVERED], "delivered_at"),
        ([Status.EXPIRED, Status.PENDING, Status.PAID], "paid_at"),
        ([Status.FAILED, Status.PAID, Status.REFUNDED], "paid_at"),
    ],
)
def test_allowed_moves_are_recorded_and_stamped(path, stamp):
    order = SampleOrderFactory(items=False)
    for step in path:
        order.set_status(step, note="test")
    order.refresh_from_db()
    assert order.status == path[-1]
    assert [entry["to"] for entry in order.history] == list(path)
    assert getattr(order, stamp) is not None


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Status.PENDING, Status.SHIPPED),
        (Status.PENDING, Status.REFUNDED),
        (Status.PAID, Status.PENDING),
        (Status.PAID, Status.DELIVERED),
        (Status.SHIPPED, Status.PAID),
        (Status.REFUNDED, Status.PAID),
        (Status.DELIVERED, Status.SHIPPED),
    ],
)
def test_forbidden_moves_raise_and_change_nothing(start, target):
    order = SampleOrderFactory(items=False, status=start)
    with pytest.raises(SampleOrderError, match="cannot become"):
        order.set_status(target)
    order.refresh_from_db()
    assert order.status == start and order.history == []


def test_partial_refund_keeps_the_fulfilment_status():
    order = SampleOrderFactory(items=False, status=Status.SHIPPED, amount_minor=30000, amount_refunded_minor=10000)
    assert order.is_partially_refunded and order.refunded_display == "100.00 TWD"
    assert not SampleOrderFactory(items=False, amount_refunded_minor=0).is_partially_refunded


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
