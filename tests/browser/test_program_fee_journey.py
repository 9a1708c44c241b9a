"""An accepted company pays its program fee in English: the pay button reaches Stripe Checkout (the journey stops
at the redirect), the success page only says "processing", and a signed webhook then enrols the company."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from coaching.models import Application
from payments.models import Payment
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.coaching import accepted_with_fee
from tests.factories.companies import MembershipFactory
from tests.stripe_support import make_event, post_event, session_object

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STRIPE_CHECKOUT = re.compile(r"^https://checkout\.stripe\.com/")


def test_an_accepted_company_pays_its_fee_and_is_enrolled_by_the_webhook(page, screenshot, stripe_settings):
    """Sign in → the application page offers "Pay the program fee (TWD 1,500)" → the click is redirected to
    Stripe Checkout (stopped there) → back on ?fee=done the page says "Payment processing" and the status is
    still Accepted → the signed checkout.session.completed webhook arrives → the page shows the fee paid and
    the status Enrolled, and the company got one e-mail."""
    application = accepted_with_fee(fee=1500)
    member = MembershipFactory(company=application.company).user
    detail = f"{page.base_url}/en/applications/{application.pk}/"
    checkout_urls = []

    def stop_at_stripe(route):
        checkout_urls.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>Stripe Checkout</title>")

    page.route(STRIPE_CHECKOUT, stop_at_stripe)

    page.goto(f"{page.base_url}/en/accounts/login/?next=/en/applications/{application.pk}/")
    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(detail)
    fee = page.get_by_role("region", name="Program fee")
    expect(fee).to_contain_text("Your company is enrolled once the program fee of TWD 1,500 is paid.")
    screenshot("accepted")

    fee.get_by_role("button", name="Pay the program fee (TWD 1,500)").click()
    expect(page).to_have_url(STRIPE_CHECKOUT)
    payment = Payment.objects.get()
    assert checkout_urls and payment.stripe_checkout_session_id
    assert (payment.amount_minor, payment.currency, payment.status) == (150000, "TWD", Payment.Status.PENDING)

    page.goto(detail + "?fee=done")
    expect(page.get_by_role("status")).to_contain_text(
        "Payment processing — your enrolment is confirmed when Stripe confirms."
    )
    expect(page.locator(".tag--accepted")).to_have_text("Accepted")
    screenshot("processing")
    assert Application.objects.get(pk=application.pk).status == Application.Status.ACCEPTED

    response = post_event(Client(), make_event("checkout.session.completed", session_object(payment)))
    assert response.status_code == 200

    page.goto(detail)
    expect(page.locator(".tag--enrolled")).to_have_text("Enrolled")
    expect(page.get_by_role("region", name="Program fee")).to_contain_text("Program fee paid on")
    expect(page.get_by_role("button", name=re.compile("Pay the program fee"))).to_have_count(0)
    screenshot("enrolled")
    assert [message.to for message in mail.outbox] == [[application.contact_email]]
