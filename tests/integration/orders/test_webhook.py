"""Sample orders read their payment, which signed Stripe webhooks move (stripe-mock for the API calls): paid
(and e-mailed) once however often Stripe delivers, refunds early or late, failed and expired checkouts."""

import pytest
from django.core import mail
from django.utils import translation

from catalog.orders import services
from catalog.orders.models import SampleOrder
from payments.models import Payment, StripeEvent
from tests.factories.accounts import UserFactory
from tests.factories.companies import MembershipFactory, OwnerFactory
from tests.factories.orders import sample_product
from tests.stripe_support import charge_object, make_event, post_event, session_object

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def placed(stripe_settings):
    """A placed order of 2 samples at 150 TWD (300 TWD) with its Checkout Session at stripe-mock;
    the supplier has an owner (zh-hant) and a plain member."""
    product = sample_product(name_en="Pineapple cake")
    owner = OwnerFactory(company=product.company, user=UserFactory(preferred_language="zh-hant")).user
    MembershipFactory(company=product.company)
    order, _session = services.order_place(
        build_absolute_uri=lambda path: f"https://portal.example{path}",
        checkout_key=None,
        company=product.company,
        lines=[(product, 2)],
        buyer_name="Nguyen Van An",
        buyer_company="Saigon Imports",
        buyer_email="an@example.com",
        shipping_address="1 Le Loi, District 1, Ho Chi Minh City",
        country="VN",
        currency="TWD",
        language="en",
    )
    payment = Payment.objects.get()
    return order, payment, owner


def test_the_completed_checkout_delivered_three_times_pays_the_order_once(
    client, placed, django_capture_on_commit_callbacks
):
    """One event delivered three times: the order is paid once; the buyer and the owner get one e-mail each."""
    order, payment, owner = placed
    event = make_event("checkout.session.completed", session_object(payment), event_id="evt_thrice")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            assert post_event(client, event).status_code == 200
    order.refresh_from_db()
    assert (order.status, order.state) == (SampleOrder.Status.PLACED, SampleOrder.State.PAID)
    assert order.paid_at is not None
    assert not order.history.exists(), "the order copies nothing of its payment"
    assert sorted(message.to[0] for message in mail.outbox) == sorted(["an@example.com", owner.email])
    buyer_mail = next(message for message in mail.outbox if message.to == ["an@example.com"])
    assert order.reference in buyer_mail.subject and "Payment received" in buyer_mail.subject
    assert f"/en/samples/orders/{order.token}/" in buyer_mail.body
    owner_mail = next(message for message in mail.outbox if message.to == [owner.email])
    assert f"/zh-hant/dashboard/{order.company_id}/orders/{order.pk}/" in owner_mail.body
    assert "Nguyen Van An" in owner_mail.body


def test_two_different_paid_events_still_pay_once(client, placed, django_capture_on_commit_callbacks):
    order, payment, _owner = placed
    with django_capture_on_commit_callbacks(execute=True):
        post_event(client, make_event("checkout.session.completed", session_object(payment)))
        post_event(client, make_event("checkout.session.async_payment_succeeded", session_object(payment)))
    order.refresh_from_db()
    assert order.state == SampleOrder.State.PAID
    assert len(mail.outbox) == 2


def test_a_refund_before_the_completed_checkout_is_applied_after_it(client, placed):
    """charge.refunded arrives first (it waits); completion pays the order, then the partial refund is recorded
    while the order stays paid, so the supplier still ships."""
    order, payment, _owner = placed
    post_event(client, make_event("charge.refunded", charge_object(payment, amount_refunded=10000)))
    order.refresh_from_db()
    assert (order.state, order.amount_refunded_minor) == ("awaiting_payment", 0)
    assert StripeEvent.objects.get(type="charge.refunded").status == StripeEvent.Status.WAITING
    post_event(client, make_event("checkout.session.completed", session_object(payment)))
    order.refresh_from_db()
    assert (order.status, order.state, order.amount_refunded_minor) == ("placed", "paid", 10000)
    assert order.is_partially_refunded and order.can_ship


def test_a_partial_refund_keeps_fulfilment_and_a_full_refund_cancels_a_shipped_order(client, placed):
    """A partial refund leaves the order shipped; the rest refunded closes it: cancelled, by nobody, once."""
    order, payment, owner = placed
    post_event(client, make_event("checkout.session.completed", session_object(payment)))
    services.order_mark_shipped(order=order, by=owner, carrier="EMS", tracking_number="EE123")
    post_event(client, make_event("charge.refunded", charge_object(payment, amount_refunded=10000)))
    order.refresh_from_db()
    assert (order.status, order.amount_refunded_minor) == ("shipped", 10000)
    assert order.is_partially_refunded
    post_event(client, make_event("charge.refunded", charge_object(payment, amount_refunded=30000)))
    order.refresh_from_db()
    assert (order.status, order.state, order.amount_refunded_minor) == ("cancelled", "cancelled", 30000)
    assert order.cancelled_at is not None and not order.is_partially_refunded
    cancel = order.history.get(to_status="cancelled")
    assert (cancel.from_status, cancel.changed_by) == ("shipped", None)


def test_a_full_refund_of_a_paid_order_cancels_it_and_it_cannot_be_paid_again(client, placed):
    order, payment, _owner = placed
    post_event(client, make_event("checkout.session.completed", session_object(payment)))
    post_event(client, make_event("charge.refunded", charge_object(payment, amount_refunded=30000)))
    order.refresh_from_db()
    assert (order.status, order.is_payable, order.can_ship) == ("cancelled", False, False)
    html = client.get(f"/en/samples/orders/{order.token}/").content.decode()
    assert "Cancelled" in html and "Pay now" not in html


def test_an_expired_checkout_expires_the_order_and_pay_now_reopens_it(client, placed, stripe_requests):
    order, payment, _owner = placed
    expired = session_object(payment, payment_status="unpaid", status="expired", payment_intent=None)
    post_event(client, make_event("checkout.session.expired", expired))
    order.refresh_from_db()
    assert (order.status, order.state) == (SampleOrder.Status.PLACED, SampleOrder.State.PAYMENT_EXPIRED)
    html = client.get(f"/en/samples/orders/{order.token}/").content.decode()
    assert "Payment expired" in html and "Pay now" in html
    response = client.post(f"/en/samples/orders/{order.token}/pay/")
    assert response.status_code == 303
    order.refresh_from_db()
    assert order.state == SampleOrder.State.AWAITING_PAYMENT
    keys = [r["idempotency_key"] for r in stripe_requests if r["path"] == "/v1/checkout/sessions"]
    assert keys == [f"payment-{payment.pk}-checkout-v2"]


def test_a_failed_async_payment_fails_the_order(client, placed):
    order, payment, _owner = placed
    unpaid = session_object(payment, payment_status="unpaid")
    post_event(client, make_event("checkout.session.completed", unpaid))
    post_event(client, make_event("checkout.session.async_payment_failed", unpaid))
    order.refresh_from_db()
    assert (order.status, order.state) == (SampleOrder.Status.PLACED, SampleOrder.State.PAYMENT_FAILED)


def test_late_money_for_an_expired_order_still_pays_it(client, placed, django_capture_on_commit_callbacks):
    order, payment, _owner = placed
    post_event(client, make_event("checkout.session.expired", session_object(payment, status="expired")))
    with django_capture_on_commit_callbacks(execute=True):
        post_event(client, make_event("checkout.session.completed", session_object(payment)))
    order.refresh_from_db()
    assert order.state == SampleOrder.State.PAID and order.can_ship
    assert len(mail.outbox) == 2
