"""統一編號 (Taiwan unified business number) validation."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)


def is_valid_ubn(value: str) -> bool:
    """True for an 8-digit number whose weighted digit sum passes the checksum.

    Each digit is multiplied by its weight and the digits of each product are added.
    Since April 2023 the sum must be divisible by 5; before, by 10. Every number valid
    under the old rule is valid under the new one, so checking divisibility by 5 accepts
    both. When the 7th digit is 7 its product is 28 (2 + 8 = 10), which counts as 1 or 0,
    so the sum or the sum + 1 may satisfy the rule.
    """
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        return False
    total = 0
    for digit, weight in zip(value, WEIGHTS, strict=True):
        product = int(digit) * weight
        total += product // 10 + product % 10
    if total % 5 == 0:
        return True
    return value[6] == "7" and (total + 1) % 5 == 0


def validate_ubn(value):
    if not value or len(value) != 8 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A unified business number has exactly 8 digits."), code="ubn_format")
    if not is_valid_ubn(value):
        raise ValidationError(
            _("This unified business number fails the checksum. Please check the digits."), code="ubn_checksum"
        )
