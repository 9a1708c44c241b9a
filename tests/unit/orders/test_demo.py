"""catalog.orders.demo: one demo order per step of the order's life for the demo SME's supplier, seeded once."""

import io

import pytest

from catalog.orders import demo as orders_demo
from catalog.orders.models import SampleOrder
from payments import demo as payments_demo
from payments.models import Payment
from tests.factories.accounts import UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.orders import sample_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def supplier():
    payments_demo.seed(stdout=io.StringIO())
    product = sample_product(name_en="Pineapple cake")
    sample_product(company=product.company, name_en="Oolong tea")
    MembershipFactory(company=product.company, user=UserFactory(email="sme@demo.taipei"))
    return product.company


def test_seeds_an_order_in_each_state_with_matching_payments(supplier):
    """Awaiting payment (no payment), paid, shipped (with tracking) and delivered; paid ones have a paid payment,
    and the order's own history holds only its fulfilment steps."""
    orders_demo.seed(stdout=io.StringIO())
    by_email = {order.buyer_email: order for order in SampleOrder.objects.with_payment().filter(company=supplier)}
    orders = {n: by_email[spec["buyer_email"]] for n, spec in enumerate(orders_demo.ORDERS, start=1)}
    assert [orders[n].state for n in range(1, 5)] == [
        "paid",
        "shipped",
        "awaiting_payment",
        "delivered",
    ]
    assert [orders[n].status for n in range(1, 5)] == [
        "placed",
        "shipped",
        "placed",
        "delivered",
    ]
    delivered = orders[4]
    assert [change.to_status for change in delivered.history.order_by("pk")] == ["shipped", "delivered"]
    assert orders[2].tracking_number
    assert orders[3].currency == "VND"
    payments = Payment.objects.filter(purpose=Payment.Purpose.SAMPLE_ORDER)
    assert sorted(payments.values_list("status", flat=True)) == ["paid", "paid", "paid"]
    assert all(payment.amount_minor == orders_by_pk(orders)[payment.object_id].amount_minor for payment in payments)


def orders_by_pk(orders):
    return {order.pk: order for order in orders.values()}


def test_demo_checkout_keys_are_as_random_as_real_ones(supplier):
    """Each demo order's checkout key is a fresh 32-character random token, not a guessable name."""
    orders_demo.seed(stdout=io.StringIO())
    keys = list(SampleOrder.objects.values_list("checkout_key", flat=True))
    assert len(set(keys)) == 4
    assert all(len(key) == 32 and "demo" not in key for key in keys)


def test_seed_twice_changes_nothing(supplier):
    orders_demo.seed(stdout=io.StringIO())
    out = io.StringIO()
    orders_demo.seed(stdout=out)
    assert SampleOrder.objects.count() == 4 and Payment.objects.count() == 3
    assert "created" not in out.getvalue()


def test_without_the_demo_supplier_it_says_so(db):
    out = io.StringIO()
    orders_demo.seed(stdout=out)
    assert "seed the showcase first" in out.getvalue()
    assert not SampleOrder.objects.exists()
