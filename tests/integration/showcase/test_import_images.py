"""Imports with pictures in a ZIP beside the CSV/XLSX (never fetched from URLs), the six-language names and
descriptions and the marketplace identifiers; every bad archive or picture is reported and nothing is saved."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model

from catalog.showcase import forms as showcase_forms
from catalog.showcase import imports
from catalog.showcase.imports import ProductImportError, import_products
from catalog.showcase.models import Product, ProductImage
from tests.factories.accounts import StaffFactory
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


def picture(image_format="PNG", size=(64, 48), colour=(200, 120, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, image_format)
    return buffer.getvalue()


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def nothing_saved():
    return not Product.objects.exists() and not get_image_model().objects.exists() and not ProductImage.objects.exists()


SIX_LANGUAGES = {
    "name_ms": "Kek nanas Taiwan",
    "name_id": "Kue nanas Taiwan",
    "name_vi": "Bánh dứa Đài Loan",
    "description_ms": "Inti nanas tempatan dalam kulit mentega.",
    "description_id": "Isian nanas lokal dalam kulit mentega.",
    "description_vi": "Nhân dứa bản địa trong vỏ bánh bơ.",
}


def test_pictures_names_and_identifiers_are_imported(company, snacks):
    """Each row's pictures come from the ZIP in the listed order, with the product's name as alt text; the
    six-language names and descriptions, brand, GTIN, MPN and condition are stored; a picture two rows name
    is stored once."""
    archive = zip_of({"cake/front.png": picture(), "cake/box.jpg": picture("JPEG"), "tea.webp": picture("WEBP")})
    rows = [
        row(1, images="cake/front.png;cake/box.jpg", brand="SunnyHills", gtin="4006381333931", **SIX_LANGUAGES),
        row(2, images="tea.webp;cake/box.jpg", mpn="TEA-9", condition="Refurbished"),
        row(3),
    ]
    result = import_products(company=company, data=csv_bytes(rows), images=archive, publish=True)
    assert len(result.created) == 3
    first, second, third = (Product.objects.get(sku=f"SN-{n:04d}") for n in (1, 2, 3))
    assert [item.image.file.name.rsplit("/", 1)[-1] for item in first.images.all()] == ["front.png", "box.jpg"]
    assert [item.alt_text for item in first.images.all()] == [first.name_en, first.name_en]
    assert [item.sort_order for item in second.images.all()] == [0, 1]
    assert not third.images.exists()
    assert get_image_model().objects.count() == 3
    assert first.images.all()[1].image_id == second.images.all()[1].image_id
    for column, value in SIX_LANGUAGES.items():
        assert getattr(first, column) == value
    assert (first.brand, first.gtin, first.mpn, first.condition) == ("SunnyHills", "4006381333931", "", "new")
    assert (second.mpn, second.condition) == ("TEA-9", "refurbished")
    revision_images = first.live_revision.content["images"]
    assert [image["image"] for image in revision_images] == [item.image_id for item in first.images.all()]


def test_xlsx_with_pictures_to_review(company, snacks):
    """An XLSX with a ZIP, without publish: the pictures are on the draft that goes to review."""
    archive = zip_of({"a.png": picture()})
    import_products(company=company, data=xlsx_bytes([row(1, images="a.png")]), images=archive)
    product = Product.objects.get()
    assert not product.live
    assert product.images.count() == 1
    assert product.get_latest_revision().content["images"][0]["image"] == product.images.get().image_id


def test_reimport_replaces_pictures_and_an_empty_cell_keeps_them(company, snacks):
    """A re-import whose row names pictures replaces the product's pictures; an empty images cell keeps them."""
    first = zip_of({"a.png": picture()})
    import_products(company=company, data=csv_bytes([row(1, images="a.png")]), images=first, publish=True)
    archive = zip_of({"b.png": picture(colour=(1, 2, 3)), "c.png": picture(colour=(3, 2, 1))})
    import_products(company=company, data=csv_bytes([row(1, images="b.png;c.png")]), images=archive, publish=True)
    product = Product.objects.get()
    assert [item.image.file.name.rsplit("/", 1)[-1] for item in product.images.all()] == ["b.png", "c.png"]
    import_products(company=company, data=csv_bytes([row(1, name_en="Renamed")]), publish=True)
    product.refresh_from_db()
    assert product.name_en == "Renamed" and product.images.count() == 2


def _refused(company, rows, archive, *, column="images"):
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes(rows), images=archive, publish=True)
    assert nothing_saved()
    return [(line, message) for line, name, message in problems(excinfo) if name == column]


