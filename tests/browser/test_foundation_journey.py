"""A visitor finds the news in English, starting from the Traditional Chinese home page."""

import re

import pytest
from playwright.sync_api import expect

from tests.demo_content import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_switches_to_english_and_reads_a_news_item(page, screenshot):
    """zh-hant home → "English" in the language switcher → "News" in the main nav → the first news item."""
    load_demo()

    page.goto(page.base_url + "/zh-hant/")
    page.locator("nav.language-switcher").get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/"))

    page.locator("nav.main-nav").get_by_role("link", name="News", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/news/"))
    expect(page.locator("h1")).to_be_visible()

    first_item = page.locator(".news-list a").first
    title = first_item.inner_text().strip()
    first_item.click()
    expect(page).to_have_url(re.compile(r"/en/news/.+"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(title)
    screenshot("news-item")
