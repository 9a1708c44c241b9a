"""Prices in the buyer's currency for any page that shows TWD prices, and the currency picker."""

from django import template
from django.urls import reverse

from ..currencies import Currency
from ..money import buyer_currency, price_html, twd_text

register = template.Library()


@register.simple_tag(takes_context=True)
def buyer_price(context, amount_twd):
    """``{% buyer_price product.price_twd %}``: "≈ THB 444 (TWD 400)", or "TWD 400" when nothing converts."""
    if amount_twd is None:
        return ""
    return price_html(buyer_currency(context.get("request")), amount_twd)


@register.filter
def twd(amount_twd):
    """``{{ program.fee|twd }}``: an amount in TWD as the reader's language writes it, "新臺幣 1,500 元"."""
    return "" if amount_twd is None else twd_text(amount_twd)


@register.inclusion_tag("payments/currency_note.html", takes_context=True)
def buyer_currency_note(context):
    """Which currency prices are shown in, that they are approximate and the date of the rate used."""
    return {"currency": buyer_currency(context.get("request"))}


@register.inclusion_tag("payments/currency_picker.html", takes_context=True)
def currency_picker(context):
    """A plain form (no JavaScript) that sets the browsing currency and comes back to this page."""
    request = context.get("request")
    return {
        "action": reverse("payments:currency_choose"),
        "next": request.get_full_path() if request is not None else "/",
        "chosen": buyer_currency(request).code,
        "choices": Currency.choices,
        "csrf_token": context.get("csrf_token"),
    }
