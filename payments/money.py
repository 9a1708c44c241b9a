"""Prices as a buyer reads them while browsing: converted from TWD into the buyer's currency at the
staff-managed exchange rate, marked approximate, with the TWD price beside.

The currency follows the interface language (``currencies.LANGUAGE_CURRENCY``) unless the buyer picked
another one (the ``currency`` cookie, set by ``views.currency_choose``). Without a rate for that currency,
prices show in TWD only. The rates are read once per request.

A price as a listing shows it (``price_html``) is a function of the amount, the buyer's currency and rate and
the active language only; a process keeps each one it worked out (``portal.versioned.Kept``) by exactly those,
so a card or a price table pays the conversion and the number formatting once per amount, and a new rate or
another language is another key.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import translation
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext

from portal.versioned import Kept

from .currencies import Currency, convert_twd, currency_for_language, from_minor
from .models import ExchangeRate

CURRENCY_COOKIE = "currency"
_REQUEST_CACHE = "_buyer_currency"
_CODES = frozenset(Currency.values)


@dataclass(frozen=True)
class BuyerCurrency:
    code: str
    twd_per_unit: Decimal | None = None
    rate_date: datetime.date | None = None

    @property
    def converts(self):
        """False when prices stay in TWD (the buyer reads TWD, or there is no rate for their currency)."""
        return self.twd_per_unit is not None

    def amount(self, amount_twd):
        """The TWD amount in this currency, in its major unit (Decimal), or None when nothing converts."""
        if not self.converts or amount_twd is None:
            return None
        return from_minor(convert_twd(amount_twd, self.code, twd_per_unit=self.twd_per_unit), self.code)

    def display(self, amount_twd):
        """Plain text: "≈ THB 444" when converting, else "TWD 400" (facet and filter labels)."""
        converted = self.amount(amount_twd)
        if converted is None:
            return twd_text(amount_twd)
        return "≈ " + amount_text(converted, self.code)


def shown_number(amount):
    """Whole units from 100 up (an approximate price needs no cents), two decimals below, in the active
    language's number format."""
    amount = Decimal(str(amount))
    places = Decimal(1) if amount >= 100 else Decimal("0.01")
    value = amount.quantize(places, rounding=ROUND_HALF_UP)
    return number_format(value, decimal_pos=0 if places == 1 else 2, use_l10n=True, force_grouping=True)


def amount_text(amount, code):
    return gettext("%(currency)s %(amount)s") % {"currency": code, "amount": shown_number(amount)}


def twd_text(amount_twd):
    return gettext("TWD %(amount)s") % {"amount": shown_number(amount_twd)}


def chosen_currency(request):
    """The buyer's currency code: a valid ``currency`` cookie, else the one of the interface language."""
    picked = (request.COOKIES.get(CURRENCY_COOKIE, "") if request is not None else "").upper()
    return picked if picked in _CODES else currency_for_language(translation.get_language())


def buyer_currency(request):
    """The buyer's currency and its rate, looked up once per request."""
    cached = getattr(request, _REQUEST_CACHE, None) if request is not None else None
    code = chosen_currency(request)
    if cached is not None and cached.code == code:
        return cached
    result = BuyerCurrency(code)
    if code != Currency.TWD:
        rate = ExchangeRate.objects.filter(currency=code).only("twd_per_unit", "updated_at").first()
        if rate is not None:
            result = BuyerCurrency(code, rate.twd_per_unit, rate.updated_at.date())
    if request is not None:
        setattr(request, _REQUEST_CACHE, result)
    return result


def _price_html(currency, amount_twd):
    converted = currency.amount(amount_twd)
    if converted is None:
        return format_html('<span class="price">{}</span>', twd_text(amount_twd))
    return format_html(
        '<span class="price"><span class="price__buyer">≈ {}</span> <span class="price__twd">({})</span></span>',
        amount_text(converted, currency.code),
        twd_text(amount_twd),
    )


def price_html(currency, amount_twd):
    """A TWD price as the buyer reads it: "≈ THB 444 (TWD 400)", or "TWD 400" when nothing converts (markup of
    ``{% buyer_price %}``); "" for no amount."""
    if amount_twd is None:
        return ""
    key = (currency, Decimal(str(amount_twd)), translation.get_language())
    return PRICES.get(key, lambda: _price_html(currency, amount_twd))


PRICES = Kept("prices", limit=20_000)
