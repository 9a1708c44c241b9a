"""Sample order services against stripe-mock: pricing per currency, checkout, payment following, shipping."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from catalog.orders import services
from catalog.orders.models import SampleOrder, SampleOrderError
from payments.errors import ExchangeRateMissing, PaymentError, UnsupportedCurrency
from payments.models import Payment
from payments.selectors import payment_for
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory, OwnerFactory
from tests.factories.orders import PaidSampleOrderFactory, SampleOrderFactory, sample_product
from tests.factories.payments import ExchangeRateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Error messages are compared in English."""
    with translation.override("en"):
        yield


def absolute(path):
    return f"https://portal.example{path}"


def order_fields(product, quantity=2, **overrides):
    return {
        "company": product.company,
        "lines": [(product, quantity)],
        "buyer_name": "Somchai Jaidee",
        "buyer_company": "Bangkok Fine Foods",
        "buyer_email": "somchai@example.com",
        "shipping_address": "99 Sukhumvit Road, Bangkok",
        "country": "TH",
        "currency": "THB",
        "language": "en",
        **overrides,
    }


def checkout_posts(sent):
    return [r for r in sent if r["path"] == "/v1/checkout/sessions" and r["method"] == "post"]


@pytest.mark.parametrize(
    ("currency", "rate", "unit_minor"),
    [
        ("THB", "0.9", 16667),  # 150 / 0.9 = 166.666… → 166.67 THB
        ("VND", "0.00125", 120000),  # zero-decimal: 120,000 dong, no ×100
        ("IDR", "0.002", 7500000),  # whole rupiah, sent with exponent 2
        ("TWD", None, 15000),  # whole dollars, sent with exponent 2
        ("USD", "32.5", 462),  # 4.615… → 4.62 USD
    ],
)
def test_order_amounts_are_computed_per_currency_and_sent_with_an_idempotency_key(
    stripe_requests, currency, rate, unit_minor
):
    """The unit amount is the TWD sample price converted at the staff rate with Stripe's minor units;
    the session carries the order's items and the key payment-<pk>-checkout-v1."""
    if rate:
        ExchangeRateFactory(currency=currency, twd_per_unit=rate)
    product = sample_product(sample_price_twd=Decimal("150.00"))
    order, session = services.order_place(
        build_absolute_uri=absolute, checkout_key=None, **order_fields(product, quantity=2, currency=currency)
    )
    assert order.amount_minor == unit_minor * 2
    assert order.reference == f"SO-{order.created_at:%Y}-{order.pk:06d}"
    [item] = order.items.all()
    assert (item.quantity, item.unit_amount_minor, item.unit_price_twd) == (2, unit_minor, Decimal("150.00"))
    [request] = checkout_posts(stripe_requests)
    payment = payment_for(order, purpose=Payment.Purpose.SAMPLE_ORDER)
    assert request["idempotency_key"] == f"payment-{payment.pk}-checkout-v1"
    line = request["params"]["line_items"][0]
    assert line["price_data"]["unit_amount"] == unit_minor
    assert line["price_data"]["currency"] == currency.lower()
    assert line["quantity"] == 2
    assert request["params"]["success_url"] == absolute(f"/en/samples/orders/{order.token}/?checkout=done")
    assert request["params"]["cancel_url"] == absolute(f"/en/samples/orders/{order.token}/")
    assert (payment.amount_minor, payment.currency) == (order.amount_minor, currency)
    assert session.url.startswith("https://")


