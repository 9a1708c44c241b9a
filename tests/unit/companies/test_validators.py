"""統一編號 checksum: weights 1,2,1,2,1,2,4,1; digit sums of the products; divisible by 5 (by 10 before 2023)."""

import pytest
from django.core.exceptions import ValidationError

from portal.companies.validators import is_valid_ubn, validate_ubn


@pytest.mark.parametrize(
    ("ubn", "valid", "case"),
    [
        ("04595257", True, "old rule: sum 40 is divisible by 10"),
        ("22099131", True, "old rule: sum 30"),
        ("04595252", True, "new rule only: sum 35 is divisible by 5, not by 10"),
        ("76397250", True, "new rule only: sum 45"),
        ("10458575", True, "7th digit 7, the sum itself (30) passes"),
        ("10458574", True, "7th digit 7, only sum + 1 (29 + 1) passes"),
        ("12345675", True, "7th digit 7, only sum + 1 (39 + 1) passes"),
        ("12345678", False, "7th digit 7, neither sum (42) nor sum + 1 passes"),
        ("04595258", False, "bad checksum: sum 41"),
        ("04595253", False, "bad checksum: sum 36"),
        ("0459525", False, "too short"),
        ("045952570", False, "too long"),
        ("", False, "empty"),
        ("0459525A", False, "letters"),
        ("ABCDEFGH", False, "letters only"),
        ("０４５９５２５７", False, "full-width digits (the form normalises them, the validator does not)"),
        ("0459 257", False, "space inside"),
        ("-4595257", False, "sign"),
        ("00000000", False, "passes the checksum, but serial zero is never issued"),
        ("00000005", False, "passes the checksum, but serial zero is never issued"),
        ("55555555", False, "passes the checksum, but one repeated digit is a placeholder"),
        ("00000011", True, "serial 0000001 with its check digit"),
    ],
)
def test_ubn_table(ubn, valid, case):
    """is_valid_ubn and validate_ubn agree with the Ministry of Finance rule for each case."""
    assert is_valid_ubn(ubn) is valid, case
    if valid:
        validate_ubn(ubn)
    else:
        with pytest.raises(ValidationError):
            validate_ubn(ubn)


@pytest.mark.parametrize(
    ("ubn", "code"),
    [
        ("1234567", "ubn_format"),
        ("０４５９５２５７", "ubn_format"),
        ("04595258", "ubn_checksum"),
        ("00000000", "ubn_impossible"),
        ("55555555", "ubn_impossible"),
    ],
)
def test_validation_error_codes(ubn, code):
    """Wrong shape and wrong checksum give different, explained errors."""
    with pytest.raises(ValidationError) as excinfo:
        validate_ubn(ubn)
    assert excinfo.value.code == code
