"""Prices in the buyer's currency for any page that shows TWD prices, and the currency picker."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..currencies import Currency
from ..money import buyer_currency

register = template.Library()


def _shown(amount):
    """Whole units from 100 up (an approximate price needs no cents), two decimals below."""
    places = Decimal(1) if amount >= 100 else Decimal("0.01")
    value = amount.quantize(places, rounding=ROUND_HALF_UP)
    return number_format(value, decimal_pos=0 if places == 1 else 2, use_l10n=True, force_grouping=True)


def twd(amount_twd):
    return _("TWD %(amount)s") % {"amount": _shown(Decimal(str(amount_twd)))}


@register.simple_tag(takes_context=True)
def buyer_price(context, amount_twd):
    """``{% buyer_price product.price_twd %}``: "≈ THB 444 (TWD 400)", or "TWD 400" when nothing converts."""
    if amount_twd is None:
        return ""
    currency = buyer_currency(context.get("request"))
    converted = currency.amount(amount_twd)
    if converted is None:
        return format_html('<span class="price">{}</span>', twd(amount_twd))
    return format_html(
        '<span class="price"><span class="price__buyer">≈ {}</span> <span class="price__twd">({})</span></span>',
        _("%(currency)s %(amount)s") % {"currency": currency.code, "amount": _shown(converted)},
        twd(amount_twd),
    )


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
