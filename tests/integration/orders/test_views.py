"""Buyer pages of sample orders: the product's sample box, the session cart, checkout per supplier, the
secret order page. Stripe calls go to stripe-mock; assertions read the English pages."""

import re
from decimal import Decimal

import pytest
from django.utils import translation

from catalog.orders.models import SampleOrder
from catalog.showcase.models import Product
from payments.models import Payment
from tests.factories.accounts import StaffFactory
from tests.factories.companies import MembershipFactory
from tests.factories.inquiries import build_showcase
from tests.factories.orders import PaidSampleOrderFactory, SampleOrderFactory, order_payment, sample_product
from tests.factories.payments import ExchangeRateFactory, PaymentFactory

pytestmark = pytest.mark.django_db

BUYER = {
    "buyer_name": "Somchai Jaidee",
    "buyer_company": "Bangkok Fine Foods",
    "buyer_email": "somchai@example.com",
    "buyer_phone": "",
    "shipping_address": "99 Sukhumvit Road\nBangkok 10110",
    "country": "TH",
    "currency": "",
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def shop(db):
    """The showcase with its cake offering up to 2 samples at 150 TWD."""
    shop = build_showcase()
    Product.objects.filter(pk=shop.cake.pk).update(
        sample_available=True, sample_price_twd=Decimal("150.00"), sample_limit=2
    )
    shop.cake.refresh_from_db()
    return shop


@pytest.fixture
def thb():
    return ExchangeRateFactory(currency="THB", twd_per_unit="0.9")


def product_page(lang, product):
    return f"/{lang}/showcase/product/{product.pk}-pineapple-cake/"


def add(client, product, quantity=1):
    return client.post(f"/en/samples/cart/add/{product.pk}/", {"quantity": quantity})


def checkout_url(company):
    return f"/en/samples/checkout/{company.pk}/"


def hidden_value(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


def quote_of(html):
    return hidden_value(html, "quote")


def pay_data(review, data):
    """What the reviewed form sends when the buyer presses Pay: the details, the total shown and its key."""
    html = review.content.decode()
    return {**data, "quote": quote_of(html), "checkout_key": hidden_value(html, "checkout_key"), "pay": "1"}


def review_and_pay(client, company, **overrides):
    """The two steps of checkout: see the total, then pay it."""
    data = {**BUYER, **overrides}
    review = client.post(checkout_url(company), {**data, "review": "1"})
    assert review.status_code == 200, review.content.decode()
    return review, client.post(checkout_url(company), pay_data(review, data))


class TestProductSampleBox:
    def test_offers_samples_up_to_the_limit_when_payments_are_configured(self, client, shop, stripe_settings):
        """The product page has "Order a sample" with a quantity field limited to the sample limit."""
        html = client.get(product_page("en", shop.cake)).content.decode()
        assert "Order a sample" in html
        assert f'action="/en/samples/cart/add/{shop.cake.pk}/"' in html
        assert 'max="2"' in html

    def test_links_to_a_cart_that_has_samples(self, client, shop, stripe_settings):
        assert "View your sample cart" not in client.get(product_page("en", shop.cake)).content.decode()
        add(client, shop.cake, 1)
        html = client.get(product_page("en", shop.cake)).content.decode()
        assert 'href="/en/samples/cart/">View your sample cart (1 product)' in html

    def test_renders_in_chinese(self, client, shop, stripe_settings):
        response = client.get(product_page("zh-hant", shop.cake))
        assert response.status_code == 200
        assert f'action="/zh-hant/samples/cart/add/{shop.cake.pk}/"' in response.content.decode()

    def test_without_stripe_keys_the_button_is_replaced_by_a_notice(self, client, shop):
        html = client.get(product_page("en", shop.cake)).content.decode()
        assert "Online sample orders are not available at the moment; send an inquiry instead." in html
        assert "/samples/cart/add/" not in html

    def test_a_product_without_samples_has_no_sample_box(self, client, shop, stripe_settings):
        html = client.get(f"/en/showcase/product/{shop.tea.pk}-dongding-oolong-tea/").content.decode()
        assert "Order a sample" not in html


class TestCart:
    def test_adding_puts_the_sample_in_the_cart_grouped_by_supplier(self, client, shop, stripe_settings):
        other = sample_product(name_en="Oolong sample box")
        assert add(client, shop.cake, 2).status_code == 303
        add(client, other, 1)
        html = client.get("/en/samples/cart/").content.decode()
        assert "Pineapple cake" in html and "Oolong sample box" in html
        assert html.count("Check out these samples") == 2
        assert f'href="/en/samples/checkout/{shop.supplier.pk}/"' in html

    @pytest.mark.parametrize(
        ("quantity", "message"),
        [
            ("0", "You can order between 1 and 2 samples of this product."),
            ("3", "You can order between 1 and 2 samples of this product."),
            ("-1", "You can order between 1 and 2 samples of this product."),
            ("two", "Enter a whole number."),
            ("", "Enter how many samples you want."),
        ],
    )
    def test_a_bad_quantity_is_refused_with_a_message(self, client, shop, stripe_settings, quantity, message):
        """0, above the limit of 2, negative, not a number or missing: a clear message and an empty cart."""
        response = add(client, shop.cake, quantity)
        assert response.status_code == 303
        html = client.get("/en/samples/cart/").content.decode()
        assert "Your sample cart is empty" in html
        assert message in html

    def test_a_product_without_samples_cannot_be_added(self, client, shop, stripe_settings):
        assert add(client, shop.tea).status_code == 404
        assert add(client, shop.draft).status_code == 404

    def test_quantities_change_and_lines_are_removed(self, client, shop, stripe_settings):
        add(client, shop.cake, 1)
        client.post(f"/en/samples/cart/{shop.cake.pk}/", {"quantity": "2"})
        assert 'value="2"' in client.get("/en/samples/cart/").content.decode()
        client.post(f"/en/samples/cart/{shop.cake.pk}/", {"quantity": "5"})
        html = client.get("/en/samples/cart/").content.decode()
        assert "You can order between 1 and 2 samples" in html and 'value="2"' in html
        client.post(f"/en/samples/cart/{shop.cake.pk}/", {"remove": "1"})
        assert "Your sample cart is empty" in client.get("/en/samples/cart/").content.decode()

    def test_a_product_that_stops_offering_samples_drops_out(self, client, shop, stripe_settings):
        add(client, shop.cake, 1)
        Product.objects.filter(pk=shop.cake.pk).update(sample_available=False)
        html = client.get("/en/samples/cart/").content.decode()
        assert "no longer available" in html
        assert "Your sample cart is empty" in html

    def test_cart_renders_in_chinese(self, client, shop):
        assert client.get("/zh-hant/samples/cart/").status_code == 200


class TestCheckout:
    def test_the_form_renders_in_both_languages(self, client, shop, stripe_settings):
        add(client, shop.cake, 2)
        assert 'name="shipping_address"' in client.get(checkout_url(shop.supplier)).content.decode()
        assert client.get(f"/zh-hant/samples/checkout/{shop.supplier.pk}/").status_code == 200

    def test_review_shows_the_total_in_the_currency_of_the_country(self, client, shop, stripe_settings, thb):
        """Thailand → THB: 2 × 150 TWD at 0.9 = 2 × 166.67 THB; no order exists yet."""
        add(client, shop.cake, 2)
        response = client.post(checkout_url(shop.supplier), {**BUYER, "review": "1"})
        html = response.content.decode()
        assert "333.34 THB" in html
        assert quote_of(html) == "THB:33334"
        assert not SampleOrder.objects.exists()

    def test_the_buyer_can_choose_another_currency(self, client, shop, stripe_settings):
        add(client, shop.cake, 1)
        html = client.post(checkout_url(shop.supplier), {**BUYER, "currency": "TWD", "review": "1"}).content.decode()
        assert "150.00 TWD" in html

    @pytest.mark.parametrize("buyer", ["anonymous", "member of another company", "staff", "the supplier's member"])
    def test_paying_creates_the_order_and_redirects_to_stripe(self, client, shop, stripe_requests, thb, buyer):
        """Whoever buys (anonymous, signed in, staff, even the supplier's own member) is treated as a buyer:
        303 to the Checkout Session's URL, one placed order with a pending payment, the samples leave the cart."""
        users = {
            "member of another company": lambda: MembershipFactory().user,
            "staff": StaffFactory,
            "the supplier's member": lambda: MembershipFactory(company=shop.supplier).user,
        }
        if buyer in users:
            client.force_login(users[buyer]())
        add(client, shop.cake, 2)
        _review, response = review_and_pay(client, shop.supplier)
        assert response.status_code == 303
        assert response["Location"].startswith("https://")
        order = SampleOrder.objects.get()
        assert (order.status, order.currency, order.amount_minor, order.language) == ("placed", "THB", 33334, "en")
        assert order.state == SampleOrder.State.AWAITING_PAYMENT
        assert order.company == shop.supplier
        payment = Payment.objects.get()
        assert (payment.amount_minor, payment.currency, payment.status) == (33334, "THB", "pending")
        assert "Your sample cart is empty" in client.get("/en/samples/cart/").content.decode()

    def test_paying_twice_with_the_same_form_places_one_order(self, client, shop, stripe_requests, thb):
        """A double click or the back button sends the reviewed form again: the buyer lands on the order
        placed the first time; no second order, payment or Checkout Session is made."""
        add(client, shop.cake, 2)
        review, first = review_and_pay(client, shop.supplier)
        assert first.status_code == 303
        again = client.post(checkout_url(shop.supplier), pay_data(review, BUYER))
        order = SampleOrder.objects.get()
        assert again.status_code == 303 and again["Location"] == f"/en/samples/orders/{order.token}/"
        assert Payment.objects.count() == 1
        sessions = [r for r in stripe_requests if r["path"] == "/v1/checkout/sessions" and r["method"] == "post"]
        assert len(sessions) == 1
        assert "This order was already placed" in client.get(again["Location"]).content.decode()

    def test_a_tampered_amount_is_ignored(self, client, shop, stripe_requests):
        """Amount fields posted with the form change nothing: the order and Stripe get the computed amount."""
        add(client, shop.cake, 2)
        _review, response = review_and_pay(client, shop.supplier, currency="TWD", amount="1", amount_minor="100")
        assert response.status_code == 303
        assert SampleOrder.objects.get().amount_minor == 30000
        [session] = [r for r in stripe_requests if r["path"] == "/v1/checkout/sessions" and r["method"] == "post"]
        assert session["params"]["line_items"][0]["price_data"]["unit_amount"] == 15000

    def test_a_total_that_changed_since_the_review_is_shown_again(self, client, shop, stripe_requests):
        """A quote that does not match the current total (changed currency, tampered) charges nothing."""
        add(client, shop.cake, 2)
        data = {**BUYER, "currency": "TWD", "quote": "TWD:1", "pay": "1"}
        response = client.post(checkout_url(shop.supplier), data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "The total changed" in html and quote_of(html) == "TWD:30000"
        assert not SampleOrder.objects.exists() and stripe_requests == []

    def test_an_unsupported_currency_is_refused(self, client, shop, stripe_requests):
        add(client, shop.cake, 1)
        response = client.post(checkout_url(shop.supplier), {**BUYER, "currency": "EUR", "review": "1"})
        assert response.status_code == 400
        assert "Payments in this currency are not supported." in response.content.decode()
        assert not SampleOrder.objects.exists()

    def test_a_missing_exchange_rate_is_explained(self, client, shop, stripe_requests):
        add(client, shop.cake, 1)
        response = client.post(checkout_url(shop.supplier), {**BUYER, "country": "MY", "review": "1"})
        assert response.status_code == 400
        assert "There is no exchange rate for MYR yet" in response.content.decode()
        assert not SampleOrder.objects.exists()

    def test_missing_details_are_tied_to_their_fields(self, client, shop, stripe_settings):
        add(client, shop.cake, 1)
        response = client.post(checkout_url(shop.supplier), {"country": "XX", "review": "1"})
        assert response.status_code == 400
        html = response.content.decode()
        assert 'id="id_buyer_email_error"' in html
        assert "Choose a country from the list." in html

    def test_a_stripe_error_keeps_nothing(self, client, shop, stripe_settings, settings):
        """Stripe refuses (a rejected key): the message is shown, no order and no payment remain."""
        add(client, shop.cake, 1)
        settings.STRIPE_SECRET_KEY = "not-a-key"
        _review, response = review_and_pay(client, shop.supplier, currency="TWD")
        assert response.status_code == 400
        assert "Stripe refused the checkout" in response.content.decode()
        assert not SampleOrder.objects.exists() and not Payment.objects.exists()
        assert "Pineapple cake" in client.get("/en/samples/cart/").content.decode()

    def test_without_stripe_keys_nothing_can_be_paid(self, client, shop):
        add(client, shop.cake, 1)
        response = client.post(checkout_url(shop.supplier), {**BUYER, "currency": "TWD", "pay": "1"})
        assert "Online sample orders are not available at the moment" in response.content.decode()
        assert not SampleOrder.objects.exists()

    def test_an_empty_cart_goes_back_to_the_cart(self, client, shop, stripe_settings):
        response = client.get(checkout_url(shop.supplier))
        assert response.status_code == 303 and response["Location"] == "/en/samples/cart/"


class TestOrderPage:
    def test_the_secret_link_shows_the_order(self, client, stripe_settings):
        order = SampleOrderFactory()
        response = client.get(f"/en/samples/orders/{order.token}/")
        html = response.content.decode()
        assert response.status_code == 200
        assert order.reference in html and "1,500.00 TWD" in html and "Awaiting payment" in html
        assert "Pay now" in html
        assert "Thailand" in html

    def test_renders_in_chinese(self, client):
        order = PaidSampleOrderFactory()
        assert client.get(f"/zh-hant/samples/orders/{order.token}/").status_code == 200

    def test_a_wrong_token_is_404(self, client):
        SampleOrderFactory()
        assert client.get("/en/samples/orders/not-the-token/").status_code == 404

    @pytest.mark.parametrize("who", ["anonymous", "supplier member", "other company", "staff"])
    def test_the_token_is_the_only_key(self, client, who):
        """Whoever asks — even the supplier's members or staff — sees the order only through its token."""
        order = SampleOrderFactory()
        users = {
            "supplier member": lambda: MembershipFactory(company=order.company).user,
            "other company": lambda: MembershipFactory().user,
            "staff": StaffFactory,
        }
        if who in users:
            client.force_login(users[who]())
        assert client.get(f"/en/samples/orders/{order.token[:-1]}/").status_code == 404
        assert client.get(f"/en/samples/orders/{order.token}/").status_code == 200

    def test_a_token_shows_only_its_own_order(self, client):
        mine, other = SampleOrderFactory(buyer_name="Alice Buyer"), SampleOrderFactory(buyer_name="Bob Other")
        html = client.get(f"/en/samples/orders/{mine.token}/").content.decode()
        assert mine.reference in html and "Alice Buyer" in html
        assert other.reference not in html and "Bob Other" not in html

    def test_the_success_page_alone_never_marks_paid(self, client, stripe_settings):
        """Back from Stripe with ?checkout=done: "payment processing", and the order stays awaiting payment."""
        order = SampleOrderFactory()
        html = client.get(f"/en/samples/orders/{order.token}/?checkout=done").content.decode()
        assert "Payment processing — we will e-mail you when Stripe confirms." in html
        order.refresh_from_db()
        assert order.state == SampleOrder.State.AWAITING_PAYMENT and order.paid_at is None

    def test_a_paid_order_shows_tracking_and_no_pay_button(self, client, stripe_settings):
        order = PaidSampleOrderFactory(status="shipped", carrier="DHL", tracking_number="JD0123")
        html = client.get(f"/en/samples/orders/{order.token}/?checkout=done").content.decode()
        assert "Shipped" in html and "JD0123" in html
        assert "Pay now" not in html and "Payment processing" not in html

    def test_a_partially_refunded_order_shows_the_refund(self, client):
        order = PaidSampleOrderFactory(
            payment__status=Payment.Status.PARTIALLY_REFUNDED, payment__amount_refunded_minor=50000
        )
        assert "partially refunded: 500.00 TWD" in client.get(f"/en/samples/orders/{order.token}/").content.decode()

    @pytest.mark.parametrize("payment_status", [Payment.Status.EXPIRED, Payment.Status.FAILED])
    def test_pay_now_starts_a_new_attempt(self, client, stripe_requests, payment_status):
        """An expired or failed payment shows "Pay now"; it reopens the payment and the order awaits payment."""
        order = SampleOrderFactory()
        order_payment(order, factory=PaymentFactory, status=payment_status)
        html = client.get(f"/en/samples/orders/{order.token}/").content.decode()
        assert str(SampleOrder.state_for("placed", payment_status).label) in html
        assert "Pay now" in html
        response = client.post(f"/en/samples/orders/{order.token}/pay/")
        assert response.status_code == 303 and response["Location"].startswith("https://")
        order.refresh_from_db()
        assert order.state == SampleOrder.State.AWAITING_PAYMENT

    def test_pay_now_on_a_paid_order_explains(self, client, stripe_requests):
        order = PaidSampleOrderFactory()
        response = client.post(f"/en/samples/orders/{order.token}/pay/", follow=True)
        assert "This order has already been paid." in response.content.decode()
        assert stripe_requests == []

    def test_pay_now_with_a_wrong_token_is_404(self, client, stripe_settings):
        assert client.post("/en/samples/orders/nope/pay/").status_code == 404


class TestCheckoutKeyReplay:
    """A checkout key leads only to the order it placed, for the browser it was issued to and the supplier in
    the URL: a key copied from someone else's form never reveals their order page (name and address)."""

    def test_another_browser_with_the_key_and_an_empty_cart_goes_to_the_cart(self, client, shop, stripe_requests, thb):
        """Another session posting the placed order's key with an empty cart is sent to its (empty) cart."""
        add(client, shop.cake, 2)
        review, _paid = review_and_pay(client, shop.supplier)
        order = SampleOrder.objects.get()
        stranger = type(client)()
        response = stranger.post(checkout_url(shop.supplier), pay_data(review, BUYER))
        assert response.status_code == 303 and response["Location"] == "/en/samples/cart/"
        assert order.token not in response["Location"]

    def test_the_key_under_another_suppliers_checkout_goes_to_the_cart(self, client, shop, stripe_requests, thb):
        """The buyer's own key posted to the checkout of another company (999) finds nothing."""
        add(client, shop.cake, 2)
        review, _paid = review_and_pay(client, shop.supplier)
        response = client.post("/en/samples/checkout/999/", pay_data(review, BUYER))
        assert response.status_code == 303 and response["Location"] == "/en/samples/cart/"

    def test_paying_with_another_orders_key_never_reaches_that_order(self, client, shop, stripe_requests, thb):
        """With samples in the cart, a form carrying another order's key (not issued to this browser) does not
        reach that order: the total is shown again with a fresh key and the other order is untouched."""
        victim = SampleOrderFactory(company=shop.supplier, checkout_key="copied-key")
        add(client, shop.cake, 2)
        review = client.post(checkout_url(shop.supplier), {**BUYER, "review": "1"})
        response = client.post(checkout_url(shop.supplier), {**pay_data(review, BUYER), "checkout_key": "copied-key"})
        assert response.status_code == 200
        assert victim.token not in response.content.decode()
        assert hidden_value(response.content.decode(), "checkout_key") not in ("", "copied-key")
        assert SampleOrder.objects.count() == 1
        assert not Payment.objects.exists()
