"""Reads for the payments app."""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from .currencies import Currency, check_currency, convert_twd, from_minor
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


def _in_period(queryset, field, start, end):
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end is not None:
        queryset = queryset.filter(**{f"{field}__lt": end})
    return queryset


def payment_summary(*, model, purpose, object_ids, start=None, end=None):
    """Per currency, the payments of ``purpose`` attached to the ``model`` rows in ``object_ids`` (a queryset
    of pks) created in [start, end): how many, how many paid (also those refunded since) and refunded (in part
    or in full), the amounts paid, refunded and kept in that currency's major units and the kept amount in
    TWD at the staff-managed rate (None when the currency has no rate)."""
    payments = _in_period(
        Payment.objects.filter(
            purpose=purpose, content_type=ContentType.objects.get_for_model(model), object_id__in=object_ids
        ),
        "created_at",
        start,
        end,
    )
    paid = Q(status__in=Payment.PAID_STATUSES)
    rows = (
        payments.values("currency")
        .annotate(
            count=Count("pk"),
            paid=Count("pk", filter=paid),
            refunded=Count("pk", filter=Q(amount_refunded_minor__gt=0)),
            paid_minor=Coalesce(Sum("amount_minor", filter=paid), 0),
            refunded_minor=Coalesce(Sum("amount_refunded_minor"), 0),
        )
        .order_by("currency")
    )
    rates = twd_rates()
    summary = []
    for row in rows:
        currency = row["currency"]
        kept = from_minor(row["paid_minor"] - row["refunded_minor"], currency)
        rate = rates.get(currency)
        summary.append(
            {
                "currency": currency,
                "count": row["count"],
                "paid": row["paid"],
                "refunded": row["refunded"],
                "amount_paid": from_minor(row["paid_minor"], currency),
                "amount_refunded": from_minor(row["refunded_minor"], currency),
                "amount_kept": kept,
                "amount_kept_twd": (kept * rate).quantize(Decimal(1)) if rate is not None else None,
            }
        )
    return summary


def paid_object_ids(*, model, purpose, object_ids, start=None, end=None):
    """The pks among ``object_ids`` whose payment of ``purpose`` was paid in
    [start, end) — refunded later or not."""
    payments = Payment.objects.filter(
        purpose=purpose,
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=object_ids,
        paid_at__isnull=False,
    )
    return _in_period(payments, "paid_at", start, end).values("object_id")


def twd_rates():
    """{currency: TWD for one unit} from the staff-managed rates, TWD itself included."""
    rates = dict(ExchangeRate.objects.values_list("currency", "twd_per_unit"))
    rates[Currency.TWD] = Decimal(1)
    return rates


def total_in_twd(amounts, *, rates):
    """The sum in whole TWD of ``{currency: amount}`` at ``rates`` (``twd_rates()``); None when a currency has
    no rate (the total would be wrong), 0 for no amounts."""
    total = Decimal(0)
    for currency, amount in amounts.items():
        if currency not in rates:
            return None
        total += Decimal(amount) * rates[currency]
    return total.quantize(Decimal(1))


# Buyer prices are converted with the rates staff keep: one untouched this long is taken for stale.
EXCHANGE_RATE_STALE_AFTER = datetime.timedelta(days=7)


def stale_exchange_rates(*, now):
    """The rates not updated within EXCHANGE_RATE_STALE_AFTER before ``now``, oldest first."""
    return ExchangeRate.objects.filter(updated_at__lt=now - EXCHANGE_RATE_STALE_AFTER).order_by("updated_at")
