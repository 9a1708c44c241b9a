import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from coaching.uploads import MAX_DOCUMENT_SIZE, detect_content_type, safe_original_name
from tests.factories.coaching import PDF_BYTES


def image_bytes(fmt):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.pdf", PDF_BYTES, "application/pdf"),
        ("photo.png", image_bytes("PNG"), "image/png"),
        ("photo.jpg", image_bytes("JPEG"), "image/jpeg"),
        ("no-extension", image_bytes("PNG"), "image/png"),
    ],
)
def test_real_pdf_jpeg_png_are_accepted_whatever_the_name(name, content, expected):
    """The type comes from the content: real PDFs and images pass, even with a misleading name."""
    assert detect_content_type(SimpleUploadedFile(name, content)) == expected


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoice.pdf", b"MZ\x90\x00 this is a Windows program"),
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"not really an image"),
        ("photo.jpg", b"\xff\xd8\xff" + b"garbage"),
        ("cut.pdf", b"%PDF-1.4\n truncated without the end marker"),
        ("sheet.xlsx", b"PK\x03\x04 zip content"),
    ],
)
def test_files_whose_content_is_not_pdf_jpeg_png_are_refused(name, content):
    """A file that claims to be a PDF or image but is not is refused with a clear message."""
    with pytest.raises(ValidationError):
        detect_content_type(SimpleUploadedFile(name, content))


def test_files_over_ten_megabytes_are_refused():
    """Files above 10 MB are refused before their content is read."""
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * MAX_DOCUMENT_SIZE + b"%%EOF")
    with pytest.raises(ValidationError) as error:
        detect_content_type(upload)
    assert error.value.code == "too_large"


def test_empty_file_is_refused():
    """An empty file is refused."""
    with pytest.raises(ValidationError):
        detect_content_type(SimpleUploadedFile("empty.pdf", b""))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system.ini", "system.pdf"),
        ("/absolute/path/report.pdf", "report.pdf"),
        ("..", "document.pdf"),
        ("公司登記.pdf", "公司登記.pdf"),
        ('quote"; filename="evil.exe', "quote_filenameevil.pdf"),
    ],
)
def test_display_names_lose_paths_and_take_the_real_extension(name, expected):
    """Path parts and traversal are removed and the extension follows the real type."""
    assert safe_original_name(name, "application/pdf") == expected
