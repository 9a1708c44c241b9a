"""Writes for the payments app: payments, Checkout Sessions, refunds and webhook events.

Money rules: a payment becomes paid only on a verified webhook (never on a success page);
each Stripe request that moves money carries an idempotency key derived from our rows;
every webhook is stored once by its event id and processed with the payment row locked,
so duplicates and out-of-order deliveries neither fulfil twice nor lose a refund.
"""

import json
import logging
import time

import stripe
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit

from .currencies import check_currency, format_minor
from .errors import InvalidWebhook, PaymentError, PaymentStateError
from .models import Payment, Refund, StripeEvent
from .signals import payment_refunded, payment_succeeded
from .stripe_client import stripe_client

logger = logging.getLogger(__name__)

Status = Payment.Status


@transaction.atomic
def payment_create(*, purpose, target, amount_minor, currency, description, customer_email=""):
    """The payment for ``target`` (one per target and purpose), created or updated while unpaid.

    Refuses a target that is already paid: a second payment for a paid item is never taken.
    """
    code = check_currency(currency)
    if int(amount_minor) < 1:
        raise PaymentError(_("The amount to pay must be greater than zero."))
    content_type = ContentType.objects.get_for_model(target)
    payment, created = Payment.objects.select_for_update().get_or_create(
        purpose=purpose,
        content_type=content_type,
        object_id=target.pk,
        defaults={
            "amount_minor": amount_minor,
            "currency": code,
            "description": description,
            "customer_email": customer_email,
        },
    )
    if created:
        return payment
    if payment.is_paid:
        raise PaymentStateError(_("This has already been paid; it cannot be paid again."))
    payment.amount_minor = amount_minor
    payment.currency = code
    payment.description = description
    payment.customer_email = customer_email or payment.customer_email
    payment.save(update_fields=["amount_minor", "currency", "description", "customer_email", "updated_at"])
    return payment


def _close_previous_session(client, payment):
    """Expire the payment's open Checkout Session so that two attempts can never both be paid."""
    session = client.v1.checkout.sessions.retrieve(payment.stripe_checkout_session_id)
    if session.status == "complete":
        raise PaymentStateError(
            _("The previous payment attempt has been completed and is being confirmed; please wait.")
        )
    if session.status == "open":
        client.v1.checkout.sessions.expire(payment.stripe_checkout_session_id)


@transaction.atomic
def checkout_session_create(*, payment, line_items, success_url, cancel_url, customer_email=""):
    """A Stripe Checkout Session for ``payment``; the caller redirects the buyer to ``session.url``.

    ``line_items``: ``[{"name": str, "unit_amount_minor": int, "quantity": int}]`` in the
    payment's currency, adding up to its amount. The idempotency key is
    ``payment-<pk>-checkout-v<attempt>``: a retried request returns the same session.
    """
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.is_paid:
        raise PaymentStateError(_("This has already been paid; it cannot be paid again."))
    total = sum(int(item["unit_amount_minor"]) * int(item["quantity"]) for item in line_items)
    if not line_items or total != payment.amount_minor:
        raise PaymentError(_("The items to pay do not add up to the amount of the payment."))
    client = stripe_client()
    if payment.status == Status.PENDING and payment.stripe_checkout_session_id:
        _close_previous_session(client, payment)
    elif payment.status in (Status.FAILED, Status.EXPIRED):
        payment.set_status(Status.PENDING, by=None, note="new checkout attempt")
    attempt = payment.checkout_attempts + 1
    currency = payment.currency.lower()
    params = {
        "mode": "payment",
        "line_items": [
            {
                "price_data": {
                    "currency": currency,
                    "unit_amount": int(item["unit_amount_minor"]),
                    "product_data": {"name": item["name"]},
                },
                "quantity": int(item["quantity"]),
            }
            for item in line_items
        ],
        "success_url": success_url,
        "cancel_url": cancel_url,
        "client_reference_id": f"payment-{payment.pk}",
        "metadata": {"payment_id": str(payment.pk)},
        "payment_intent_data": {"metadata": {"payment_id": str(payment.pk)}},
    }
    email = customer_email or payment.customer_email
    if email:
        params["customer_email"] = email
    try:
        session = client.v1.checkout.sessions.create(
            params, {"idempotency_key": f"payment-{payment.pk}-checkout-v{attempt}"}
        )
    except stripe.StripeError as error:
        raise PaymentError(_("Stripe refused the checkout: %(message)s") % {"message": error.user_message}) from error
    payment.checkout_attempts = attempt
    payment.stripe_checkout_session_id = session.id
    payment.save(update_fields=["checkout_attempts", "stripe_checkout_session_id", "updated_at"])
    return session


