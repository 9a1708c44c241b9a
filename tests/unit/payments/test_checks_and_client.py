"""payments.W001 and the Stripe client built from settings."""

import pytest

from payments.checks import stripe_keys_check
from payments.errors import PaymentsNotConfigured
from payments.stripe_client import stripe_client, stripe_configured


@pytest.fixture
def keys(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_123"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_123"
    return settings


def test_warns_in_production_without_keys(settings):
    """DEBUG off and no keys: one warning naming the missing settings."""
    settings.DEBUG = False
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = "pk_live_x"
    settings.STRIPE_WEBHOOK_SECRET = ""
    [warning] = stripe_keys_check(None)
    assert warning.id == "payments.W001"
    assert "STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET" in warning.msg


def test_quiet_with_keys(keys):
    keys.DEBUG = False
    assert stripe_keys_check(None) == []


def test_quiet_in_development_without_keys(settings):
    """With DEBUG on (make run) a missing key is normal."""
    settings.DEBUG = True
    settings.STRIPE_SECRET_KEY = ""
    assert stripe_keys_check(None) == []


def test_the_check_is_registered(settings):
    """`manage.py check` runs it."""
    from django.core.checks import run_checks

    settings.DEBUG = False
    settings.STRIPE_SECRET_KEY = ""
    assert "payments.W001" in [message.id for message in run_checks()]


def test_client_needs_a_secret_key(settings):
    settings.STRIPE_SECRET_KEY = ""
    assert not stripe_configured()
    with pytest.raises(PaymentsNotConfigured, match="not configured"):
        stripe_client()


def test_client_points_at_stripe_api_base(keys):
    """STRIPE_API_BASE (stripe-mock in tests) replaces api.stripe.com."""
    keys.STRIPE_API_BASE = "http://127.0.0.1:12111"
    assert stripe_configured()
    client = stripe_client()
    assert client._requestor.base_addresses["api"] == "http://127.0.0.1:12111"


def test_client_defaults_to_stripe(keys):
    keys.STRIPE_API_BASE = ""
    assert stripe_client()._requestor.base_addresses["api"] == "https://api.stripe.com"
