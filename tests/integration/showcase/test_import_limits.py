"""Import limits: size, expanded size, rows, cell length, NUL bytes and formulas are answered in the
row-by-row report (ProductImportError), never with a server error or a worker filling its memory."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from catalog.showcase import imports
from catalog.showcase.imports import ProductImportError, import_products
from catalog.showcase.models import Product
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import ProductCategoryFactory, VerifiedCompanyFactory
from tests.integration.showcase.test_import import csv_bytes, problems, row, xlsx_bytes

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


def refused(data, company):
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=data)
    assert not Product.objects.exists()
    return problems(excinfo)


def test_an_xlsx_that_expands_beyond_the_limit_is_refused_before_it_is_opened(company, snacks):
    """A small XLSX (a zip) whose parts expand to 60 MB is refused with the 50 MB limit; nothing is read."""
    buffer = io.BytesIO(xlsx_bytes([row(1)]))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    [(line, column, message)] = refused(data, company)
    assert line == 0 and "expands to more than 50 MB" in message


def test_a_file_over_ten_megabytes_is_refused(company, snacks):
    """A CSV over 10 MB is refused with the limit, before it is parsed."""
    data = csv_bytes([row(1)]) + b"x" * (10 * 1024 * 1024)
    [(_line, _column, message)] = refused(data, company)
    assert "larger than 10 MB" in message


def test_a_csv_field_over_the_csv_module_limit_is_reported_by_row(company, snacks):
    """A description of 200,000 characters (over Python's 131,072 field limit) is reported on its row."""
    data = csv_bytes([row(1), row(2, description_en="x" * 200_000)])
    [(line, _column, message)] = refused(data, company)
    assert line == 3
    assert "cannot be read" in message


def test_a_cell_over_ten_thousand_characters_is_reported_with_its_column(company, snacks):
    """A cell of 20,000 characters (readable, but longer than any product field) is named by row and column."""
    data = csv_bytes([row(1, description_en="y" * 20_000)])
    assert refused(data, company) == [
        (2, "description_en", "This cell has 20000 characters; at most 10000 are accepted.")
    ]


@pytest.mark.parametrize("position", ["header", "cell"])
def test_nul_bytes_are_refused_with_the_line(company, snacks, position):
    """A CSV with a NUL byte is refused with the line it is on, in the header or in a row."""
    data = csv_bytes([row(1), row(2)])
    if position == "header":
        data = b"s\x00" + data
        expected_line = 1
    else:
        data = data.replace(b"SN-0002", b"SN-\x000002")
        expected_line = 3
    [(line, _column, message)] = refused(data, company)
    assert line == expected_line and "NUL character" in message


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("name_en", "=cmd|' /C calc'!A0"),
        ("name_zh_hant", "+SUM(1,2)"),
        ("description_en", "@IMPORTXML(A1)"),
        ("description_en", "-cmd|' /C calc'!A0"),
        ("name_en", "\t=1+1"),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_refused(company, snacks, column, value):
    """Text starting like a formula (=, +, @, a tab, or - followed by a letter) is refused by row and column."""
    [(line, reported_column, message)] = refused(csv_bytes([row(1, **{column: value})]), company)
    assert (line, reported_column) == (2, column)
    assert "starts like a spreadsheet formula" in message


def test_a_dash_list_and_a_negative_number_are_not_taken_for_formulas(company, snacks):
    """ "- roasted peanuts" is ordinary text; "-5" as a price is refused by the price rule, not as a formula."""
    import_products(company=company, data=csv_bytes([row(1, description_en="- roasted peanuts\n- sesame")]))
    assert Product.objects.get().description_en.startswith("- roasted")
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes([row(2, price_twd="-5")]))
    assert [column for _line, column, _message in problems(excinfo)] == ["price_twd"]


def test_rows_beyond_the_limit_stop_the_reading(company, snacks, monkeypatch):
    """With more data rows than MAX_ROWS the file is refused with the limit, in CSV and in XLSX."""
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    rows = [row(n) for n in range(1, 10)]
    for data in (csv_bytes(rows), xlsx_bytes(rows)):
        assert refused(data, company) == [(0, "", "At most 3 products per file.")]


def test_xlsx_is_read_in_read_only_streaming_mode(company, snacks, monkeypatch):
    """The workbook is opened read-only (rows streamed from the archive), and closed afterwards."""
    opened = []
    real = imports.load_workbook

    def spy(*args, **kwargs):
        workbook = real(*args, **kwargs)
        opened.append((kwargs, workbook))
        return workbook

    monkeypatch.setattr(imports, "load_workbook", spy)
    import_products(company=company, data=xlsx_bytes([row(1)]))
    [(kwargs, workbook)] = opened
    assert kwargs["read_only"] is True and workbook.read_only
    assert Product.objects.count() == 1


def test_the_dashboard_refuses_an_oversized_upload_with_a_message(client, company, snacks):
    """Through the dashboard, a file over 10 MB comes back with the limit next to the field (400)."""
    client.force_login(MembershipFactory(company=company).user)
    upload = SimpleUploadedFile("big.csv", b"x" * (10 * 1024 * 1024 + 1), content_type="text/csv")
    response = client.post(f"/en/dashboard/{company.pk}/products/import/", {"file": upload})
    assert response.status_code == 400
    assert "larger than 10 MB" in response.content.decode()
    assert not Product.objects.exists()


def test_the_dashboard_shows_a_formula_in_the_row_report(client, company, snacks):
    """A product named like a formula is listed in the report with its row and column; nothing is saved."""
    client.force_login(MembershipFactory(company=company).user)
    data = csv_bytes([row(1, name_en="=cmd|' /C calc'!A0")])
    upload = SimpleUploadedFile("p.csv", data, content_type="text/csv")
    response = client.post(f"/en/dashboard/{company.pk}/products/import/", {"file": upload})
    assert response.status_code == 400
    html = response.content.decode()
    assert "starts like a spreadsheet formula" in html and "name_en" in html
    assert not Product.objects.exists()
