"""An overseas buyer finds a product in the English showcase and sends an inquiry; the supplier answers."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from catalog.inquiries.models import Inquiry
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.inquiries import build_showcase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _path_of_link(message, marker):
    match = re.search(rf"https?://\S+{marker}\S*", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


def test_buyer_sends_an_inquiry_and_the_supplier_replies(page, screenshot):
    """/en/showcase/ → a product → "Send an inquiry" → form → confirmation link from the e-mail →
    the supplier logs in, opens the inbox and replies → the buyer receives the reply by e-mail."""
    cache.clear()
    shop = build_showcase()

    page.goto(page.base_url + "/en/showcase/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Pineapple cake").first.click()
    expect(page).to_have_url(re.compile(rf"/en/showcase/product/{shop.cake.pk}-pineapple-cake/$"))
    expect(page.locator("h1")).to_have_text("Pineapple cake")
    screenshot("product")

    page.get_by_role("link", name="Send an inquiry").click()
    page.get_by_label("Your name").fill("Somchai Jaidee")
    page.get_by_label("Company").fill("Bangkok Trading Co.")
    page.get_by_label("Country").select_option("TH")
    page.get_by_label("Your e-mail address").fill("somchai@example.co.th")
    page.get_by_label("Quantity").fill("500")
    page.get_by_label("Message").fill("Please quote 500 boxes, FOB Keelung.")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send the inquiry").click()
    expect(page.locator("h1")).to_have_text("Check your e-mail")

    confirmation = next(m for m in mail.outbox if m.to == ["somchai@example.co.th"])
    page.goto(page.base_url + _path_of_link(confirmation, "/confirm/"))
    page.get_by_role("button", name="Confirm and send to the supplier").click()
    expect(page.get_by_text("Your inquiry is confirmed")).to_be_visible()
    assert Inquiry.objects.get().status == Inquiry.Status.OPEN

    page.context.clear_cookies()
    page.goto(page.base_url + "/en/accounts/login/?next=/en/inbox/")
    page.locator("input[name=login]").fill(shop.member.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=password]")).locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/en/inbox/$"))
    page.get_by_role("link", name=re.compile("Somchai Jaidee")).click()
    expect(page.get_by_text("Please quote 500 boxes, FOB Keelung.")).to_be_visible()
    page.get_by_label("Your reply").fill("Our FOB price for 500 boxes is TWD 390 each.")
    page.get_by_role("button", name="Send the reply").click()
    expect(page.get_by_text("Your reply was sent to the buyer by e-mail.")).to_be_visible()
    screenshot("supplier-replied")

    reply = [m for m in mail.outbox if m.to == ["somchai@example.co.th"]][-1]
    assert "TWD 390" in reply.body
    page.context.clear_cookies()
    page.goto(page.base_url + _path_of_link(reply, "/reply/"))
    expect(page.get_by_text("Our FOB price for 500 boxes is TWD 390 each.")).to_be_visible()
