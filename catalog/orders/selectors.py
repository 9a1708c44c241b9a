"""Reads for sample orders: which products can be ordered as samples, quotes, and orders by secret link."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from catalog.showcase.models import Product
from payments.currencies import format_minor
from payments.models import Payment
from payments.selectors import paid_object_ids, payment_for, twd_to_minor

from .models import SampleOrder, SampleOrderItem


def sample_limit(product):
    """How many samples of ``product`` one order may hold; a missing limit means one."""
    return product.sample_limit or 1


def sample_products():
    """Public products (live, of a verified supplier) that offer samples at a price above zero."""
    return (
        Product.objects.public()
        .filter(sample_available=True, sample_price_twd__gt=0)
        .select_related("company")
        .order_by("pk")
    )


def sample_product(pk):
    """The public product ``pk`` when it offers samples, else None."""
    return sample_products().filter(pk=pk).first()


def is_sample_orderable(product):
    return bool(product.live and product.sample_available and product.sample_price_twd and product.sample_price_twd > 0)


def quote(*, lines, currency):
    """Price ``[(product, quantity)]`` in ``currency``: ``(unit amounts, total)`` in minor units.

    Each unit price is converted on its own (Stripe line items carry a unit amount), so the total
    is exactly what Stripe charges. Raises UnsupportedCurrency or ExchangeRateMissing.
    """
    units = [twd_to_minor(product.sample_price_twd, currency) for product, _quantity in lines]
    total = sum(unit * quantity for unit, (_product, quantity) in zip(units, lines, strict=True))
    return units, total


def order_by_token(token):
    """The order behind a buyer's secret link, with its items, or None."""
    if not token:
        return None
    return (
        SampleOrder.objects.with_payment()
        .select_related("company")
        .prefetch_related(Prefetch("items", queryset=SampleOrderItem.objects.order_by("pk")))
        .filter(token=token)
        .first()
    )


def order_by_checkout_key(checkout_key, *, company_id):
    """The order of supplier ``company_id`` that a checkout form already placed (its key came with the
    reviewed total), or None: another supplier's order is never found through this supplier's checkout."""
    if not checkout_key:
        return None
    return SampleOrder.objects.filter(checkout_key=checkout_key, company_id=company_id).first()


def order_payment(order):
    """The Stripe payment of an order (None before the first checkout)."""
    return payment_for(order, purpose=Payment.Purpose.SAMPLE_ORDER)


def order_for_payment(payment):
    """The sample order a payment is for, or None for another purpose."""
    if payment.purpose != Payment.Purpose.SAMPLE_ORDER:
        return None
    if payment.content_type.model_class() is not SampleOrder:
        return None
    return SampleOrder.objects.filter(pk=payment.object_id).first()


def _orders_with_items():
    items = SampleOrderItem.objects.order_by("pk")
    return (
        SampleOrder.objects.with_payment()
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("-created_at", "-pk")
    )


def company_orders(*, company, state=""):
    """The company's sample orders with their payments' facts, newest first, optionally in one
    ``SampleOrder.State`` (unpaid ones included)."""
    orders = _orders_with_items().filter(company=company)
    return orders.in_state(state) if state else orders


def company_order(*, company, pk) -> SampleOrder:
    """One of the company's sample orders, or 404 (other companies' orders are never revealed)."""
    return get_object_or_404(_orders_with_items().filter(company=company), pk=pk)


def order_payment_details(*, order):
    """The order's Stripe payment and the refunds staff issued on it.

    ``(payment or None, [{"created_at", "amount_display"}])``; the reasons stay with staff.
    """
    payment = order_payment(order)
    if payment is None:
        return None, []
    refunds = [
        {"created_at": refund.created_at, "amount_display": format_minor(refund.amount_minor, payment.currency)}
        for refund in payment.refunds.order_by("created_at", "pk")
    ]
    return payment, refunds


# Reports (read by the ``reports`` app) ----------------------------------------------------------


def sample_order_ids(*, companies):
    """The pks of the sample orders placed with ``companies`` (a subquery for the payments' summary)."""
    return SampleOrder.objects.filter(company__in=companies).values("pk")


def companies_with_paid_samples(*, company_ids, start=None, end=None):
    """Pks among ``company_ids`` of the suppliers with a sample order paid in [start, end)."""
    paid = paid_object_ids(
        model=SampleOrder,
        purpose=Payment.Purpose.SAMPLE_ORDER,
        object_ids=SampleOrder.objects.filter(company__in=company_ids).values("pk"),
        start=start,
        end=end,
    )
    return set(SampleOrder.objects.filter(pk__in=paid).values_list("company_id", flat=True))
