"""A Thai buyer posts a request for quotation, confirms it through the e-mail's link, a matched supplier quotes
and the buyer compares in THB and accepts, all in Chromium in Thai. Screenshots of the request form and the
comparison at 1280 px and 390 px, in Thai and in Chinese, go to test-results/screenshots/."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from catalog.sourcing.models import Quote, QuoteRequest
from tests.factories.home import build_site
from tests.factories.payments import ExchangeRateFactory
from tests.factories.sourcing import build_marketplace

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

THAI = re.compile(r"[\u0e00-\u0e7f]")


def both_widths(page, screenshot, step):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(f"{step}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def path_in(message, pattern):
    match = re.search(rf"https?://[^/\s]+(/\S*{pattern}\S*)", message.body)
    assert match, message.body
    return match.group(1)


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def test_thai_buyer_posts_confirms_and_accepts_a_quote(page, screenshot):
    build_site(news_count=0)
    market = build_marketplace()
    ExchangeRateFactory(currency="THB", twd_per_unit=Decimal("0.9"))

    page.goto(page.base_url + "/th/rfq/new/")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    assert THAI.search(page.locator("h1").inner_text())
    both_widths(page, screenshot, "form-th")
    page.fill("#id_description", "ขนมพายสับปะรดฮาลาล กล่องละ 12 ชิ้น")
    page.select_option("#id_category", str(market.food.pk))
    page.fill("#id_quantity", "2000")
    page.select_option("#id_unit", "box")
    page.fill("#id_target_price", "150")
    page.select_option("#id_currency", "THB")
    page.select_option("#id_destination", "TH")
    page.check("input[name=required_certificates][value=HALAL]")
    page.fill("#id_deadline", (timezone.localdate() + datetime.timedelta(days=14)).isoformat())
    page.fill("#id_buyer_name", "สมชาย ใจดี")
    page.fill("#id_email", "somchai@example.co.th")
    page.check("#id_consent")
    page.locator("main form[method=post] button.button--primary").click()
    expect(page.locator("h1")).to_have_text(re.compile(THAI.pattern))
    assert QuoteRequest.objects.get().status == QuoteRequest.Status.UNCONFIRMED

    page.goto(page.base_url + path_in(mail.outbox[0], "/rfq/confirm/"))
    page.locator("main form[method=post] button.button--primary").click()
    expect(page).to_have_url(re.compile(r"/th/rfq/r/[\w-]+/$"))
    quote_request = QuoteRequest.objects.get()
    assert quote_request.status == QuoteRequest.Status.OPEN
    buyer_url = page.url

    alpha = market.thai_reader
    sign_in(page, alpha.member)
    page.goto(f"{page.base_url}/th/rfq/supplier/{alpha.company.pk}/")
    page.get_by_role("link", name=quote_request.reference).click()
    page.select_option("#id_product", str(alpha.product.pk))
    page.fill("#id_tier1_quantity", "500")
    page.fill("#id_tier1_price", "126")
    page.fill("#id_moq", "500")
    page.fill("#id_lead_time_days", "21")
    page.select_option("#id_sample_offer", "paid")
    page.locator("main form[method=post] button.button--primary").click()
    expect(page.locator(".quote-version")).to_have_count(1)
    both_widths(page, screenshot, "supplier-quote-th")
    page.goto(f"{page.base_url}/zh-hant/rfq/supplier/{alpha.company.pk}/")
    both_widths(page, screenshot, "supplier-list-zh")
    page.context.clear_cookies()

    page.goto(buyer_url)
    expect(page.locator(".quote-comparison")).to_contain_text("THB 140")
    both_widths(page, screenshot, "compare-th")
    page.goto(buyer_url.replace("/th/", "/zh-hant/"))
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^zh"))
    both_widths(page, screenshot, "compare-zh")
    page.goto(page.base_url + "/zh-hant/rfq/new/")
    both_widths(page, screenshot, "form-zh")

    page.goto(buyer_url)
    page.locator(".quote-comparison form[action$='/accept/'] button").click()
    expect(page.locator(".quote-comparison .status--accepted")).to_be_visible()
    assert Quote.objects.get().status == Quote.Status.ACCEPTED
