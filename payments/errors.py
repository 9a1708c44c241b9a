"""Domain exceptions of the payments app; their messages are shown to people as they are."""

from portal.status import StaleStatus, TransitionError


class PaymentError(Exception):
    """A payment action is not allowed or failed; the message explains why."""


class PaymentStateError(PaymentError, TransitionError):
    """A payment cannot move from its current status to the one asked for."""


class StalePayment(PaymentStateError, StaleStatus):
    """The payment's status changed in the database since it was read (lock it with select_for_update)."""


class UnsupportedCurrency(PaymentError):
    """The currency is not one the storefront charges in."""


class ExchangeRateMissing(PaymentError):
    """Staff have not entered an exchange rate for the currency yet."""


class PaymentsNotConfigured(PaymentError):
    """STRIPE_SECRET_KEY (or the webhook secret) is not set."""


class InvalidWebhook(ValueError):
    """A webhook the site refuses (400): bad or missing signature, a timestamp too old or in the future, or
    a body that is not a Stripe event. The message says which, for the log; callers never see it."""
