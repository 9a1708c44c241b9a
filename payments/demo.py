"""Demo exchange rates so sample prices can be shown in every storefront currency (figures for demos only)."""

from decimal import Decimal

from .models import ExchangeRate

DEMO_TWD_PER_UNIT = {
    "USD": Decimal("32.5"),
    "THB": Decimal("0.9"),
    "MYR": Decimal("7.1"),
    "SGD": Decimal("24.3"),
    "IDR": Decimal("0.00205"),
    "VND": Decimal("0.00128"),
    "PHP": Decimal("0.56"),
}


def seed(*, stdout):
    """Create a rate for each currency that has none; rates staff already entered are left alone."""
    for currency, rate in DEMO_TWD_PER_UNIT.items():
        _rate, created = ExchangeRate.objects.get_or_create(currency=currency, defaults={"twd_per_unit": rate})
        stdout.write(f"  exchange rate {currency}: {'created' if created else 'kept'}")
