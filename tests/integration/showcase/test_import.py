"""Bulk product import (command and dashboard upload): all or nothing, with a row-by-row report."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from catalog.showcase.imports import COLUMNS, ProductImportError, import_products
from catalog.showcase.models import Certificate, ModerationState, Product, ProductCategory
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import ProductCategoryFactory, VerifiedCompanyFactory, live_product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def company():
    return VerifiedCompanyFactory()


@pytest.fixture
def snacks():
    food = ProductCategoryFactory(slug="food-beverage", path="food-beverage")
    return ProductCategoryFactory(parent=food, slug="snacks", path="food-beverage/snacks")


def row(n=1, **overrides):
    values = {
        "sku": f"SN-{n:04d}",
        "name_zh_hant": f"清真花生糖 {n}",
        "name_en": f"Halal peanut brittle {n}",
        "name_th": f"ถั่วตัด {n}",
        "name_ms": "",
        "name_id": "",
        "name_vi": "",
        "description_zh_hant": "香脆花生。",
        "description_en": "Crunchy peanuts.",
        "description_th": "",
        "category": "food-beverage/snacks",
        "price_twd": "120",
        "moq": "50",
        "unit": "box",
        "lead_time_days": "14",
        "hs_code": "200811",
        "ships_to": "TH;MY;ID",
        "certifications": "HALAL|JAKIM|JAKIM-0001|2030-12-31",
        "sample_available": "yes",
        "sample_price_twd": "60",
    }
    values.update(overrides)
    return values


def csv_bytes(rows, encoding="utf-8"):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, formula_cell=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for values in rows:
        sheet.append([values.get(name, "") for name in COLUMNS])
    if formula_cell:
        sheet[formula_cell] = "=1+1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def problems(excinfo):
    return [(e.row, e.column, e.message) for e in excinfo.value.errors]


def test_clean_file_published(company, snacks):
    """A clean CSV with --publish creates live products with their certificates and ships-to list."""
    result = import_products(company=company, data=csv_bytes([row(1), row(2)]), publish=True)
    assert len(result.created) == 2
    product = Product.objects.public().get(company=company, sku="SN-0001")
    assert product.ships_to == ["TH", "MY", "ID"]
    assert product.name_th == "ถั่วตัด 1"
    assert [c.number for c in product.valid_certificates()] == ["JAKIM-0001"]
    assert Certificate.objects.filter(company=company).count() == 1


def test_without_publish_products_go_to_review(company, snacks):
    """Without --publish imported products are in review, not public."""
    import_products(company=company, data=csv_bytes([row(1)]))
    product = Product.objects.get(company=company, sku="SN-0001")
    assert product.moderation_state == ModerationState.IN_REVIEW
    assert not Product.objects.public().exists()


def test_reimport_updates_by_sku(company, snacks):
    """Re-importing a SKU updates the product instead of creating another."""
    import_products(company=company, data=csv_bytes([row(1)]), publish=True)
    result = import_products(company=company, data=csv_bytes([row(1, price_twd="99")]), publish=True)
    assert result.updated and not result.created
    assert Product.objects.get(company=company, sku="SN-0001").price_twd == 99


def test_reimport_of_live_product_without_publish_keeps_the_live_version(company, snacks):
    """Re-import without --publish of a live product leaves the approved version public until review."""
    live_product(company=company, sku="SN-0001", category=snacks, name_en="Approved")
    import_products(company=company, data=csv_bytes([row(1, name_en="Imported")]))
    assert Product.objects.public().get(sku="SN-0001").name_en == "Approved"


def test_xlsx_clean_file(company, snacks):
    """An XLSX file imports like a CSV."""
    result = import_products(company=company, data=xlsx_bytes([row(1), row(2)]), publish=True)
    assert len(result.created) == 2


@pytest.mark.parametrize(
    ("bad", "column", "message"),
    [
        ({"hs_code": "12AB"}, "hs_code", "6 to 10 digits"),
        ({"hs_code": "12345"}, "hs_code", "6 to 10 digits"),
        ({"category": "food-beverage/unknown"}, "category", "Unknown category"),
        ({"price_twd": "-1"}, "price_twd", "greater than or equal to 0"),
        ({"ships_to": "TH;XX"}, "ships_to", "Unknown country code XX"),
        ({"certifications": "HALAL|JAKIM|1|31/12/2030"}, "certifications", "YYYY-MM-DD"),
        ({"unit": "barrel"}, "unit", "not one of the available choices"),
    ],
)
def test_bad_row_aborts_everything(company, snacks, bad, column, message):
    """One bad row: nothing is imported, and the report names the row (line 3) and column."""
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes([row(1), row(2, **bad)]), publish=True)
    (line, reported_column, text), *_ = problems(excinfo)
    assert (line, reported_column) == (3, column)
    assert message in text
    assert not Product.objects.exists()
    assert not Certificate.objects.exists()


def test_duplicate_sku_in_one_file(company, snacks):
    """The same SKU twice in one file is reported on the second row; nothing is imported."""
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes([row(1), row(2), row(1)]), publish=True)
    assert problems(excinfo) == [(4, "sku", "SKU SN-0001 is already on row 2.")]
    assert not Product.objects.exists()


def test_xlsx_with_a_formula_is_refused(company, snacks):
    """A formula cell is refused with its address; nothing is imported."""
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=xlsx_bytes([row(1)], formula_cell="L2"), publish=True)
    assert problems(excinfo)[0][:2] == (2, "L")
    assert "formula" in problems(excinfo)[0][2]
    assert not Product.objects.exists()


def test_non_utf8_csv_is_refused_clearly(company, snacks):
    """A Big5 CSV is refused with a message on how to save as UTF-8."""
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes([row(1, name_th="")], encoding="big5"), publish=True)
    assert "not UTF-8" in problems(excinfo)[0][2]
    assert not Product.objects.exists()


def test_unknown_and_missing_columns(company):
    """A header with an unknown column and without required ones is refused before any row."""
    data = b"sku,colour\nA,red\n"
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=data)
    reported = {(c, m) for _, c, m in problems(excinfo)}
    assert ("colour", "Unknown column.") in reported
    assert ("hs_code", "This column is missing.") in reported


def test_create_categories(company):
    """With create_categories the missing path is created, parents included."""
    import_products(
        company=company, data=csv_bytes([row(1, category="beauty/skincare")]), publish=True, create_categories=True
    )
    assert set(ProductCategory.objects.values_list("path", flat=True)) == {"beauty", "beauty/skincare"}


def test_command_reports_and_exits_non_zero(company, snacks, tmp_path, capsys):
    """The command prints every problem and fails; a clean file prints progress and the totals."""
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row(1, hs_code="x")]))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_products", str(bad), company=company.ubn, publish=True)
    assert "row 2, hs_code" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([row(n) for n in range(1, 4)]))
    out = io.StringIO()
    call_command("import_products", str(good), company=company.ubn, publish=True, stdout=out)
    assert "3/3 products written" in out.getvalue()
    assert "3 created, 0 updated, published." in out.getvalue()
    assert Product.objects.public().count() == 3


def test_command_unknown_company(tmp_path):
    """An unknown 統一編號 is a clear error."""
    path = tmp_path / "x.csv"
    path.write_bytes(b"sku\n")
    with pytest.raises(CommandError, match="No company"):
        call_command("import_products", str(path), company="99999999")


class TestDashboardUpload:
    def test_member_uploads_and_products_go_to_review(self, client, company, snacks):
        """The dashboard upload imports and sends products to review."""
        member = MembershipFactory(company=company).user
        client.force_login(member)
        upload = SimpleUploadedFile("products.csv", csv_bytes([row(1), row(2)]), content_type="text/csv")
        response = client.post(f"/en/dashboard/{company.pk}/products/import/", {"file": upload})
        assert response.status_code == 302
        assert Product.objects.filter(company=company).count() == 2
        assert not Product.objects.public().exists()

    def test_bad_file_shows_the_report_and_saves_nothing(self, client, company, snacks):
        """A bad row is listed by row and column; nothing is saved."""
        member = MembershipFactory(company=company).user
        client.force_login(member)
        upload = SimpleUploadedFile("p.csv", csv_bytes([row(1), row(2, category="nope")]), content_type="text/csv")
        response = client.post(f"/en/dashboard/{company.pk}/products/import/", {"file": upload})
        assert response.status_code == 400
        content = response.content.decode()
        assert "Nothing was imported" in content
        assert "Unknown category nope" in content
        assert not Product.objects.exists()

    def test_other_company_member_gets_404(self, client, company, snacks):
        """A member of another company cannot import into this company."""
        client.force_login(MembershipFactory().user)
        upload = SimpleUploadedFile("p.csv", csv_bytes([row(1)]), content_type="text/csv")
        response = client.post(f"/en/dashboard/{company.pk}/products/import/", {"file": upload})
        assert response.status_code == 404
        assert not Product.objects.exists()
