"""Payments tests read English messages; Stripe fixtures and helpers live in tests/stripe_support.py."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages (the site's default language is Chinese)."""
    with translation.override("en"):
        yield
