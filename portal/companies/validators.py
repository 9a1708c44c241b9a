"""統一編號 (Taiwan unified business number) validation."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)


def _passes_checksum(value: str) -> bool:
    total = 0
    for digit, weight in zip(value, WEIGHTS, strict=True):
        product = int(digit) * weight
        total += product // 10 + product % 10
    if total % 5 == 0:
        return True
    return value[6] == "7" and (total + 1) % 5 == 0


def is_impossible_ubn(value: str) -> bool:
    """True for an 8-digit number that passes the checksum but is never a real company's number.

    The Ministry of Finance builds a number from a seven-digit serial and a check digit; serials start at
    0000001, so a number whose first seven digits are all zeros (``00000000``, ``00000005``) was never issued.
    A number of one repeated digit (``00000000``, ``55555555``: the only two that pass the checksum) is a
    placeholder typed to get past a form, not a registration.
    """
    return value[:7] == "0000000" or len(set(value)) == 1


def is_valid_ubn(value: str) -> bool:
    """True for an 8-digit number whose weighted digit sum passes the checksum and that can be real.

    Each digit is multiplied by its weight and the digits of each product are added.
    Since April 2023 the sum must be divisible by 5; before, by 10. Every number valid
    under the old rule is valid under the new one, so checking divisibility by 5 accepts
    both. When the 7th digit is 7 its product is 28 (2 + 8 = 10), which counts as 1 or 0,
    so the sum or the sum + 1 may satisfy the rule. Numbers that pass the checksum but cannot be
    real are refused too (``is_impossible_ubn``: serial zero, one repeated digit).
    """
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        return False
    return _passes_checksum(value) and not is_impossible_ubn(value)


def validate_ubn(value):
    """The rules of ``is_valid_ubn``, each failure with its own message and code: ``ubn_format`` (not 8 ASCII
    digits), ``ubn_checksum`` (the Ministry of Finance checksum fails), ``ubn_impossible`` (the checksum passes
    but the number is never issued: serial 0000000, or one digit repeated)."""
    if not value or len(value) != 8 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A unified business number has exactly 8 digits."), code="ubn_format")
    if not _passes_checksum(value):
        raise ValidationError(
            _("This unified business number fails the checksum. Please check the digits."), code="ubn_checksum"
        )
    if is_impossible_ubn(value):
        raise ValidationError(
            _("This is not a number the Ministry of Finance issues. Enter your company's unified business number."),
            code="ubn_impossible",
        )
