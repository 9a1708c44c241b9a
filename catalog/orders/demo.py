"""Demo sample orders for the demo SME's supplier, one per step of the order's life, so the supplier dashboard
and the staff admin have something to show without Stripe. Payments are marked paid directly (with ``demo``
ids): on a real site only Stripe's webhook does that. Idempotent: an order is recognised by its supplier and
buyer e-mail; its checkout key is as random as a real buyer's.

The steps are the states people see: awaiting payment (placed, no payment yet), paid (placed, its payment
paid), shipped and delivered."""

import secrets

from django.db import transaction

from catalog.showcase.demo import DEMO_MEMBER_EMAIL
from payments import services as payment_services
from payments.models import Payment

from . import selectors as order_selectors
from . import services as order_services
from .models import SampleOrder

Status = SampleOrder.Status
State = SampleOrder.State

ORDERS = [
    {
        "buyer_name": "Somchai Jaidee",
        "buyer_company": "Bangkok Fine Foods Co., Ltd.",
        "buyer_email": "somchai@bangkok-fine-foods.example",
        "shipping_address": "99 Sukhumvit Road, Khlong Toei\nBangkok 10110",
        "country": "TH",
        "currency": "THB",
        "language": "th",
        "state": State.PAID,
    },
    {
        "buyer_name": "Nur Aisyah binti Ahmad",
        "buyer_company": "Halal Pantry Sdn. Bhd.",
        "buyer_email": "aisyah@halal-pantry.example",
        "shipping_address": "12 Jalan Ampang\n50450 Kuala Lumpur",
        "country": "MY",
        "currency": "MYR",
        "language": "ms",
        "state": State.SHIPPED,
    },
    {
        "buyer_name": "Nguyen Van An",
        "buyer_company": "Saigon Gifts JSC",
        "buyer_email": "an@saigon-gifts.example",
        "shipping_address": "45 Le Loi, Ben Nghe Ward, District 1\nHo Chi Minh City",
        "country": "VN",
        "currency": "VND",
        "language": "vi",
        "state": State.AWAITING_PAYMENT,
    },
    {
        "buyer_name": "Tan Wei Ling",
        "buyer_company": "Lion City Provisions Pte. Ltd.",
        "buyer_email": "weiling@lioncity.example",
        "shipping_address": "8 Marina View, #20-01\nSingapore 018960",
        "country": "SG",
        "currency": "SGD",
        "language": "en",
        "state": State.DELIVERED,
    },
]

BUYER_FIELDS = ("buyer_name", "buyer_company", "buyer_email", "shipping_address", "country", "currency", "language")


def _supplier_products():
    """Sample products of the supplier the demo SME owns (the first demo supplier)."""
    products = order_selectors.sample_products().filter(company__memberships__user__email=DEMO_MEMBER_EMAIL)
    return list(products[:3])


def _advance(order, spec, index):
    """Walk the order (and its payment) to the state of the spec, as Stripe and the supplier would."""
    if spec["state"] == State.AWAITING_PAYMENT:
        return
    payment = payment_services.payment_create(
        purpose=Payment.Purpose.SAMPLE_ORDER,
        target=order,
        amount_minor=order.amount_minor,
        currency=order.currency,
        description=f"Sample order {order.reference}",
        customer_email=order.buyer_email,
    )
    payment.stripe_checkout_session_id = f"cs_demo_{index}"
    payment.stripe_payment_intent_id = f"pi_demo_{index}"
    payment.checkout_attempts = 1
    payment.save(update_fields=["stripe_checkout_session_id", "stripe_payment_intent_id", "checkout_attempts"])
    payment.set_status(Payment.Status.PAID, by=None, note="demo content")
    if spec["state"] in (State.SHIPPED, State.DELIVERED):
        order.carrier, order.tracking_number = "Chunghwa Post EMS", f"EE{123456780 + index}TW"
        order.set_status(Status.SHIPPED, by=None, note="demo content")
    if spec["state"] == State.DELIVERED:
        order.set_status(Status.DELIVERED, by=None, note="demo content")


@transaction.atomic
def seed(*, stdout) -> None:
    stdout.write("Sample orders:")
    products = _supplier_products()
    if not products:
        stdout.write(f"  no sample products of {DEMO_MEMBER_EMAIL}'s supplier: seed the showcase first")
        return
    for index, spec in enumerate(ORDERS, start=1):
        if SampleOrder.objects.filter(company=products[0].company, buyer_email=spec["buyer_email"]).exists():
            stdout.write(f"  {spec['buyer_email']}: kept")
            continue
        lines = [(product, 1) for product in products[: 1 + index % 2]]
        order = order_services.order_create(
            company=products[0].company,
            lines=lines,
            checkout_key=secrets.token_urlsafe(24),
            **{name: spec[name] for name in BUYER_FIELDS},
        )
        _advance(order, spec, index)
        stdout.write(f"  {spec['buyer_email']}: {order.reference} created ({order.get_state_display()})")