@transaction.atomic
def checkout_close(*, payment):
    """Close the payment's open Checkout Session, so nobody can pay it any more (e.g. staff waived the fee).

    The payment becomes expired. PaymentStateError when it is paid or its session was completed (the money is
    on its way: refund it once Stripe confirms); nothing to do without an open session.
    """
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.is_paid:
        raise PaymentStateError(_("This has already been paid; it cannot be paid again."))
    if payment.status != Status.PENDING or not payment.stripe_checkout_session_id:
        return payment
    try:
        _close_previous_session(stripe_client(), payment)
    except stripe.StripeError as error:
        raise PaymentError(
            _("Stripe could not close the checkout: %(message)s") % {"message": error.user_message}
        ) from error
    payment.set_status(Status.EXPIRED, by=None, note=f"checkout {payment.stripe_checkout_session_id} closed")
    return payment


def _apply_refunded_total(payment, amount_refunded_minor, *, note, by=None):
    """Raise the refunded total to ``amount_refunded_minor`` (never lower it) and set the status."""
    if amount_refunded_minor <= payment.amount_refunded_minor:
        return
    if amount_refunded_minor > payment.amount_minor:
        raise PaymentError(_("Stripe reports more refunded than was paid."))
    payment.amount_refunded_minor = amount_refunded_minor
    payment.save(update_fields=["amount_refunded_minor", "updated_at"])
    new_status = Status.REFUNDED if amount_refunded_minor == payment.amount_minor else Status.PARTIALLY_REFUNDED
    if new_status != payment.status:
        payment.set_status(new_status, by=by, note=note)
    payment_refunded.send(sender=Payment, payment=payment, amount_refunded_minor=amount_refunded_minor)


REFUNDED = "payments.refund"


@transaction.atomic
def refund_create(*, payment, amount_minor, by, reason=""):
    """Refund part or all of a paid payment through Stripe's Refund API.

    Refuses more than the refundable remainder. The idempotency key
    ``payment-<pk>-refund-<n>`` (n = this payment's n-th refund) makes a retry after a lost
    response return the same refund instead of refunding twice.
    """
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    amount_minor = int(amount_minor)
    if payment.status not in (Status.PAID, Status.PARTIALLY_REFUNDED):
        raise PaymentStateError(_("Only a paid payment can be refunded."))
    if amount_minor < 1:
        raise PaymentError(_("The refund must be greater than zero."))
    if amount_minor > payment.refundable_minor:
        raise PaymentError(
            _("The refund (%(amount)s) is larger than what can still be refunded (%(remaining)s).")
            % {
                "amount": format_minor(amount_minor, payment.currency),
                "remaining": format_minor(payment.refundable_minor, payment.currency),
            }
        )
    if not payment.stripe_payment_intent_id:
        raise PaymentError(_("Stripe has not confirmed this payment yet, so it cannot be refunded."))
    sequence = payment.refunds.count() + 1
    try:
        stripe_refund = stripe_client().v1.refunds.create(
            {
                "payment_intent": payment.stripe_payment_intent_id,
                "amount": amount_minor,
                "metadata": {"payment_id": str(payment.pk)},
            },
            {"idempotency_key": f"payment-{payment.pk}-refund-{sequence}"},
        )
    except stripe.StripeError as error:
        raise PaymentError(_("Stripe refused the refund: %(message)s") % {"message": error.user_message}) from error
    refund = Refund.objects.create(
        payment=payment, stripe_refund_id=stripe_refund.id, amount_minor=amount_minor, reason=reason, created_by=by
    )
    _apply_refunded_total(
        payment, payment.amount_refunded_minor + amount_minor, note=f"refund {stripe_refund.id} by {by}", by=by
    )
    audit.record(payment, REFUNDED, by=by, amount=format_minor(amount_minor, payment.currency), reason=reason)
    return refund


# Stripe's own default: a signature older than five minutes is a replay. The same bound applies to the
# future, for a sender whose clock is ahead (Stripe's library only checks the past).
WEBHOOK_TOLERANCE_SECONDS = 300


