"""Payments taken through Stripe Checkout, the webhook events that confirm them, and exchange rates."""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from portal.status import StatusMachine

from .currencies import Currency, format_minor, from_minor
from .errors import PaymentStateError, StalePayment
from .signals import payment_status_changed


class Payment(StatusMachine, models.Model):
    """One thing a buyer or a company pays for (a sample order, a program fee), in one currency.

    What is paid for is a generic reference, so other apps attach payments without this app
    importing them; they hear about the outcome through the signals in ``payments.signals``.
    """

    class Purpose(models.TextChoices):
        SAMPLE_ORDER = "sample_order", gettext_lazy("Sample order")
        PROGRAM_FEE = "program_fee", gettext_lazy("Program fee")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("payment status", "Pending")
        PAID = "paid", gettext_lazy("Paid")
        FAILED = "failed", gettext_lazy("Failed")
        EXPIRED = "expired", gettext_lazy("Expired")
        PARTIALLY_REFUNDED = "partially_refunded", gettext_lazy("Partially refunded")
        REFUNDED = "refunded", gettext_lazy("Refunded")

    TRANSITIONS = {
        Status.PENDING: {Status.PAID, Status.FAILED, Status.EXPIRED},
        # A new checkout attempt reopens a failed or expired payment; money that arrives
        # late for an earlier attempt is never dropped.
        Status.FAILED: {Status.PENDING, Status.PAID},
        Status.EXPIRED: {Status.PENDING, Status.PAID},
        Status.PAID: {Status.PARTIALLY_REFUNDED, Status.REFUNDED},
        Status.PARTIALLY_REFUNDED: {Status.REFUNDED},
        Status.REFUNDED: set(),
    }
    PAID_STATUSES = (Status.PAID, Status.PARTIALLY_REFUNDED, Status.REFUNDED)
    transition_error = PaymentStateError
    stale_error = StalePayment
    transition_refused_message = gettext_lazy("A payment that is “%(current)s” cannot become “%(new)s”.")
    stale_message = gettext_lazy("This payment was changed in the meantime. Reload the page and try again.")

    purpose = models.CharField(gettext_lazy("purpose"), max_length=20, choices=Purpose.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    description = models.CharField(gettext_lazy("description"), max_length=255)
    amount_minor = models.PositiveBigIntegerField(
        gettext_lazy("amount (minor units)"), validators=[MinValueValidator(1)]
    )
    currency = models.CharField(gettext_lazy("currency"), max_length=3, choices=Currency.choices)
    amount_refunded_minor = models.PositiveBigIntegerField(gettext_lazy("refunded (minor units)"), default=0)
    status = models.CharField(
        gettext_lazy("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    customer_email = models.EmailField(gettext_lazy("customer e-mail"), blank=True)
    checkout_attempts = models.PositiveSmallIntegerField(gettext_lazy("checkout attempts"), default=0)
    stripe_checkout_session_id = models.CharField(
        gettext_lazy("Stripe Checkout Session"), max_length=255, blank=True, db_index=True
    )
    stripe_payment_intent_id = models.CharField(
        gettext_lazy("Stripe PaymentIntent"), max_length=255, blank=True, db_index=True
    )
    created_at = models.DateTimeField(gettext_lazy("created"), auto_now_add=True)
    updated_at = models.DateTimeField(gettext_lazy("updated"), auto_now=True)
    paid_at = models.DateTimeField(gettext_lazy("paid"), null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("payment")
        verbose_name_plural = gettext_lazy("payments")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["purpose", "content_type", "object_id"], name="payments_one_per_target"),
            models.CheckConstraint(
                condition=models.Q(amount_refunded_minor__lte=models.F("amount_minor")),
                name="payments_refund_within_amount",
            ),
        ]

    def __str__(self):
        return f"{self.description} ({self.amount_display})"

    @property
    def amount(self):
        """The amount in major units (Decimal), for exports."""
        return from_minor(self.amount_minor, self.currency)

    @property
    def amount_refunded(self):
        return from_minor(self.amount_refunded_minor, self.currency)

    @property
    def amount_display(self):
        return format_minor(self.amount_minor, self.currency)

    @property
    def refunded_display(self):
        return format_minor(self.amount_refunded_minor, self.currency)

    @property
    def refundable_minor(self):
        """What can still be refunded: the amount paid less what was refunded."""
        if self.status not in (self.Status.PAID, self.Status.PARTIALLY_REFUNDED):
            return 0
        return self.amount_minor - self.amount_refunded_minor

    @property
    def is_paid(self):
        return self.status in self.PAID_STATUSES

    def status_change_fields(self, old, new, *, now):
        return {"paid_at": now} if new == self.Status.PAID else {}

    def on_status_changed(self, old, new, *, by, note):
        payment_status_changed.send(sender=Payment, payment=self, old_status=old, new_status=new)


class Refund(models.Model):
    """A refund staff issued through Stripe (refunds made elsewhere show up in the payment's total)."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    stripe_refund_id = models.CharField(gettext_lazy("Stripe refund"), max_length=255, unique=True)
    amount_minor = models.PositiveBigIntegerField(gettext_lazy("amount (minor units)"))
    reason = models.TextField(gettext_lazy("reason"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(gettext_lazy("created"), auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("refund")
        verbose_name_plural = gettext_lazy("refunds")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.stripe_refund_id} ({format_minor(self.amount_minor, self.payment.currency)})"


class StripeEvent(models.Model):
    """Each webhook event Stripe delivered, stored once (its id is unique), with what became of it."""

    class Status(models.TextChoices):
        RECEIVED = "received", gettext_lazy("Received")
        PROCESSED = "processed", gettext_lazy("Processed")
        IGNORED = "ignored", gettext_lazy("Ignored")
        WAITING = "waiting", gettext_lazy("Waiting for an earlier event")
        FAILED = "failed", gettext_lazy("Failed")

    stripe_id = models.CharField(gettext_lazy("event id"), max_length=255, unique=True)
    type = models.CharField(gettext_lazy("type"), max_length=100, db_index=True)
    payload = models.JSONField(gettext_lazy("payload"))
    status = models.CharField(
        gettext_lazy("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    waiting_for = models.CharField(gettext_lazy("waiting for"), max_length=255, blank=True, db_index=True)
    error = models.TextField(gettext_lazy("error"), blank=True)
    received_at = models.DateTimeField(gettext_lazy("received"), auto_now_add=True)
    processed_at = models.DateTimeField(gettext_lazy("processed"), null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Stripe event")
        verbose_name_plural = gettext_lazy("Stripe events")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"{self.type} {self.stripe_id}"

    @property
    def needs_processing(self):
        """Received, failed or waiting: a (re)delivery queues it again; processed ones are done."""
        return self.status not in (self.Status.PROCESSED, self.Status.IGNORED)

    @property
    def data_object(self):
        return self.payload.get("data", {}).get("object", {})


class ExchangeRate(models.Model):
    """How many TWD one unit of a currency costs, kept by staff; prices in TWD are converted with it."""

    currency = models.CharField(
        gettext_lazy("currency"),
        max_length=3,
        unique=True,
        choices=[choice for choice in Currency.choices if choice[0] != Currency.TWD],
    )
    twd_per_unit = models.DecimalField(
        gettext_lazy("TWD for one unit"),
        max_digits=16,
        decimal_places=8,
        validators=[MinValueValidator(Decimal("0.00000001"))],
        help_text=gettext_lazy("For example 0.9 for THB (one baht costs 0.9 TWD), 32.5 for USD."),
    )
    updated_at = models.DateTimeField(gettext_lazy("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = gettext_lazy("exchange rate")
        verbose_name_plural = gettext_lazy("exchange rates")
        ordering = ["currency"]

    def __str__(self):
        return f"1 {self.currency} = {self.twd_per_unit.normalize():f} TWD"
