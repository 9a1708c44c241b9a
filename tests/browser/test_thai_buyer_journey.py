"""A buyer in Bangkok reads the showcase in Thai: switcher → showcase → product → back → search, never leaving /th/.

Screenshots of the Thai product page and search results, at 1280 px and 390 px, go to test-results/.
"""

import re

import pytest
from playwright.sync_api import expect

from payments.models import ExchangeRate
from tests.demo_content import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

THAI = re.compile(r"[\u0e00-\u0e7f]")


def links_leaving_thai(page):
    """Same-site links of the page outside /th/, the language switcher's excepted."""
    hrefs = page.eval_on_selector_all(
        "a[href^='/']:not(nav.language-switcher a)", "links => links.map(link => link.getAttribute('href'))"
    )
    return [href for href in hrefs if not href.startswith(("/th/", "/static/", "/media/"))]


def both_widths(page, screenshot, step):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(f"{step}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_thai_buyer_finds_a_product_and_searches_in_thai(page, screenshot):
    load_demo()
    assert ExchangeRate.objects.filter(currency="THB").exists()

    page.goto(page.base_url + "/zh-hant/")
    page.locator("nav.language-switcher").get_by_role("link", name="ไทย", exact=True).click()
    expect(page).to_have_url(re.compile(r"/th/$"))
    expect(page.locator("html")).to_have_attribute("lang", "th")

    page.locator('nav.main-nav a[href="/th/showcase/"]').click()
    expect(page).to_have_url(re.compile(r"/th/showcase/$"))
    assert THAI.search(page.locator("h1").first.inner_text())

    page.locator(".product-card .card__title a").first.click()
    expect(page).to_have_url(re.compile(r"/th/showcase/product/\d+-[\w-]+/$"))
    expect(page.locator(".price__buyer").first).to_contain_text("THB")
    expect(page.locator(".price__twd").first).to_contain_text("TWD")
    assert THAI.search(page.locator("#price-heading").inner_text())
    assert links_leaving_thai(page) == []
    both_widths(page, screenshot, "product")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/th/showcase/$"))
    page.locator("form.search-box input[name=q]").fill("ชา")
    page.locator("form.search-box button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/th/search/products/\?q="))
    expect(page.locator(".product-result").first).to_be_visible()
    assert THAI.search(page.locator("h1").inner_text())
    assert links_leaving_thai(page) == []
    both_widths(page, screenshot, "search")