def test_a_picture_missing_from_the_zip_is_a_row_error(company, snacks):
    """A name the ZIP does not hold is reported on its row; nothing is imported, not even the good rows."""
    errors = _refused(company, [row(1, images="a.png"), row(2, images="gone.png")], zip_of({"a.png": picture()}))
    assert errors == [(3, "“gone.png” is not in the ZIP of pictures.")]


def test_pictures_without_a_zip_are_a_row_error(company, snacks):
    """A row naming pictures when no ZIP came with the file says to upload it."""
    assert _refused(company, [row(1, images="a.png")], None) == [
        (2, "Upload the ZIP with these pictures beside the file.")
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("fake.png", b"<?php echo 'not a picture'; ?>", "not an image we can read"),
        ("anim.gif", picture("GIF"), "Upload a JPEG, PNG or WebP picture."),
        ("huge.png", b"\0" * (10 * 1024 * 1024 + 1), "larger than 10 MB"),
    ],
)
def test_a_bad_picture_is_a_row_error(company, snacks, name, data, message):
    """A file that is not a JPEG, PNG or WebP by its content, or is over 10 MB, is refused on its row."""
    errors = _refused(company, [row(1, images=name)], zip_of({name: data}))
    assert len(errors) == 1 and message in errors[0][1]


def test_a_picture_of_too_many_pixels_is_a_row_error(company, snacks, monkeypatch):
    """A small file that would decompress to a huge picture is refused from its header (an image bomb)."""
    monkeypatch.setattr("portal.uploads.MAX_IMAGE_PIXELS", 100)
    errors = _refused(company, [row(1, images="big.png")], zip_of({"big.png": picture(size=(20, 20))}))
    assert len(errors) == 1 and "million pixels" in errors[0][1]


def test_more_than_eight_pictures_is_a_row_error(company, snacks):
    """A product has at most eight pictures."""
    files = {f"p{n}.png": picture() for n in range(9)}
    assert _refused(company, [row(1, images=";".join(files))], zip_of(files)) == [
        (2, "A product can have at most 8 images.")
    ]


@pytest.mark.parametrize("name", ["../evil.png", "/etc/evil.png", "C:/evil.png", "pics\\..\\evil.png"])
def test_a_name_pointing_outside_the_archive_refuses_the_zip(company, snacks, name):
    """A ZIP holding a name that would be unpacked outside it (path traversal) is refused as a whole."""
    errors = _refused(company, [row(1, images="a.png")], zip_of({"a.png": picture(), name: picture()}))
    assert len(errors) == 1 and errors[0][0] == 0 and "points outside the archive" in errors[0][1]


def test_a_zip_that_expands_too_far_is_refused(company, snacks, monkeypatch):
    """A ZIP whose directory declares more than the limit once expanded (a zip bomb) is refused before any
    picture is read."""
    monkeypatch.setattr(imports, "MAX_ARCHIVE_EXPANDED_BYTES", 1024 * 1024)
    bomb = zip_of({"zeros.png": b"\0" * (2 * 1024 * 1024), "a.png": picture()})
    assert bomb.getbuffer().nbytes < 20_000
    errors = _refused(company, [row(1, images="a.png")], bomb)
    assert len(errors) == 1 and "expands to more than" in errors[0][1]


def test_a_zip_over_the_size_limit_is_refused(company, snacks, monkeypatch):
    """A ZIP larger than the limit is refused as a whole."""
    monkeypatch.setattr(imports, "MAX_ARCHIVE_BYTES", 10)
    errors = _refused(company, [row(1, images="a.png")], zip_of({"a.png": picture()}))
    assert len(errors) == 1 and "larger than" in errors[0][1]


def test_a_file_that_is_not_a_zip_is_refused(company, snacks):
    """Pictures must come in a ZIP: any other file is refused with a message."""
    errors = _refused(company, [row(1, images="a.png")], io.BytesIO(picture()))
    assert errors == [(0, "The pictures must come in a ZIP file; this one cannot be read.")]


def test_the_command_takes_the_zip(company, snacks, tmp_path):
    """manage.py import_products --images ZIP imports the pictures with the rows."""
    data, pictures = tmp_path / "products.csv", tmp_path / "pictures.zip"
    data.write_bytes(csv_bytes([row(1, images="a.png")]))
    pictures.write_bytes(zip_of({"a.png": picture()}).getvalue())
    call_command("import_products", str(data), f"--images={pictures}", company=company.ubn, publish=True)
    assert Product.objects.public().get().images.count() == 1


