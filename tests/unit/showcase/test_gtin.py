"""GTINs are checked by length and by their GS1 check digit."""

import pytest
from django.core.exceptions import ValidationError

from catalog.showcase.models.products import validate_gtin


@pytest.mark.parametrize("gtin", ["4006381333931", "96385074", "036000291452", "10614141000415"])
def test_valid_gtins_pass(gtin):
    """EAN-13, EAN-8, UPC-A and GTIN-14 numbers with a right check digit are accepted."""
    validate_gtin(gtin)


@pytest.mark.parametrize("gtin", ["4006381333932", "96385075", "0360002914521", "12345", "40063813339a1", ""])
def test_invalid_gtins_fail(gtin):
    """A wrong check digit, a wrong length or a letter is refused."""
    with pytest.raises(ValidationError):
        validate_gtin(gtin)