def test_placing_again_with_the_same_checkout_key_reuses_the_order(stripe_requests):
    """The same checkout form sent twice (two tabs, a double click) gets one order and one payment; the
    second call is a new attempt on that order (key v2) and the first session is expired at Stripe."""
    product = sample_product()
    fields = order_fields(product, currency="TWD")
    first, _session = services.order_place(build_absolute_uri=absolute, checkout_key="key-1", **fields)
    second, _session = services.order_place(build_absolute_uri=absolute, checkout_key="key-1", **fields)
    assert first == second and SampleOrder.objects.count() == 1 and Payment.objects.count() == 1
    payment = payment_for(first, purpose=Payment.Purpose.SAMPLE_ORDER)
    keys = [r["idempotency_key"] for r in checkout_posts(stripe_requests)]
    assert keys == [f"payment-{payment.pk}-checkout-v1", f"payment-{payment.pk}-checkout-v2"]
    assert any(r["path"].endswith("/expire") for r in stripe_requests)


@pytest.mark.parametrize("quantity", [0, 4, -1])
def test_a_quantity_outside_one_to_the_sample_limit_is_refused(stripe_requests, quantity):
    """Zero, negative and above-limit quantities raise a clear error; no order, no payment, no Stripe call."""
    product = sample_product(sample_limit=3)
    with pytest.raises(SampleOrderError, match="between 1 and 3"):
        services.order_place(
            build_absolute_uri=absolute, checkout_key=None, **order_fields(product, quantity=quantity, currency="TWD")
        )
    assert not SampleOrder.objects.exists()
    assert not Payment.objects.exists()
    assert stripe_requests == []


def test_a_missing_sample_limit_means_one(stripe_settings):
    """Without a sample limit a buyer may order one sample, not two."""
    product = sample_product(sample_limit=None)
    with pytest.raises(SampleOrderError, match="between 1 and 1"):
        services.order_create(**order_fields(product, quantity=2, currency="TWD"))


@pytest.mark.parametrize(
    "product_kwargs",
    [{"sample_available": False}, {"sample_price_twd": Decimal("0")}],
)
def test_a_product_without_samples_is_refused(stripe_settings, product_kwargs):
    """No samples, or a sample price of zero: the order is refused and nothing is saved."""
    product = sample_product(**product_kwargs)
    with pytest.raises(SampleOrderError, match="not available as a sample"):
        services.order_create(**order_fields(product, quantity=1, currency="TWD"))
    assert not SampleOrder.objects.exists()


def test_a_product_that_is_not_live_is_refused(stripe_settings):
    """A product that was unpublished after it went into the cart cannot be ordered."""
    product = sample_product()
    product.unpublish()
    with pytest.raises(SampleOrderError, match="not available as a sample"):
        services.order_create(**order_fields(product, quantity=1, currency="TWD"))


def test_products_of_two_suppliers_cannot_share_an_order(stripe_settings):
    first, second = sample_product(), sample_product()
    with pytest.raises(SampleOrderError, match="one supplier"):
        services.order_create(**order_fields(first, currency="TWD", lines=[(first, 1), (second, 1)]))


def test_an_unsupported_currency_is_refused(stripe_settings):
    product = sample_product()
    with pytest.raises(UnsupportedCurrency):
        services.order_create(**order_fields(product, currency="EUR"))
    assert not SampleOrder.objects.exists()


def test_an_unknown_country_is_refused(stripe_settings):
    product = sample_product()
    with pytest.raises(SampleOrderError, match="Choose a country"):
        services.order_create(**order_fields(product, currency="TWD", country="XX"))
    assert not SampleOrder.objects.exists()


def test_a_missing_exchange_rate_is_refused_with_a_clear_message(stripe_settings):
    product = sample_product()
    with pytest.raises(ExchangeRateMissing, match="no exchange rate for MYR"):
        services.order_create(**order_fields(product, currency="MYR"))
    assert not SampleOrder.objects.exists()


def test_when_stripe_refuses_the_session_nothing_is_kept(stripe_settings, settings):
    """A Stripe error (here: a rejected key) rolls back the order and its payment."""
    settings.STRIPE_SECRET_KEY = "not-a-key"
    product = sample_product()
    with pytest.raises(PaymentError):
        services.order_place(build_absolute_uri=absolute, checkout_key=None, **order_fields(product, currency="TWD"))
    assert not SampleOrder.objects.exists()
    assert not Payment.objects.exists()


