"""Reads for the payments app."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from .currencies import Currency, check_currency, convert_twd
from .errors import ExchangeRateMissing
from .models import ExchangeRate, Payment


def twd_to_minor(amount_twd, currency):
    """A TWD price → minor units of ``currency`` at the staff-managed rate (half up, Stripe's rules)."""
    code = check_currency(currency)
    if code == Currency.TWD:
        return convert_twd(amount_twd, code, twd_per_unit=1)
    rate = ExchangeRate.objects.filter(currency=code).values_list("twd_per_unit", flat=True).first()
    if rate is None:
        raise ExchangeRateMissing(
            _("There is no exchange rate for %(currency)s yet; staff enter it in the admin.") % {"currency": code}
        )
    return convert_twd(amount_twd, code, twd_per_unit=rate)


def payment_for(obj, *, purpose):
    """The payment attached to ``obj`` for ``purpose``, or None."""
    content_type = ContentType.objects.get_for_model(obj)
    return Payment.objects.filter(purpose=purpose, content_type=content_type, object_id=obj.pk).first()


def payments_of(model, *, purpose):
    """The payments of ``purpose`` attached to rows of ``model``, tied to the outer row (``OuterRef("pk")``).

    The base of a ``Subquery``: a list of orders, fees… is annotated with its payments' facts in the same
    query, so that a listing never asks for a payment per row.
    """
    return Payment.objects.filter(
        purpose=purpose, content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    )


def payment_annotations(model, *, purpose, fields, prefix="payment_"):
    """``{prefix + field: Subquery(...)}`` for ``queryset.annotate(**...)``: each row's payment's ``fields``
    (None when the row has no payment yet)."""
    payments = payments_of(model, purpose=purpose)
    return {f"{prefix}{field}": Subquery(payments.values(field)[:1]) for field in fields}
