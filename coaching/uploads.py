"""Checks for uploaded application documents: the type comes from the content, never from the name."""

import os
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from portal.uploads import check_image_pixels

MAX_DOCUMENT_SIZE = 10 * 1024 * 1024

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}


def _sniff(head):
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    return None


def _read_tail(upload, length=2048):
    upload.seek(0, os.SEEK_END)
    end = upload.tell()
    upload.seek(max(0, end - length))
    tail = upload.read()
    upload.seek(0)
    return tail


def detect_content_type(upload):
    """The document's real type (PDF, JPEG or PNG), or a ValidationError explaining what is wrong."""
    if upload.size is None or upload.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(_("The file is larger than 10 MB. Upload a smaller file."), code="too_large")
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = _sniff(head)
    if content_type is None:
        raise ValidationError(
            _("The file must be a PDF, JPEG or PNG. Its content is not one of these, whatever its name says."),
            code="bad_type",
        )
    if content_type == PDF:
        if b"%%EOF" not in _read_tail(upload):
            raise ValidationError(_("The PDF file is damaged or incomplete."), code="bad_pdf")
        return content_type
    check_image_pixels(upload)
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("The image file is damaged or incomplete."), code="bad_image") from error
    finally:
        upload.seek(0)
    return content_type


def safe_original_name(name, content_type):
    """A display name without any path, safe for a Content-Disposition header."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").split("/")[-1]
    stem, _ext = os.path.splitext(name)
    stem = stem.strip(". ")
    stem = get_valid_filename(stem) if stem else ""
    stem = stem.replace("..", "_")[:100] or "document"
    return stem + EXTENSIONS[content_type]
