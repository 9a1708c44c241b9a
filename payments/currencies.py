"""Currencies the storefront charges in, and Stripe's rules for their amounts.

Stripe expects every amount as an integer in the currency's *minor unit*
(docs.stripe.com/currencies, "Specify amounts in API requests"):

* two-decimal currencies (THB, MYR, SGD, IDR, PHP, USD, TWD): 10.50 → ``1050``;
* zero-decimal currencies (VND among ours): 50000 VND → ``50000``, no multiplication.

Special cases from the same page that concern us:

* TWD — "Stripe treats TWD as a zero-decimal currency for payouts, even though you can
  charge two-decimal amounts"; payouts must be evenly divisible by 100.
* IDR — two-decimal in the API (ISO 4217 exponent 2), but the rupiah has no circulating
  subunit.

So TWD and IDR are sent with exponent 2, and we charge them in whole units only
(amounts always end in ``00``): what a buyer pays, what we refund and what is paid
out then agree to the unit. Conversions round half up, explicitly, in ``Decimal``.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.markets import Market

from .errors import PaymentError, UnsupportedCurrency


class Currency(models.TextChoices):
    TWD = "TWD", gettext_lazy("New Taiwan dollar (TWD)")
    USD = "USD", gettext_lazy("US dollar (USD)")
    THB = "THB", gettext_lazy("Thai baht (THB)")
    MYR = "MYR", gettext_lazy("Malaysian ringgit (MYR)")
    SGD = "SGD", gettext_lazy("Singapore dollar (SGD)")
    IDR = "IDR", gettext_lazy("Indonesian rupiah (IDR)")
    VND = "VND", gettext_lazy("Vietnamese dong (VND)")
    PHP = "PHP", gettext_lazy("Philippine peso (PHP)")


# Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal).
STRIPE_ZERO_DECIMAL = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"}
)
# Two-decimal in Stripe's API, charged in whole units here (see the module docstring).
WHOLE_UNITS_ONLY = frozenset({"TWD", "IDR"})
# Read for every price a page converts: ``Currency.values`` builds a new list on each read.
SUPPORTED = frozenset(Currency.values)

COUNTRY_CURRENCY = {
    Market.THAILAND: Currency.THB,
    Market.MALAYSIA: Currency.MYR,
    Market.SINGAPORE: Currency.SGD,
    Market.INDONESIA: Currency.IDR,
    Market.VIETNAM: Currency.VND,
    Market.PHILIPPINES: Currency.PHP,
    Market.TAIWAN: Currency.TWD,
}


# The currency a reader of each interface language sees prices in while browsing (a picker overrides it).
LANGUAGE_CURRENCY = {
    "zh-hant": Currency.TWD,
    "en": Currency.USD,
    "th": Currency.THB,
    "ms": Currency.MYR,
    "id": Currency.IDR,
    "vi": Currency.VND,
}


def currency_for_language(language):
    """The browsing currency for an interface language; US dollars for any other language."""
    return LANGUAGE_CURRENCY.get(language, Currency.USD)


def check_currency(currency):
    """The upper-case code of a supported currency, or UnsupportedCurrency."""
    code = str(currency or "").upper()
    if code not in SUPPORTED:
        raise UnsupportedCurrency(
            _("Payments in “%(currency)s” are not supported. Choose one of: %(supported)s.")
            % {"currency": currency, "supported": ", ".join(Currency.values)}
        )
    return code


def currency_for_country(country):
    """The buyer's default currency for an ISO country code; US dollars for any other country."""
    return COUNTRY_CURRENCY.get(str(country or "").upper(), Currency.USD)


def minor_exponent(currency):
    """How many decimal places Stripe's minor unit has: 0 for zero-decimal currencies, else 2."""
    return 0 if check_currency(currency) in STRIPE_ZERO_DECIMAL else 2


def charge_step(currency):
    """The smallest amount we charge, in major units: 1 for VND, TWD and IDR, 0.01 otherwise."""
    code = check_currency(currency)
    return Decimal(1) if code in WHOLE_UNITS_ONLY or minor_exponent(code) == 0 else Decimal("0.01")


def to_minor(amount, currency, *, exact=False):
    """Major units (Decimal or str) → Stripe's integer minor units.

    Rounds half up to the charge step; with ``exact=True`` an amount finer than the step
    (e.g. 10.5 TWD, 0.001 USD) raises PaymentError instead of being rounded.
    """
    code = check_currency(currency)
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise PaymentError(_("“%(amount)s” is not an amount.") % {"amount": amount}) from None
    if not value.is_finite():
        raise PaymentError(_("“%(amount)s” is not an amount.") % {"amount": amount})
    step = charge_step(code)
    rounded = value.quantize(step, rounding=ROUND_HALF_UP)
    if exact and rounded != value:
        raise PaymentError(
            _("Amounts in %(currency)s must be multiples of %(step)s.") % {"currency": code, "step": step}
        )
    return int(rounded.scaleb(minor_exponent(code)))


def from_minor(amount_minor, currency):
    """Stripe's integer minor units → a Decimal in major units (exact)."""
    exponent = minor_exponent(currency)
    return Decimal(int(amount_minor)).scaleb(-exponent).quantize(Decimal(1).scaleb(-exponent))


def convert_twd(amount_twd, currency, *, twd_per_unit):
    """A TWD amount → minor units of ``currency`` at ``twd_per_unit`` TWD for one unit (half up)."""
    code = check_currency(currency)
    amount = Decimal(str(amount_twd))
    if code == Currency.TWD:
        return to_minor(amount, code)
    rate = Decimal(str(twd_per_unit))
    if rate <= 0:
        raise PaymentError(_("An exchange rate must be greater than zero."))
    return to_minor(amount / rate, code)


def format_minor(amount_minor, currency):
    """'1,234.50 THB' — for admin listings and exports."""
    exponent = minor_exponent(currency)
    return f"{from_minor(amount_minor, currency):,.{exponent}f} {currency}"
