"""Checkout Sessions and refunds against the real stripe-mock: amounts, idempotency keys, refusals."""

from urllib.parse import parse_qs

import pytest

from payments import services
from payments.errors import PaymentError, PaymentStateError, UnsupportedCurrency
from payments.models import Payment, Refund
from tests.factories.accounts import StaffFactory
from tests.factories.companies import CompanyFactory
from tests.factories.payments import PaidPaymentFactory, PaymentFactory

pytestmark = pytest.mark.django_db

URLS = {"success_url": "https://portal.example/paid/", "cancel_url": "https://portal.example/cart/"}


def checkout_requests(sent):
    return [request for request in sent if request["path"] == "/v1/checkout/sessions" and request["method"] == "post"]


@pytest.mark.parametrize(
    ("currency", "amount_minor"),
    [("VND", 450000), ("THB", 41650), ("IDR", 27300000), ("TWD", 150000), ("USD", 4625)],
)
def test_checkout_session_sends_the_amount_in_minor_units_with_an_idempotency_key(
    stripe_requests, currency, amount_minor
):
    """The session is created for the payment's currency and amount, keyed payment-<pk>-checkout-v1."""
    payment = PaymentFactory(currency=currency, amount_minor=amount_minor)
    items = [{"name": "Oolong tea sample", "unit_amount_minor": amount_minor, "quantity": 1}]
    session = services.checkout_session_create(payment=payment, line_items=items, **URLS)
    [request] = checkout_requests(stripe_requests)
    assert request["status"] == 200
    assert request["idempotency_key"] == f"payment-{payment.pk}-checkout-v1"
    item = request["params"]["line_items"][0]
    assert item["price_data"] == {
        "currency": currency.lower(),
        "unit_amount": amount_minor,
        "product_data": {"name": "Oolong tea sample"},
    }
    assert request["params"]["client_reference_id"] == f"payment-{payment.pk}"
    assert session.url.startswith("https://")
    payment.refresh_from_db()
    assert payment.stripe_checkout_session_id == session.id
    assert payment.checkout_attempts == 1
    assert payment.status == Payment.Status.PENDING


def test_the_request_body_carries_the_amount(stripe_settings, caplog):
    """What goes over the wire (the library's debug log of the encoded body) has the integer amount."""
    payment = PaymentFactory(currency="VND", amount_minor=90000)
    caplog.set_level("DEBUG", logger="stripe")
    services.checkout_session_create(
        payment=payment, line_items=[{"name": "Tea", "unit_amount_minor": 45000, "quantity": 2}], **URLS
    )
    [post] = [record.getMessage() for record in caplog.records if "Post details" in record.getMessage()]
    body = parse_qs(post.split("post_data=", 1)[1].split(" api_version", 1)[0].strip('"'))
    assert body["line_items[0][price_data][unit_amount]"] == ["45000"]
    assert body["line_items[0][quantity]"] == ["2"]
    assert body["line_items[0][price_data][currency]"] == ["vnd"]


def test_a_new_attempt_expires_the_open_session_and_uses_the_next_key(stripe_requests):
    """A second checkout for a pending payment expires the first session, then creates v2."""
    payment = PaymentFactory()
    items = [{"name": "Fee", "unit_amount_minor": payment.amount_minor, "quantity": 1}]
    first = services.checkout_session_create(payment=payment, line_items=items, **URLS)
    services.checkout_session_create(payment=payment, line_items=items, **URLS)
    paths = [(request["method"], request["path"]) for request in stripe_requests]
    assert ("post", f"/v1/checkout/sessions/{first.id}/expire") in paths
    keys = [request["idempotency_key"] for request in checkout_requests(stripe_requests)]
    assert keys == [f"payment-{payment.pk}-checkout-v1", f"payment-{payment.pk}-checkout-v2"]


def test_checkout_close_expires_the_open_session_and_the_payment(stripe_requests):
    """An open checkout is expired at Stripe and the payment becomes expired; a new attempt may follow."""
    payment = PaymentFactory()
    items = [{"name": "Fee", "unit_amount_minor": payment.amount_minor, "quantity": 1}]
    session = services.checkout_session_create(payment=payment, line_items=items, **URLS)
    services.checkout_close(payment=payment)
    payment.refresh_from_db()
    assert payment.status == Payment.Status.EXPIRED
    assert ("post", f"/v1/checkout/sessions/{session.id}/expire") in [(r["method"], r["path"]) for r in stripe_requests]


def test_checkout_close_without_a_session_asks_stripe_nothing(stripe_requests):
    payment = PaymentFactory()
    services.checkout_close(payment=payment)
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and stripe_requests == []


def test_checkout_close_refuses_a_paid_payment(stripe_requests):
    with pytest.raises(PaymentStateError):
        services.checkout_close(payment=PaidPaymentFactory())
    assert stripe_requests == []