class TestDashboardUploadWithPictures:
    URL = "/en/dashboard/{}/products/import/"

    def _post(self, client, company, rows, archive=None, name="pictures.zip"):
        files = {"file": SimpleUploadedFile("products.csv", csv_bytes(rows), content_type="text/csv")}
        if archive is not None:
            files["images"] = SimpleUploadedFile(name, archive, content_type="application/zip")
        return client.post(self.URL.format(company.pk), files)

    def test_member_uploads_a_file_and_its_pictures(self, client, company, snacks):
        """A member's upload with a ZIP creates the products with their pictures, sent to review."""
        client.force_login(MembershipFactory(company=company).user)
        response = self._post(client, company, [row(1, images="a.png")], zip_of({"a.png": picture()}).getvalue())
        assert response.status_code == 302
        assert Product.objects.get().images.count() == 1

    def test_anonymous_is_sent_to_log_in(self, client, company, snacks):
        """Without an account the upload page sends to the login page and saves nothing."""
        response = self._post(client, company, [row(1, images="a.png")], zip_of({"a.png": picture()}).getvalue())
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert nothing_saved()

    @pytest.mark.parametrize("who", ["other member", "staff"])
    def test_wrong_user_and_staff_get_404(self, client, company, snacks, who):
        """A member of another company, and staff (who moderate in the admin), cannot import here."""
        client.force_login(MembershipFactory().user if who == "other member" else StaffFactory())
        response = self._post(client, company, [row(1, images="a.png")], zip_of({"a.png": picture()}).getvalue())
        assert response.status_code == 404
        assert nothing_saved()

    def test_a_picture_that_is_not_a_zip_is_a_form_error(self, client, company, snacks):
        """A picture uploaded where the ZIP goes is refused next to the field; nothing is saved."""
        client.force_login(MembershipFactory(company=company).user)
        response = self._post(client, company, [row(1, images="a.png")], picture(), name="a.png")
        assert response.status_code == 400
        assert "Upload the pictures as one ZIP file." in response.content.decode()
        assert nothing_saved()

    def test_a_zip_over_the_limit_is_a_form_error(self, client, company, snacks, monkeypatch):
        """A ZIP over the limit is refused before it is opened."""
        monkeypatch.setattr(showcase_forms, "MAX_ARCHIVE_BYTES", 100)
        client.force_login(MembershipFactory(company=company).user)
        response = self._post(client, company, [row(1, images="a.png")], zip_of({"a.png": picture()}).getvalue())
        assert response.status_code == 400
        assert "The ZIP of pictures is larger than" in response.content.decode()
        assert nothing_saved()

    def test_a_missing_picture_is_listed_by_row(self, client, company, snacks):
        """A row naming a picture the ZIP lacks shows in the report by row and column; nothing is saved."""
        client.force_login(MembershipFactory(company=company).user)
        response = self._post(client, company, [row(1, images="nope.png")], zip_of({"a.png": picture()}).getvalue())
        assert response.status_code == 400
        content = response.content.decode()
        assert "Nothing was imported" in content and "is not in the ZIP of pictures." in content
        assert nothing_saved()


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("gtin", "4006381333932", "last digit does not match"),
        ("gtin", "40063813", "last digit does not match"),
        ("gtin", "12345", "8, 12, 13 or 14 digits"),
        ("condition", "broken", "not one of the available choices"),
    ],
)
def test_a_bad_identifier_is_a_row_error(company, snacks, column, value, message):
    """A GTIN with a wrong check digit or length, or an unknown condition, is refused on its row."""
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes([row(1, **{column: value})]), publish=True)
    assert [(line, name) for line, name, _message in problems(excinfo)] == [(2, column)]
    assert message in problems(excinfo)[0][2]
    assert nothing_saved()


def test_a_failure_while_writing_leaves_no_picture_file_behind(company, snacks, settings, monkeypatch):
    """When the database fails after the pictures are stored (here: writing the products), the import rolls
    back and the picture files it had written are deleted too: no file without its row."""

    def fail(rows, *, user, publish):
        raise DatabaseError("disk full")

    monkeypatch.setattr(imports, "_write", fail)
    archive = zip_of({"a.png": picture(), "b.jpg": picture("JPEG")})
    with pytest.raises(DatabaseError):
        import_products(company=company, data=csv_bytes([row(1, images="a.png;b.jpg")]), images=archive, publish=True)
    assert nothing_saved()
    media = settings.MEDIA_ROOT
    assert [path.name for path in media.rglob("*") if path.is_file()] == []
