"""Template helpers of requests for quotation: amounts in a chosen currency and the supplier
dashboard's count of open requests (loaded by the showcase's templates without a Python import)."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from payments.money import amount_text

from .. import selectors

register = template.Library()


@register.simple_tag
def money(amount, code):
    """ "THB 1,234" in the active language's number format."""
    return amount_text(amount, code)


@register.filter
def exchange_rate(value):
    """A staff rate without its trailing zeros (0.9, 32.5, 10), in the active language's number format."""
    return number_format(Decimal(f"{Decimal(value).normalize():f}"), use_l10n=True)


@register.simple_tag
def open_request_counts(companies):
    """{company pk: open requests matched to it} for a list of companies (one query)."""
    return selectors.open_request_counts(companies=companies)


@register.filter
def count_for(counts, company):
    return counts.get(company.pk, 0)
