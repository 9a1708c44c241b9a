"""Stripe's minor-unit rules for the storefront's currencies, and TWD conversion (half up, Decimal)."""

from decimal import Decimal

import pytest

from payments.currencies import (
    charge_step,
    convert_twd,
    currency_for_country,
    format_minor,
    from_minor,
    minor_exponent,
    to_minor,
)
from payments.errors import PaymentError, UnsupportedCurrency


@pytest.mark.parametrize(
    ("currency", "exponent", "step"),
    [
        ("THB", 2, "0.01"),
        ("MYR", 2, "0.01"),
        ("SGD", 2, "0.01"),
        ("PHP", 2, "0.01"),
        ("USD", 2, "0.01"),
        ("IDR", 2, "1"),  # two-decimal in Stripe's API, charged in whole rupiah
        ("TWD", 2, "1"),  # two-decimal charges, zero-decimal payouts on Stripe: whole dollars
        ("VND", 0, "1"),  # zero-decimal
    ],
)
def test_exponent_and_step_per_currency(currency, exponent, step):
    """Every storefront currency has Stripe's exponent and our charge step."""
    assert minor_exponent(currency) == exponent
    assert charge_step(currency) == Decimal(step)


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        ("10", "USD", 1000),
        ("10.99", "USD", 1099),
        ("10.005", "USD", 1001),  # half up, never banker's rounding
        ("10.004", "USD", 1000),
        ("416.5", "THB", 41650),
        ("0.5", "SGD", 50),
        ("50000", "VND", 50000),  # zero-decimal: not multiplied
        ("50000.5", "VND", 50001),
        ("1500", "TWD", 150000),  # two-decimal representation, always ending in 00
        ("1500.49", "TWD", 150000),
        ("1500.5", "TWD", 150100),
        ("273000", "IDR", 27300000),
        ("272999.5", "IDR", 27300000),
    ],
)
def test_to_minor_table(amount, currency, minor):
    """Major units → Stripe's integer minor units."""
    assert to_minor(amount, currency) == minor


def test_lower_case_codes_are_accepted():
    """Stripe sends lower-case codes; they are the same currencies."""
    assert to_minor("1", "thb") == 100


@pytest.mark.parametrize(("amount", "currency"), [("10.5", "TWD"), ("0.001", "USD"), ("1.5", "VND"), ("9.5", "IDR")])
def test_exact_mode_refuses_fractions_finer_than_the_step(amount, currency):
    """Staff typing a refund cannot ask for half a dong or a tenth of a cent."""
    with pytest.raises(PaymentError, match="multiples of"):
        to_minor(amount, currency, exact=True)


@pytest.mark.parametrize("currency", ["EUR", "JPY", "", None, "usdx"])
def test_unsupported_currencies_are_refused(currency):
    """Only THB, MYR, SGD, IDR, VND, PHP, USD and TWD: a clear message naming them."""
    with pytest.raises(UnsupportedCurrency, match="THB, MYR|TWD, USD"):
        to_minor("1", currency)


@pytest.mark.parametrize("amount", ["abc", "NaN", "Infinity"])
def test_not_an_amount(amount):
    with pytest.raises(PaymentError, match="not an amount"):
        to_minor(amount, "USD")


@pytest.mark.parametrize(
    ("minor", "currency", "decimal", "display"),
    [
        (1099, "USD", Decimal("10.99"), "10.99 USD"),
        (50000, "VND", Decimal("50000"), "50,000 VND"),
        (150000, "TWD", Decimal("1500.00"), "1,500.00 TWD"),
    ],
)
def test_from_minor_and_format(minor, currency, decimal, display):
    """Minor units → exact Decimal and a readable amount."""
    assert from_minor(minor, currency) == decimal
    assert format_minor(minor, currency) == display


@pytest.mark.parametrize(
    ("twd", "currency", "rate", "minor"),
    [
        ("375", "THB", "0.9", 41667),  # 416.666… THB → 416.67
        ("375", "USD", "32.5", 1154),  # 11.538… → 11.54
        ("375", "VND", "0.00128", 292969),  # 292968.75 → 292969
        ("375", "IDR", "0.00205", 18292700),  # 182926.8… → 182927 rupiah
        ("375", "MYR", "7.1", 5282),  # 52.816… → 52.82
        ("375", "TWD", "1", 37500),
    ],
)
def test_convert_twd_table(twd, currency, rate, minor):
    """TWD prices → the buyer's currency at the staff rate, half up at the charge step."""
    assert convert_twd(twd, currency, twd_per_unit=rate) == minor


def test_convert_twd_refuses_a_zero_rate():
    with pytest.raises(PaymentError, match="greater than zero"):
        convert_twd("100", "THB", twd_per_unit="0")


@pytest.mark.parametrize(
    ("country", "currency"),
    [
        ("TH", "THB"),
        ("my", "MYR"),
        ("SG", "SGD"),
        ("ID", "IDR"),
        ("VN", "VND"),
        ("PH", "PHP"),
        ("TW", "TWD"),
        ("JP", "USD"),
        ("", "USD"),
    ],
)
def test_currency_for_country(country, currency):
    """The buyer's country chooses the currency; every other country pays in US dollars."""
    assert currency_for_country(country) == currency
