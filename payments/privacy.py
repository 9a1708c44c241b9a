"""Payments (``portal.personal_data``): accounting records kept without the customer's e-mail address."""

from portal import personal_data

from .models import Payment


def _payments(subject):
    return Payment.objects.filter(customer_email__iexact=subject.email)


def export(subject):
    records = [
        {
            "description": payment.description,
            "amount_minor": payment.amount_minor,
            "currency": payment.currency,
            "refunded_minor": payment.amount_refunded_minor,
            "status": payment.status,
            "created_at": payment.created_at,
            "paid_at": payment.paid_at,
        }
        for payment in _payments(subject).order_by("pk")
    ]
    return personal_data.Section(records=records)


def erase(subject):
    return {"erased": 0, "kept": _payments(subject).update(customer_email="")}


HOLDER = personal_data.Holder(name="payments", export=export, erase=erase)
