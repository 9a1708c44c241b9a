"""Stripe test support for every app: stripe-mock fixtures and webhook signing with Stripe's own helper.

Tests run against the official stripe-mock (scripts/stripe-mock.sh start) — never a fake. The fixtures are
re-exported by tests/conftest.py, so any test can ask for ``stripe_settings`` or ``stripe_requests``.
"""

import json
import os
import time
import urllib.error
import urllib.request

import pytest
import stripe
from stripe._api_requestor import _APIRequestor

STRIPE_MOCK_URL = os.environ.get("STRIPE_API_BASE") or "http://127.0.0.1:12111"
WEBHOOK_SECRET = "whsec_test_portal_webhook"


def _stripe_mock_answers(url):
    request = urllib.request.Request(f"{url}/v1/balance", headers={"Authorization": "Bearer sk_test_123"})
    try:
        with urllib.request.urlopen(request, timeout=3) as response:  # noqa: S310 (loopback URL from settings)
            return response.status == 200 and "Stripe-Mock-Version" in response.headers
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def stripe_mock():
    """The URL of a running stripe-mock; skipped locally without it, a failure in CI."""
    from tests.conftest import require_service  # tests/conftest.py imports this module

    require_service(
        "stripe-mock",
        _stripe_mock_answers(STRIPE_MOCK_URL),
        "`make test` starts it; for a single run `scripts/stripe-mock.sh start`",
    )
    return STRIPE_MOCK_URL


@pytest.fixture
def stripe_settings(settings, stripe_mock):
    """Stripe keys for the storefront's test account, the client pointed at stripe-mock."""
    settings.STRIPE_API_BASE = stripe_mock
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_123"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    return settings


@pytest.fixture
def stripe_requests(monkeypatch, stripe_settings):
    """Every request the Stripe library sends to stripe-mock: method, path, params, and the
    Idempotency-Key header as stripe-mock received it (it reflects the header in its response).
    A pass-through spy on the real library: the request still goes to stripe-mock."""
    sent = []
    original = _APIRequestor.request_raw

    def spy(self, method, url, params=None, options=None, *args, **kwargs):
        content, code, headers = original(self, method, url, params, options, *args, **kwargs)
        sent.append(
            {
                "method": method,
                "path": url,
                "params": params or {},
                "idempotency_key": headers.get("Idempotency-Key"),
                "status": code,
            }
        )
        return content, code, headers

    monkeypatch.setattr(_APIRequestor, "request_raw", spy)
    return sent


def sign(payload, *, secret=WEBHOOK_SECRET, timestamp=None):
    """The Stripe-Signature header, computed by the Stripe library's own helper."""
    return stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=timestamp)


def post_event(client, event, *, secret=WEBHOOK_SECRET, timestamp=None, signature=None):
    payload = json.dumps(event)
    header = signature if signature is not None else sign(payload, secret=secret, timestamp=timestamp)
    return client.post(
        "/payments/stripe/webhook/", data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


def make_event(event_type, data_object, *, event_id=None):
    return {
        "id": event_id or f"evt_test_{time.monotonic_ns()}",
        "object": "event",
        "type": event_type,
        "api_version": "2026-10-28.endive",
        "created": int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "data": {"object": data_object},
    }


def session_object(payment, *, session_id=None, payment_status="paid", status="complete", payment_intent="pi_test_1"):
    return {
        "id": session_id or payment.stripe_checkout_session_id,
        "object": "checkout.session",
        "client_reference_id": f"payment-{payment.pk}",
        "amount_total": payment.amount_minor,
        "currency": payment.currency.lower(),
        "payment_status": payment_status,
        "status": status,
        "payment_intent": payment_intent,
        "mode": "payment",
    }


def charge_object(payment, *, amount_refunded, payment_intent="pi_test_1", charge_id="ch_test_1"):
    return {
        "id": charge_id,
        "object": "charge",
        "amount": payment.amount_minor,
        "amount_refunded": amount_refunded,
        "currency": payment.currency.lower(),
        "payment_intent": payment_intent,
        "paid": True,
        "refunded": amount_refunded == payment.amount_minor,
        "status": "succeeded",
    }


@pytest.fixture
def received_signals():
    """What payments told other apps: ('succeeded', pk) and ('refunded', pk, total) tuples."""
    from payments.signals import payment_refunded, payment_succeeded

    received = []

    def on_succeeded(sender, payment, **kwargs):
        received.append(("succeeded", payment.pk))

    def on_refunded(sender, payment, amount_refunded_minor, **kwargs):
        received.append(("refunded", payment.pk, amount_refunded_minor))

    payment_succeeded.connect(on_succeeded)
    payment_refunded.connect(on_refunded)
    yield received
    payment_succeeded.disconnect(on_succeeded)
    payment_refunded.disconnect(on_refunded)
