"""Receivers of the payments signals: what fulfilment needs to know of an order's payment.

The order does not copy the payment's status (pages read it from the payment); the receivers only e-mail
on payment and close the order on a full refund.
"""

from django.dispatch import receiver

from payments.models import Payment
from payments.signals import payment_refunded, payment_succeeded

from . import services as order_services


@receiver(payment_succeeded)
def sample_order_payment_succeeded(sender, payment, **kwargs):
    """Stripe confirmed the payment of a sample order (sent once per payment, inside its transaction)."""
    if payment.purpose == Payment.Purpose.SAMPLE_ORDER:
        order_services.order_payment_received(payment=payment)


@receiver(payment_refunded)
def sample_order_payment_refunded(sender, payment, **kwargs):
    """The refunded total grew; a full refund cancels the order."""
    if payment.purpose == Payment.Purpose.SAMPLE_ORDER:
        order_services.order_payment_refunded(payment=payment)
