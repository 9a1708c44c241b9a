"""The product feed at /showcase/feed.csv and /showcase/feed.json: live products of verified companies only."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from catalog.showcase.models import Product
from tests.factories.companies import CompanyFactory
from tests.factories.showcase import CertificateFactory, ProductFactory, live_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def products():
    live = live_product(sku="LIVE-1", name_th="ชาอูหลง")
    today = timezone.localdate()
    valid = CertificateFactory(company=live.company, number="OK-1")
    expired = CertificateFactory(
        company=live.company,
        number="OLD-1",
        valid_from=today - datetime.timedelta(days=400),
        valid_until=today - datetime.timedelta(days=1),
    )
    Product.certificates.through.objects.create(product=live, certificate=valid)
    Product.certificates.through.objects.create(product=live, certificate=expired)
    draft = ProductFactory(sku="DRAFT-1")
    unverified = live_product(sku="UNVERIFIED-1", company=CompanyFactory())
    unpublished = live_product(sku="GONE-1")
    unpublished.unpublish()
    return live, draft, unverified, unpublished


def test_json_lists_only_public_products(client, products):
    """JSON: only the live product of a verified company, with valid certificates only."""
    response = client.get("/showcase/feed.json")
    assert response.status_code == 200
    data = response.json()
    assert [item["sku"] for item in data["products"]] == ["LIVE-1"]
    item = data["products"][0]
    assert item["name_th"] == "ชาอูหลง"
    assert [c["number"] for c in item["certifications"]] == ["OK-1"]
    assert item["ships_to"] == ["TH", "MY"]
    assert item["image_url"].startswith("http://testserver/")


def test_csv_lists_only_public_products(client, products):
    """CSV: a header row and one row per public product, ships_to and certifications `;`-joined."""
    response = client.get("/showcase/feed.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["sku"] for row in rows] == ["LIVE-1"]
    assert rows[0]["ships_to"] == "TH;MY"
    assert rows[0]["certifications"].startswith("HALAL|JAKIM|OK-1|")


def test_feed_shows_the_approved_version_of_an_edited_product(client, products):
    """A live product with a pending edit appears in the feed with its approved content."""
    live = products[0]
    approved_name = live.name_en
    draft = Product.objects.get(pk=live.pk).get_latest_revision_as_object()
    draft.name_en = "Not approved yet"
    draft.save_revision()
    names = [item["name_en"] for item in client.get("/showcase/feed.json").json()["products"]]
    assert "Not approved yet" not in names
    assert approved_name in names


def test_feed_refuses_post(client):
    """The feed is read-only."""
    assert client.post("/showcase/feed.json").status_code == 405


def test_csv_escapes_text_a_spreadsheet_would_run_as_a_formula(client):
    """A product text starting with =, +, - or @ is written with a leading apostrophe, so opening the feed in a
    spreadsheet shows it instead of running it; the JSON feed keeps the text as it is."""
    live_product(sku="F-1", name_en="=cmd|' /C calc'!A0", description_en="+SUM(A1:A9)", name_th="@A1")
    rows = list(csv.DictReader(io.StringIO(client.get("/showcase/feed.csv").content.decode("utf-8-sig"))))
    assert (rows[0]["name_en"], rows[0]["description_en"], rows[0]["name_th"]) == (
        "'=cmd|' /C calc'!A0",
        "'+SUM(A1:A9)",
        "'@A1",
    )
    assert client.get("/showcase/feed.json").json()["products"][0]["name_en"] == "=cmd|' /C calc'!A0"
