"""Template helpers of the showcase: per-language text, product and supplier addresses."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def tr(obj, field):
    """``{{ category|tr:"name" }}``: the field in the active language, falling back to English, then Chinese."""
    return obj.translated(field)


@register.simple_tag
def product_url(page, product):
    """The product's address under the showcase ``page``."""
    return page.url + page.reverse_subpage("product", kwargs={"pk": product.pk, "slug": product.slug})


@register.simple_tag
def showcase_url(page, route, **kwargs):
    """Any other route of the showcase ``page`` (landing_view, category_view, supplier, …)."""
    return page.url + page.reverse_subpage(route, kwargs=kwargs)


@register.filter
def company_name(company):
    """The company's name for the active language (English for non-Chinese readers when there is one)."""
    return company.display_name(get_language())
