"""The supplier's product form: sections in the order a supplier fills them, human choice labels."""

import pytest
from django.utils import translation

from catalog.showcase.forms import PRODUCT_FIELDS, PRODUCT_SECTIONS, ProductForm
from tests.factories.showcase import CertificateFactory, ProductCategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_every_product_field_is_in_exactly_one_section():
    """No field is lost or shown twice when the form is split into sections."""
    in_sections = [field for _, _, fields in PRODUCT_SECTIONS for field in fields]
    assert sorted(in_sections) == sorted(PRODUCT_FIELDS)


def test_sections_come_in_order_and_each_buyer_language_is_its_own_disclosure(settings):
    """Basics, buyer languages (Thai, Malay, Indonesian, Vietnamese, each with name and description), pricing,
    logistics, compliance."""
    certificate = CertificateFactory()
    sections = ProductForm(company=certificate.company).sections()
    assert [s["name"] for s in sections] == ["basics", "languages", "pricing", "logistics", "identifiers", "compliance"]
    languages = sections[1]["languages"]
    assert [lang["name"] for lang in languages] == ["ไทย", "Bahasa Melayu", "Bahasa Indonesia", "Tiếng Việt"]
    assert [f.name for f in languages[0]["fields"]] == ["name_th", "description_th"]


def test_categories_read_as_names_not_slug_paths():
    """A subcategory reads "Parent › Child" in the supplier's language, not `food-beverage/bakery — Bakery`."""
    parent = ProductCategoryFactory(slug="food-beverage", name_en="Food and beverage")
    ProductCategoryFactory(parent=parent, slug="bakery", name_en="Bakery and gifts")
    certificate = CertificateFactory()
    labels = [label for _, label in ProductForm(company=certificate.company).fields["category"].choices]
    assert "Food and beverage › Bakery and gifts" in labels
    assert not any("/" in str(label) for label in labels)


def test_certificates_read_as_type_issuer_and_expiry():
    certificate = CertificateFactory()
    (_, label), *_ = ProductForm(company=certificate.company).fields["certificates"].choices
    assert certificate.issuer in label and str(certificate.valid_until.year) in label


def test_language_fields_are_labelled_with_the_language():
    form = ProductForm(company=CertificateFactory().company)
    assert form.fields["name_th"].label == "Product name (ไทย)"
    assert form.fields["description_en"].label == "Description (English)"
