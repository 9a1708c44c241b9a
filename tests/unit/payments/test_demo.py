"""payments.demo.seed is idempotent and never overwrites a staff rate."""

import io

import pytest

from payments import demo
from payments.models import ExchangeRate
from tests.factories.payments import ExchangeRateFactory

pytestmark = pytest.mark.django_db


def test_seed_twice_changes_nothing():
    """Seven rates, once; the second run keeps them."""
    demo.seed(stdout=io.StringIO())
    first = list(ExchangeRate.objects.values_list("currency", "twd_per_unit"))
    out = io.StringIO()
    demo.seed(stdout=out)
    assert list(ExchangeRate.objects.values_list("currency", "twd_per_unit")) == first
    assert len(first) == 7
    assert "created" not in out.getvalue()


def test_seed_keeps_a_staff_rate():
    ExchangeRateFactory(currency="THB", twd_per_unit="0.95")
    demo.seed(stdout=io.StringIO())
    assert str(ExchangeRate.objects.get(currency="THB").twd_per_unit) == "0.95000000"
