"""Prices in TWD converted with the staff-managed exchange-rate table."""

import pytest

from payments.errors import ExchangeRateMissing, UnsupportedCurrency
from payments.models import Payment
from payments.selectors import payment_for, twd_to_minor
from tests.factories.companies import CompanyFactory
from tests.factories.payments import ExchangeRateFactory, PaymentFactory

pytestmark = pytest.mark.django_db


def test_twd_to_minor_uses_the_staff_rate():
    """375 TWD at 0.9 TWD per baht is 416.67 THB."""
    ExchangeRateFactory(currency="THB", twd_per_unit="0.9")
    assert twd_to_minor("375", "THB") == 41667


def test_twd_needs_no_rate():
    assert twd_to_minor("375", "TWD") == 37500


def test_a_missing_rate_is_a_clear_error():
    """No VND rate yet: the message says staff must enter it."""
    with pytest.raises(ExchangeRateMissing, match="no exchange rate for VND"):
        twd_to_minor("375", "VND")


def test_an_unsupported_currency_is_refused():
    with pytest.raises(UnsupportedCurrency):
        twd_to_minor("375", "EUR")


def test_payment_for_finds_the_payment_of_a_target():
    """The payment attached to an object for a purpose, or None."""
    company = CompanyFactory()
    payment = PaymentFactory(target=company)
    assert payment_for(company, purpose=Payment.Purpose.PROGRAM_FEE) == payment
    assert payment_for(company, purpose=Payment.Purpose.SAMPLE_ORDER) is None
    assert payment_for(CompanyFactory(), purpose=Payment.Purpose.PROGRAM_FEE) is None
