"""Receivers of the payments signals: a sample order follows the payment Stripe confirmed, refunded or closed."""

from django.dispatch import receiver

from payments.models import Payment
from payments.signals import payment_refunded, payment_status_changed, payment_succeeded

from . import services as order_services


@receiver(payment_succeeded)
def sample_order_payment_succeeded(sender, payment, **kwargs):
    """Stripe confirmed the payment of a sample order (sent once per payment, inside its transaction)."""
    if payment.purpose == Payment.Purpose.SAMPLE_ORDER:
        order_services.order_mark_paid(payment=payment)


@receiver(payment_refunded)
def sample_order_payment_refunded(sender, payment, amount_refunded_minor, **kwargs):
    if payment.purpose == Payment.Purpose.SAMPLE_ORDER:
        order_services.order_record_refund(payment=payment, amount_refunded_minor=amount_refunded_minor)


@receiver(payment_status_changed)
def sample_order_payment_status_changed(sender, payment, **kwargs):
    """A checkout failed or expired, or a new attempt reopened it: the unpaid order follows its payment."""
    if payment.purpose == Payment.Purpose.SAMPLE_ORDER:
        order_services.order_follow_payment_status(payment=payment)
