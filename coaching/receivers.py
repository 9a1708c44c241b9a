"""Coaching listens to payments: a paid program fee enrols the company, a refund is noted for staff."""

from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver

from payments.models import Payment
from payments.signals import payment_refunded, payment_succeeded

from . import services
from .models import Application


def _program_fee(payment):
    """True for a program-fee payment attached to an application."""
    return payment.purpose == Payment.Purpose.PROGRAM_FEE and payment.content_type_id == (
        ContentType.objects.get_for_model(Application).pk
    )


@receiver(payment_succeeded, dispatch_uid="coaching_program_fee_paid")
def program_fee_paid(sender, payment, **kwargs):
    if _program_fee(payment):
        services.program_fee_paid(application_id=payment.object_id, paid_at=payment.paid_at)


@receiver(payment_refunded, dispatch_uid="coaching_program_fee_refunded")
def program_fee_refunded(sender, payment, amount_refunded_minor, **kwargs):
    if _program_fee(payment):
        services.program_fee_refunded(
            application_id=payment.object_id,
            amount_refunded_minor=amount_refunded_minor,
            amount_minor=payment.amount_minor,
            currency=payment.currency,
        )
