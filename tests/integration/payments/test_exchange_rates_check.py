"""The daily exchange-rate check of the schedule warns about rates staff have not updated for a week."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from payments.models import ExchangeRate
from tests.factories.payments import ExchangeRateFactory

pytestmark = pytest.mark.django_db


def run_check():
    out = io.StringIO()
    call_command("exchange_rates_check", stdout=out)
    return out.getvalue()


def test_a_rate_older_than_a_week_is_warned_about(caplog):
    ExchangeRateFactory(currency="THB")
    ExchangeRateFactory(currency="VND")
    ExchangeRate.objects.filter(currency="VND").update(updated_at=timezone.now() - timedelta(days=8))
    out = run_check()
    assert "VND: stale since" in out
    assert "THB" not in out
    assert any("Exchange rate VND" in record.getMessage() for record in caplog.records if record.levelname == "WARNING")


def test_fresh_rates_give_no_warning(caplog):
    ExchangeRateFactory(currency="THB")
    ExchangeRate.objects.filter(currency="THB").update(updated_at=timezone.now() - timedelta(days=6, hours=23))
    assert "all updated within a week" in run_check()
    assert not [record for record in caplog.records if record.levelname == "WARNING"]
