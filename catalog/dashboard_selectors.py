"""Permission-scoped reads for the supplier dashboard: a member only reaches their own companies' data."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from payments.currencies import format_minor
from portal.companies.selectors import company_for_member

from .models import Certificate, Product, SampleOrder, SampleOrderItem
from .order_selectors import order_payment


def dashboard_company(*, user, company_id):
    """One of the user's companies, or 404."""
    return company_for_member(user=user, pk=company_id)


def company_products(*, company):
    """The company's products, newest first, with what the list needs to show their state."""
    return Product.objects.for_company(company).select_related("category").order_by("-updated_at")


def company_product(*, company, pk) -> Product:
    """One of the company's products, or 404 (products of other companies are never revealed)."""
    return get_object_or_404(Product.objects.for_company(company), pk=pk)


def company_certificates(*, company):
    return Certificate.objects.for_company(company).order_by("valid_until")


def company_certificate(*, company, pk) -> Certificate:
    return get_object_or_404(Certificate.objects.for_company(company), pk=pk)


def _orders_with_items():
    items = SampleOrderItem.objects.order_by("pk")
    return SampleOrder.objects.prefetch_related(Prefetch("items", queryset=items)).order_by("-created_at", "-pk")


def company_orders(*, company, status=""):
    """The company's sample orders, newest first, optionally of one status (pending ones included)."""
    orders = _orders_with_items().filter(company=company)
    return orders.filter(status=status) if status else orders


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