def test_an_expired_payment_can_be_tried_again(stripe_requests):
    """An expired payment goes back to pending for a new attempt."""
    payment = PaymentFactory(status=Payment.Status.EXPIRED, checkout_attempts=1, stripe_checkout_session_id="cs_old")
    items = [{"name": "Fee", "unit_amount_minor": payment.amount_minor, "quantity": 1}]
    services.checkout_session_create(payment=payment, line_items=items, **URLS)
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING
    assert [r["idempotency_key"] for r in checkout_requests(stripe_requests)] == [f"payment-{payment.pk}-checkout-v2"]


def test_a_paid_item_cannot_be_paid_again(stripe_requests):
    """A second payment attempt for a paid item is refused before Stripe is asked."""
    payment = PaidPaymentFactory()
    with pytest.raises(PaymentStateError, match="already been paid"):
        services.checkout_session_create(
            payment=payment, line_items=[{"name": "Fee", "unit_amount_minor": 150000, "quantity": 1}], **URLS
        )
    with pytest.raises(PaymentStateError, match="already been paid"):
        services.payment_create(
            purpose=payment.purpose,
            target=payment.target,
            amount_minor=150000,
            currency="TWD",
            description="again",
        )
    assert stripe_requests == []


def test_line_items_must_add_up_to_the_payment(stripe_requests):
    """Line items that do not add up to the amount are refused; nothing is sent."""
    payment = PaymentFactory(amount_minor=150000)
    with pytest.raises(PaymentError, match="do not add up"):
        services.checkout_session_create(
            payment=payment, line_items=[{"name": "Fee", "unit_amount_minor": 100000, "quantity": 1}], **URLS
        )
    assert stripe_requests == []


def test_payment_create_refuses_an_unsupported_currency(stripe_settings):
    """EUR is not a storefront currency: a clear message, no payment row."""
    with pytest.raises(UnsupportedCurrency, match="EUR"):
        services.payment_create(
            purpose=Payment.Purpose.SAMPLE_ORDER,
            target=CompanyFactory(),
            amount_minor=1000,
            currency="EUR",
            description="Sample",
        )
    assert not Payment.objects.exists()


def test_payment_create_is_one_per_target_and_follows_the_price(stripe_settings):
    """Asking again for an unpaid target updates its one payment instead of adding another."""
    company = CompanyFactory()
    first = services.payment_create(
        purpose=Payment.Purpose.PROGRAM_FEE, target=company, amount_minor=1000, currency="THB", description="Fee"
    )
    second = services.payment_create(
        purpose=Payment.Purpose.PROGRAM_FEE, target=company, amount_minor=1200, currency="thb", description="Fee"
    )
    assert first.pk == second.pk
    assert Payment.objects.get().amount_minor == 1200


class TestRefunds:
    def test_partial_then_full_refund_with_idempotency_keys(self, stripe_requests, received_signals):
        """Two refunds: keys payment-<pk>-refund-1 and -2; the status follows the refunded total."""
        payment = PaidPaymentFactory(amount_minor=150000)
        staff = StaffFactory()
        services.refund_create(payment=payment, amount_minor=50000, by=staff, reason="One item damaged")
        payment.refresh_from_db()
        assert (payment.status, payment.amount_refunded_minor) == (Payment.Status.PARTIALLY_REFUNDED, 50000)
        services.refund_create(payment=payment, amount_minor=100000, by=staff, reason="Order cancelled")
        payment.refresh_from_db()
        assert (payment.status, payment.amount_refunded_minor) == (Payment.Status.REFUNDED, 150000)
        refunds = [request for request in stripe_requests if request["path"] == "/v1/refunds"]
        assert [request["idempotency_key"] for request in refunds] == [
            f"payment-{payment.pk}-refund-1",
            f"payment-{payment.pk}-refund-2",
        ]
        assert [request["params"]["amount"] for request in refunds] == [50000, 100000]
        assert refunds[0]["params"]["payment_intent"] == payment.stripe_payment_intent_id
        assert Refund.objects.filter(payment=payment).count() == 2
        assert received_signals == [("refunded", payment.pk, 50000), ("refunded", payment.pk, 150000)]

    def test_a_refund_larger_than_the_payment_is_refused(self, stripe_requests):
        """More than the refundable remainder: a clear message, nothing sent, nothing recorded."""
        payment = PaidPaymentFactory(amount_minor=150000, amount_refunded_minor=100000)
        payment.status = Payment.Status.PARTIALLY_REFUNDED
        payment.save()
        with pytest.raises(PaymentError, match=r"larger than what can still be refunded \(500\.00 TWD\)"):
            services.refund_create(payment=payment, amount_minor=60000, by=StaffFactory())
        assert stripe_requests == []
        payment.refresh_from_db()
        assert payment.amount_refunded_minor == 100000
        assert not Refund.objects.exists()

    def test_an_unpaid_payment_cannot_be_refunded(self, stripe_requests):
        """A pending payment has nothing to refund."""
        with pytest.raises(PaymentStateError, match="Only a paid payment"):
            services.refund_create(payment=PaymentFactory(), amount_minor=100, by=StaffFactory())
        assert stripe_requests == []
