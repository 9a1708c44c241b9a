"""What people see when the site refuses their input: an invitation link opened by someone else (no address
shown) and a product import with a formula and an over-long cell (the row-by-row report), at 1280 and 390 px."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.factories.accounts import UserFactory
from tests.factories.companies import InvitationFactory, MembershipFactory
from tests.factories.showcase import ProductCategoryFactory, VerifiedCompanyFactory
from tests.integration.showcase.test_import import csv_bytes, row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user, settings):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": page.base_url}])


@pytest.mark.parametrize("width", [1280, 390])
def test_an_invitation_opened_by_someone_else(page, screenshot, settings, width):
    """Someone else holding the link sees the company and why they cannot accept, never the invited address."""
    page.set_viewport_size({"width": width, "height": 900})
    invitation = InvitationFactory(email="intended.person@example.com")
    sign_in(page, UserFactory(), settings)
    page.goto(f"{page.base_url}/en/company/invitations/{invitation.token}/")
    expect(page.get_by_text("Sign in with that address to accept it.")).to_be_visible()
    assert "intended.person@example.com" not in page.content()
    screenshot(f"invitation-other-person-{width}")


@pytest.mark.parametrize("width", [1280, 390])
def test_an_import_with_a_formula_and_a_long_cell_shows_the_report(page, screenshot, settings, tmp_path, width):
    """The import page lists each refused cell with its row and column."""
    page.set_viewport_size({"width": width, "height": 900})
    food = ProductCategoryFactory(slug="food-beverage", path="food-beverage")
    ProductCategoryFactory(parent=food, slug="snacks", path="food-beverage/snacks")
    company = VerifiedCompanyFactory()
    sign_in(page, MembershipFactory(company=company).user, settings)
    upload = tmp_path / "products.csv"
    upload.write_bytes(csv_bytes([row(1, name_en="=cmd|' /C calc'!A0"), row(2, description_en="y" * 12_000)]))
    page.goto(f"{page.base_url}/en/dashboard/{company.pk}/products/import/")
    page.set_input_files("input[type=file]", str(upload))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("starts like a spreadsheet formula")).to_be_visible()
    expect(page.get_by_text("This cell has 12000 characters")).to_be_visible()
    screenshot(f"import-report-{width}")