def _signed_at(signature):
    for item in signature.split(","):
        key, _sep, value = item.strip().partition("=")
        if key == "t":
            return int(value)
    raise InvalidWebhook("no timestamp in the signature header")


def _verified_event_body(payload, signature):
    """The event of a verified webhook as a dict with a string ``id`` and ``type``, or ``InvalidWebhook``."""
    try:
        stripe.WebhookSignature.verify_header(
            payload, signature, settings.STRIPE_WEBHOOK_SECRET, tolerance=WEBHOOK_TOLERANCE_SECONDS
        )
    except (stripe.SignatureVerificationError, ValueError) as error:
        raise InvalidWebhook(f"signature: {error}") from error
    if _signed_at(signature) > time.time() + WEBHOOK_TOLERANCE_SECONDS:
        raise InvalidWebhook("signature timestamp is in the future")
    try:
        body = json.loads(payload)
    except ValueError as error:
        raise InvalidWebhook("body is not JSON") from error
    if not isinstance(body, dict) or body.get("object") != "event":
        raise InvalidWebhook("body is not a Stripe event object")
    if not all(isinstance(body.get(key), str) and body[key] for key in ("id", "type")):
        raise InvalidWebhook("event has no id or type")
    if not isinstance(body.get("data"), dict) or not isinstance(body["data"].get("object"), dict):
        raise InvalidWebhook("event has no data object")
    return body


def webhook_event_record(*, payload, signature):
    """Verify a webhook on its raw body and store the event once.

    Returns ``(event, created)``. Raises ``InvalidWebhook`` for a bad, missing, old or future signature
    and for a body that is not a Stripe event (``[]``, ``null``, an event without id, type or data):
    the view answers 400 and logs the reason.
    """
    body = _verified_event_body(payload, signature)
    try:
        with transaction.atomic():
            event, created = StripeEvent.objects.get_or_create(
                stripe_id=body["id"], defaults={"type": body["type"], "payload": body}
            )
    except IntegrityError:  # the same event arriving twice at the same moment
        event, created = StripeEvent.objects.get(stripe_id=body["id"]), False
    return event, created


class _Waiting(Exception):
    """The event depends on one that has not arrived; it is kept and replayed later."""

    def __init__(self, waiting_for):
        super().__init__(waiting_for)
        self.waiting_for = waiting_for


def _locked_payment(**lookup):
    return Payment.objects.select_for_update().filter(**lookup).first()


def _payment_for_session(session):
    """Our payment for a Checkout Session: by its id, else by our client_reference_id."""
    payment = _locked_payment(stripe_checkout_session_id=session.get("id") or "-")
    reference = session.get("client_reference_id") or ""
    if payment is None and reference.startswith("payment-") and reference[8:].isdigit():
        payment = _locked_payment(pk=int(reference[8:]))
    return payment


def _check_amount(payment, session):
    amount, currency = session.get("amount_total"), (session.get("currency") or "").upper()
    if amount is not None and (amount != payment.amount_minor or currency != payment.currency):
        raise PaymentError(
            _("Stripe reports %(amount)s %(currency)s for payment %(pk)s, which expects %(expected)s.")
            % {"amount": amount, "currency": currency, "pk": payment.pk, "expected": payment.amount_display}
        )


def _mark_paid(payment, session, *, note):
    """Fulfil once: the first paid event moves the payment to paid and sends payment_succeeded."""
    if payment.is_paid:
        return
    _check_amount(payment, session)
    payment.stripe_checkout_session_id = session.get("id") or payment.stripe_checkout_session_id
    payment.save(update_fields=["stripe_checkout_session_id", "updated_at"])
    payment.set_status(Status.PAID, by=None, note=note)
    payment_succeeded.send(sender=Payment, payment=payment)


def _record_payment_intent(payment, payment_intent_id):
    if payment_intent_id and payment.stripe_payment_intent_id != payment_intent_id:
        payment.stripe_payment_intent_id = payment_intent_id
        payment.save(update_fields=["stripe_payment_intent_id", "updated_at"])


def _replay_waiting(payment_intent_id):
    """Process the events that were waiting for this PaymentIntent to be known."""
    # skip_locked: an event another worker is processing right now is finished by that worker
    # (it waits for this payment's lock), and the two never wait for each other.
    for waiting in StripeEvent.objects.select_for_update(skip_locked=True).filter(
        status=StripeEvent.Status.WAITING, waiting_for=payment_intent_id
    ):
        _process_locked(waiting)