def test_a_paid_order_cannot_be_checked_out_again(stripe_requests):
    order = PaidSampleOrderFactory()
    with pytest.raises(SampleOrderError, match="already been paid"):
        services.order_checkout(order=order, build_absolute_uri=absolute)
    assert stripe_requests == []


def test_marking_shipped_records_tracking_and_e_mails_the_buyer_and_the_owners(django_capture_on_commit_callbacks):
    """A member of the supplier marks a paid order shipped; the buyer gets the carrier, the tracking number and
    the secret link; the supplier's owner gets a confirmation in their language with the dashboard link."""
    order = PaidSampleOrderFactory(language="en")
    member = MembershipFactory(company=order.company).user
    owner = OwnerFactory(company=order.company, user=UserFactory(preferred_language="zh-hant")).user
    with django_capture_on_commit_callbacks(execute=True):
        services.order_mark_shipped(order=order, by=member, carrier="DHL", tracking_number="JD0123")
    order.refresh_from_db()
    assert (order.status, order.carrier, order.tracking_number) == ("shipped", "DHL", "JD0123")
    assert order.shipped_at is not None
    buyer, supplier = mail.outbox
    assert buyer.to == [order.buyer_email]
    assert "JD0123" in buyer.body and "DHL" in buyer.body
    assert order.token in buyer.body
    assert supplier.to == [owner.email]
    assert "JD0123" in supplier.body and order.token not in supplier.body
    assert f"/zh-hant/dashboard/{order.company_id}/orders/{order.pk}/" in supplier.body
    with translation.override("zh-hant"):
        assert gettext("Buyer") in supplier.body


def test_only_the_supplier_or_staff_can_ship(stripe_settings):
    """A member of another company cannot mark the order shipped; staff can."""
    order = PaidSampleOrderFactory()
    outsider = MembershipFactory().user
    with pytest.raises(SampleOrderError, match="supplier's members"):
        services.order_mark_shipped(order=order, by=outsider, carrier="DHL", tracking_number="1")
    with pytest.raises(SampleOrderError):
        services.order_mark_shipped(order=order, by=UserFactory(), carrier="DHL", tracking_number="1")
    services.order_mark_shipped(order=order, by=StaffFactory(), carrier="DHL", tracking_number="1")
    order.refresh_from_db()
    assert order.status == SampleOrder.Status.SHIPPED


def test_an_unpaid_order_cannot_be_shipped_and_tracking_is_required():
    order = SampleOrderFactory()
    owner = OwnerFactory(company=order.company).user
    with pytest.raises(SampleOrderError, match="Only a paid order.*Awaiting payment"):
        services.order_mark_shipped(order=order, by=owner, carrier="DHL", tracking_number="1")
    order.refresh_from_db()
    assert (order.status, order.carrier, order.tracking_number) == ("placed", "", "")
    paid = PaidSampleOrderFactory(company=order.company)
    with pytest.raises(SampleOrderError, match="carrier and the tracking number"):
        services.order_mark_shipped(order=paid, by=owner, carrier="  ", tracking_number="1")


def test_delivered_follows_shipped_only():
    order = PaidSampleOrderFactory()
    owner = OwnerFactory(company=order.company).user
    with pytest.raises(SampleOrderError, match="Only a shipped order"):
        services.order_mark_delivered(order=order, by=owner)
    services.order_mark_shipped(order=order, by=owner, carrier="EMS", tracking_number="EE1")
    order = services.order_mark_delivered(order=order, by=owner)
    assert order.status == SampleOrder.Status.DELIVERED
    assert order.delivered_at is not None
    assert [(change.to_status, change.changed_by) for change in order.history.order_by("pk")] == [
        ("shipped", owner),
        ("delivered", owner),
    ]
