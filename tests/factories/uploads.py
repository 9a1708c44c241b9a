"""Hostile uploads: small files that claim to be huge once decoded."""

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width=20_000, height=20_000, name="bomb.png"):
    """A valid PNG header announcing ``width`` × ``height`` grey pixels; the data is a few kilobytes of zeros
    compressed (what decoding would expand to hundreds of megabytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 65536, 9)
    content = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")
    return SimpleUploadedFile(name, content, content_type="image/png")