def _on_session_completed(session, event):
    payment = _payment_for_session(session)
    if payment is None:
        return StripeEvent.Status.IGNORED
    _record_payment_intent(payment, session.get("payment_intent"))
    if session.get("payment_status") in ("paid", "no_payment_required"):
        _mark_paid(payment, session, note=f"{event.type} {event.stripe_id}")
    if payment.stripe_payment_intent_id:
        _replay_waiting(payment.stripe_payment_intent_id)
    return StripeEvent.Status.PROCESSED


def _on_session_failed(session, event):
    payment = _payment_for_session(session)
    if payment is None:
        return StripeEvent.Status.IGNORED
    _record_payment_intent(payment, session.get("payment_intent"))
    if payment.status == Status.PENDING and payment.stripe_checkout_session_id == session.get("id"):
        payment.set_status(Status.FAILED, by=None, note=f"{event.type} {event.stripe_id}")
    return StripeEvent.Status.PROCESSED


def _on_session_expired(session, event):
    payment = _payment_for_session(session)
    if payment is None:
        return StripeEvent.Status.IGNORED
    # Only the current attempt expires the payment; an older, replaced session does not.
    if payment.status == Status.PENDING and payment.stripe_checkout_session_id == session.get("id"):
        payment.set_status(Status.EXPIRED, by=None, note=f"{event.type} {event.stripe_id}")
    return StripeEvent.Status.PROCESSED


def _payment_for_payment_intent(payment_intent_id):
    """Our payment for a PaymentIntent; asks Stripe which Checkout Session made it when we don't know yet."""
    payment = _locked_payment(stripe_payment_intent_id=payment_intent_id)
    if payment is not None:
        return payment
    sessions = stripe_client().v1.checkout.sessions.list({"payment_intent": payment_intent_id, "limit": 1})
    for session in (listed.to_dict() for listed in sessions.data):
        payment = _payment_for_session(session)
        if payment is not None:
            _record_payment_intent(payment, payment_intent_id)
            if session.get("payment_status") == "paid":
                _mark_paid(payment, session, note=f"re-fetched {session['id']}")
            return payment
    return None


def _on_charge_refunded(charge, event):
    payment_intent_id = charge.get("payment_intent")
    if not payment_intent_id:
        return StripeEvent.Status.IGNORED
    payment = _payment_for_payment_intent(payment_intent_id)
    if payment is None or not payment.is_paid:
        # The refund overtook the checkout.session.completed event: keep it until that arrives.
        raise _Waiting(payment_intent_id)
    if (charge.get("currency") or "").upper() != payment.currency:
        raise PaymentError(_("The refunded charge is not in the payment's currency."))
    _apply_refunded_total(payment, int(charge.get("amount_refunded") or 0), note=f"{event.type} {event.stripe_id}")
    return StripeEvent.Status.PROCESSED


HANDLERS = {
    "checkout.session.completed": _on_session_completed,
    "checkout.session.async_payment_succeeded": _on_session_completed,
    "checkout.session.async_payment_failed": _on_session_failed,
    "checkout.session.expired": _on_session_expired,
    "charge.refunded": _on_charge_refunded,
}


def _process_locked(event):
    handler = HANDLERS.get(event.type)
    error = ""
    waiting_for = ""
    if handler is None:
        status = StripeEvent.Status.IGNORED
    else:
        try:
            with transaction.atomic():
                status = handler(event.data_object, event)
        except _Waiting as waiting:
            status, waiting_for = StripeEvent.Status.WAITING, waiting.waiting_for
        except (PaymentError, stripe.StripeError) as failure:
            logger.warning("Stripe event %s failed: %s", event.stripe_id, failure)
            status, error = StripeEvent.Status.FAILED, str(failure)
    event.status, event.waiting_for, event.error = status, waiting_for, error
    done = status in (StripeEvent.Status.PROCESSED, StripeEvent.Status.IGNORED)
    event.processed_at = timezone.now() if done else None
    event.save(update_fields=["status", "waiting_for", "error", "processed_at"])
    return event


@transaction.atomic
def webhook_event_process(*, event_id):
    """Process one stored event in a transaction; processed or ignored events are left alone."""
    event = StripeEvent.objects.select_for_update().get(pk=event_id)
    if event.status in (StripeEvent.Status.PROCESSED, StripeEvent.Status.IGNORED):
        return event
    return _process_locked(event)
