"""Template helpers of requests for quotation: amounts in a chosen currency and the supplier
dashboard's count of open requests (loaded by the showcase's templates without a Python import)."""

from django import template

from payments.money import amount_text

from .. import selectors

register = template.Library()


@register.simple_tag
def money(amount, code):
    """ "THB 1,234" in the active language's number format."""
    return amount_text(amount, code)


@register.simple_tag
def open_request_counts(companies):
    """{company pk: open requests matched to it} for a list of companies (one query)."""
    return selectors.open_request_counts(companies=companies)


@register.filter
def count_for(counts, company):
    return counts.get(company.pk, 0)
