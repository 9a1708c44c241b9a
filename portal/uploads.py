"""Checks shared by every upload that is decoded as a picture: its size in pixels is read from the header
before anything is decompressed, so a small file that expands to gigabytes (an image bomb) is refused with a
message instead of exhausting the worker."""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

# 40 megapixels: a phone photo is 12, a print-quality product photo 24; nothing a buyer sees needs more.
MAX_IMAGE_PIXELS = 40_000_000


def check_image_pixels(upload):
    """Raise ``ValidationError`` (code ``too_many_pixels``) when the picture has more than MAX_IMAGE_PIXELS.

    Only the header is read; files Pillow cannot identify are left to the caller's own format check.
    """
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as picture:
                width, height = picture.size
    except Image.DecompressionBombError:
        width, height = MAX_IMAGE_PIXELS + 1, 1
    except (OSError, SyntaxError, ValueError):
        return
    finally:
        upload.seek(0)
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The picture has more than %(limit)s million pixels. Reduce its size and upload it again."),
            code="too_many_pixels",
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
        )
