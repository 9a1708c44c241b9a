"""Bureau staff open every report, switch a filter, and download the XLSX of what they see."""

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.factories.accounts import DEFAULT_PASSWORD, StaffFactory
from tests.factories.reports import build_cohort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORTS = {
    "applications": "Applications funnel",
    "companies": "Companies",
    "showcase": "Showcase products",
    "inquiries": "Inquiries and reply times",
    "payments": "Sample orders and program fees",
    "outcomes": "Outcome funnel",
}


def test_staff_open_each_report_filter_by_cohort_and_download_the_xlsx(page, screenshot):
    """Sign in → every report under "Reports" shows its heading, table and chart → the applications funnel
    filtered to cohort 2026 keeps only "Halal Track" → its XLSX holds that row."""
    build_cohort()
    staff = StaffFactory(email="analyst@bureau.example", admin_language="en")
    page.goto(page.base_url + "/en/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(staff.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    for slug, title in REPORTS.items():
        page.goto(f"{page.base_url}/admin/bureau-reports/{slug}/")
        expect(page.locator("h1")).to_contain_text(title)
        expect(page.locator("#listing-results table").first).to_be_visible()
        expect(page.locator(f"canvas#report-chart-{slug}")).to_be_visible()
        screenshot(slug)

    page.goto(page.base_url + "/admin/bureau-reports/applications/")
    expect(page.locator("#listing-results")).to_contain_text("Export Starter")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("button", name="Cohort").click()
    page.get_by_label("Cohort").select_option("2026")
    expect(page.locator("#listing-results")).not_to_contain_text("Export Starter")
    expect(page.locator("#listing-results")).to_contain_text("Halal Track")
    expect(page).to_have_url(re.compile(r"cohort=2026"))
    page.reload()
    screenshot("applications-2026")

    page.get_by_role("button", name="Actions").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download XLSX").click()
    with open(download_info.value.path(), "rb") as handle:
        sheet = load_workbook(handle).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Program", "Cohort", "Applications")
    assert rows[1][:3] == ("Halal Track", 2026, 1)
    assert len(rows) == 2

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/admin/bureau-reports/outcomes/")
    expect(page.locator("h1")).to_contain_text("Outcome funnel")
    screenshot("outcomes-390")
