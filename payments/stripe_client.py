"""The Stripe client, built per call from settings (STRIPE_API_BASE points it at stripe-mock in tests)."""

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

from .errors import PaymentsNotConfigured


def stripe_configured():
    """True when the secret, publishable and webhook keys are all set: buy buttons may show."""
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY and settings.STRIPE_WEBHOOK_SECRET)


def stripe_client():
    """A StripeClient for the operator's account; PaymentsNotConfigured without a secret key."""
    if not settings.STRIPE_SECRET_KEY:
        raise PaymentsNotConfigured(_("Online payment is not available: the Stripe keys are not configured."))
    base_addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, base_addresses=base_addresses, max_network_retries=2)
