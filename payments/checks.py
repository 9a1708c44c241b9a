"""System checks: a production site without Stripe keys cannot take or confirm payments."""

from django.conf import settings
from django.core import checks


@checks.register("payments")
def stripe_keys_check(app_configs, **kwargs):
    """payments.W001: DEBUG is off and a Stripe key is missing (buy buttons will be hidden)."""
    if settings.DEBUG:
        return []
    missing = [
        name
        for name in ("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET")
        if not getattr(settings, name, "")
    ]
    if not missing:
        return []
    return [
        checks.Warning(
            f"Stripe is not configured: {', '.join(missing)} not set.",
            hint="Set the keys of the storefront operator's Stripe account; until then buy buttons are hidden "
            "and payment webhooks are refused.",
            id="payments.W001",
        )
    ]
