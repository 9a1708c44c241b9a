"""Permission-scoped reads for the supplier dashboard: a member only reaches their own companies' data."""

from django.shortcuts import get_object_or_404

from portal.companies.selectors import company_for_member

from .models import Certificate, Product


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
