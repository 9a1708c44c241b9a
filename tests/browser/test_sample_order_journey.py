"""A buyer in English orders a sample, reaches Stripe Checkout (stopped there), a signed webhook marks the
order paid, and the supplier sees it in the dashboard."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from playwright.sync_api import expect

from catalog.orders.models import SampleOrder
from catalog.showcase.models import Product
from payments.models import Payment
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.inquiries import build_showcase
from tests.factories.payments import ExchangeRateFactory
from tests.stripe_support import make_event, post_event, session_object

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STRIPE_CHECKOUT = re.compile(r"^https://checkout\.stripe\.com/")


def test_buyer_orders_a_sample_pays_through_stripe_and_the_supplier_sees_it(page, screenshot, stripe_settings):
    """Product → "Add to sample cart" → cart → checkout form → total in THB → redirect to Stripe (stub) →
    signed checkout.session.completed → the order page says Paid → the supplier's dashboard lists it."""
    shop = build_showcase()
    Product.objects.filter(pk=shop.cake.pk).update(
        sample_available=True, sample_price_twd=Decimal("150.00"), sample_limit=3
    )
    ExchangeRateFactory(currency="THB", twd_per_unit="0.9")
    page.route(
        STRIPE_CHECKOUT,
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>Stripe Checkout</title><h1>Stripe</h1>"
        ),
    )

    page.goto(f"{page.base_url}/en/showcase/product/{shop.cake.pk}-pineapple-cake/")
    expect(page.get_by_role("heading", name="Order a sample")).to_be_visible()
    page.get_by_label("Number of samples").fill("2")
    page.get_by_role("button", name="Add to sample cart").click()
    expect(page).to_have_url(re.compile(r"/en/samples/cart/$"))
    expect(page.get_by_text("“Pineapple cake” is in your sample cart.")).to_be_visible()
    screenshot("cart")

    page.get_by_role("link", name="Check out these samples").click()
    page.get_by_label("Your name").fill("Somchai Jaidee")
    page.get_by_label("Company", exact=True).fill("Bangkok Fine Foods")
    page.get_by_label("E-mail", exact=True).fill("somchai@example.co.th")
    page.get_by_label("Shipping address").fill("99 Sukhumvit Road\nBangkok 10110")
    page.get_by_label("Country").select_option("TH")
    page.get_by_role("button", name="See the total").click()
    expect(page.get_by_test_id("order-total")).to_have_text("333.34 THB")
    screenshot("review")

    page.get_by_role("button", name="Pay 333.34 THB with Stripe").click()
    expect(page).to_have_url(STRIPE_CHECKOUT)
    order = SampleOrder.objects.get()
    payment = Payment.objects.get()
    assert (order.status, order.state, order.amount_minor, order.currency) == (
        "placed",
        "awaiting_payment",
        33334,
        "THB",
    )
    assert payment.stripe_checkout_session_id and payment.checkout_attempts == 1

    page.goto(f"{page.base_url}/en/samples/orders/{order.token}/?checkout=done")
    expect(page.get_by_text("Payment processing — we will e-mail you when Stripe confirms.")).to_be_visible()
    expect(page.get_by_test_id("order-status")).to_have_text("Awaiting payment")

    response = post_event(Client(), make_event("checkout.session.completed", session_object(payment)))
    assert response.status_code == 200
    page.reload()
    expect(page.get_by_test_id("order-status")).to_have_text("Paid")
    screenshot("paid")

    page.context.clear_cookies()
    page.goto(f"{page.base_url}/en/accounts/login/?next=/en/dashboard/{shop.supplier.pk}/orders/")
    page.locator("input[name=login]").fill(shop.member.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=password]")).locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/en/dashboard/{shop.supplier.pk}/orders/$"))
    expect(page.get_by_text(order.reference)).to_be_visible()
    screenshot("supplier-dashboard")
