"""Careless and hostile input to the supplier dashboard gets a message next to the field, never a 500."""

import pytest

from catalog.showcase.models import Certificate, Product
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import ProductCategoryFactory, ProductFactory, VerifiedCompanyFactory
from tests.factories.uploads import png_bomb
from tests.integration.showcase.test_dashboard import TestCertificates, product_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return MembershipFactory(company=VerifiedCompanyFactory()).user


@pytest.fixture
def company(member):
    return member.memberships.get().company


@pytest.mark.parametrize(
    ("tier", "message"),
    [
        ({"tiers-1-min_quantity": "10 pcs", "tiers-1-unit_price_twd": "650"}, "Enter a whole number."),
        ({"tiers-1-min_quantity": "", "tiers-1-unit_price_twd": "650"}, "This field is required."),
        ({"tiers-1-min_quantity": "-3", "tiers-1-unit_price_twd": "650"}, "greater than or equal to 1"),
        ({"tiers-1-min_quantity": "50", "tiers-1-unit_price_twd": "NaN"}, "Enter a number."),
        ({"tiers-1-min_quantity": "100", "tiers-1-unit_price_twd": "650"}, "different starting quantity"),
    ],
)
def test_a_bad_price_tier_is_shown_with_its_message_and_nothing_is_saved(client, member, company, tier, message):
    """A tier with a quantity that is not a number, or a price without a quantity, comes back with the message
    next to the tier (200); no product is created."""
    client.force_login(member)
    response = client.post(f"/en/dashboard/{company.pk}/products/new/", product_data(ProductCategoryFactory(), **tier))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Product.objects.filter(company=company).exists()


def error_summary(response):
    page = response.content.decode()
    start = page.index('class="govuk-error-summary"')
    return page[start : page.index("</ul>", start)]


def test_a_bad_price_tier_is_listed_in_the_error_summary_with_a_link_to_its_field(client, member, company):
    """The error summary above the form names the tier's row and field and links to the field, so a supplier
    who only reads the summary finds the price tier that is wrong."""
    client.force_login(member)
    data = product_data(ProductCategoryFactory(), **{"tiers-1-min_quantity": "10 pcs", "tiers-1-unit_price_twd": "650"})
    summary = error_summary(client.post(f"/en/dashboard/{company.pk}/products/new/", data))
    expected = "Quantity price tiers, row 2, From quantity: Enter a whole number."
    assert f'<a href="#id_tiers-1-min_quantity">{expected}</a>' in summary


def test_two_tiers_from_the_same_quantity_are_listed_in_the_error_summary(client, member, company):
    """An error of the tiers as a whole (two tiers starting at the same quantity) is in the summary too, linked
    to the message above the tiers."""
    client.force_login(member)
    data = product_data(ProductCategoryFactory(), **{"tiers-1-min_quantity": "100", "tiers-1-unit_price_twd": "650"})
    response = client.post(f"/en/dashboard/{company.pk}/products/new/", data)
    summary = error_summary(response)
    assert '<a href="#tiers-errors">Quantity price tiers: ' in summary
    assert 'id="tiers-errors"' in response.content.decode()


def test_an_image_bomb_is_refused_with_the_pixel_limit(client, member, company):
    """A PNG of a few kilobytes announcing 20,000 × 20,000 pixels is refused with the limit (40 million pixels)
    in the message; no image is added."""
    product = ProductFactory(company=company)
    client.force_login(member)
    response = client.post(
        f"/en/dashboard/{company.pk}/products/{product.pk}/images/", {"upload": png_bomb(), "alt_text": "Tea"}
    )
    assert response.status_code == 400
    assert "more than 40 million pixels" in response.content.decode()
    assert not Product.objects.get(pk=product.pk).images.exists()


def test_an_image_bomb_as_a_certificate_scan_is_refused(client, member, company):
    """A certificate scan that is an image bomb is refused with the pixel limit; no certificate is saved."""
    client.force_login(member)
    response = client.post(
        f"/en/dashboard/{company.pk}/certificates/new/",
        {**TestCertificates().cert_data(), "scan": png_bomb()},
    )
    assert response.status_code == 200
    assert "more than 40 million pixels" in response.content.decode()
    assert not Certificate.objects.filter(company=company).exists()
