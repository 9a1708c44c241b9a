"""Template helpers of the showcase: per-language text, product and supplier addresses."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from .. import cards

# The languages the product form asks suppliers to write image descriptions in.
ALT_TEXT_LANGUAGES = ("zh-hant", "en")

register = template.Library()


@register.filter
def tr(obj, field):
    """``{{ category|tr:"name" }}``: the field in the active language, falling back to English, then Chinese."""
    return obj.translated(field)


@register.simple_tag
def product_url(page, product):
    """The product's address under the showcase ``page``."""
    return page.url + page.reverse_subpage("product", kwargs={"pk": product.pk, "slug": product.slug})


@register.simple_tag(takes_context=True)
def product_cards(context, page, products):
    """``{% product_cards page products as cards %}``: the rendered card of each product (``cards``)."""
    return cards.product_cards(page, products, request=context.get("request"))


@register.simple_tag
def showcase_url(page, route, **kwargs):
    """Any other route of the showcase ``page`` (landing_view, category_view, supplier, …)."""
    return page.url + page.reverse_subpage(route, kwargs=kwargs)


@register.filter
def company_name(company):
    """The company's name for the active language (English for non-Chinese readers when there is one)."""
    return company.display_name(get_language())


@register.filter
def proper_name(name):
    """``{{ supplier|company_name|proper_name }}``: a company's registered name, marked ``translate="no"`` so that
    browsers' page translation leaves it alone and checks do not count it as untranslated text."""
    return format_html('<span translate="no">{}</span>', name)


@register.simple_tag
def gallery_alt(item, product, number, total):
    """A product picture's text alternative: the supplier's description for readers of the languages it is
    written in, else the product's name in the reader's language, numbered when there are several."""
    if (get_language() or "").lower() in ALT_TEXT_LANGUAGES and item.alt_text:
        return item.alt_text
    if total > 1:
        return gettext("%(name)s, picture %(number)d of %(total)d") % {
            "name": product.name,
            "number": number,
            "total": total,
        }
    return product.name
