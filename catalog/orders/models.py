"""Sample orders: a buyer abroad pays for product samples of one supplier through Stripe Checkout.

An order keeps its *fulfilment* only; whether it is paid is asked of its ``payments.Payment``. Status table
(``SampleOrder.TRANSITIONS``)::

    placed ─→ shipped ─→ delivered          shipping needs a paid payment (``check_transition``)
      │          │           │
      └──────────┴───────────┴─→ cancelled   only when the payment was refunded in full (the order is closed)

What people see (``SampleOrder.State``) combines the two: a placed order is "awaiting payment", "payment
failed", "payment expired" or "paid" as its payment is; then "shipped", "delivered", "cancelled". An unpaid
order stays placed whatever its payment did: "Pay now" starts a new attempt and late money still pays it.
A *partial* refund keeps the fulfilment status (the supplier still ships or has shipped the rest); pages show
"partially refunded: <amount>" next to it. ``SampleOrder.objects.with_payment()`` annotates a list with
its payments' facts in the same query.
"""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django_countries import countries

from payments.currencies import Currency, format_minor
from payments.models import Payment
from payments.selectors import payment_annotations, payment_for
from portal.status import StaleStatus, StatusMachine, TransitionError

PaymentStatus = Payment.Status


class SampleOrderError(Exception):
    """A sample order action is not allowed; the message is shown to people as it is."""


class SampleOrderStateError(SampleOrderError, TransitionError):
    """The order cannot move from its status to the one asked for (not paid yet, not shipped yet…)."""


class StaleSampleOrder(SampleOrderStateError, StaleStatus):
    """The order's status changed in the database since it was read."""


def new_order_token():
    return secrets.token_urlsafe(32)


# The payment's fields an order list is annotated with, as ``payment_<field>`` (see ``PaymentFact``).
PAYMENT_FIELDS = ("pk", "status", "amount_refunded_minor", "paid_at")
PAYMENT_FACTS = tuple(f"payment_{field}" for field in PAYMENT_FIELDS)


class SampleOrderQuerySet(models.QuerySet):
    def with_payment(self):
        """Each order with its payment's id, status, refunded total and payment time (None before the first
        checkout), as subqueries of this one query."""
        return self.annotate(
            **payment_annotations(self.model, purpose=Payment.Purpose.SAMPLE_ORDER, fields=PAYMENT_FIELDS)
        )

    def in_state(self, state):
        """Orders in ``state`` (a ``SampleOrder.State``); needs ``with_payment()``."""
        return self.filter(self.model.state_filter(state))


class PaymentFact:
    """An annotation of ``with_payment()``; read from the database on first use when the order came without it."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        instance.load_payment_facts()
        return instance.__dict__[self.name]


class SampleOrder(StatusMachine, models.Model):
    """One buyer's paid request for samples from one supplier; the buyer follows it through a secret link."""

    class Status(models.TextChoices):
        PLACED = "placed", pgettext_lazy("sample order status", "Placed")
        SHIPPED = "shipped", gettext_lazy("Shipped")
        DELIVERED = "delivered", gettext_lazy("Delivered")
        CANCELLED = "cancelled", gettext_lazy("Cancelled")

    class State(models.TextChoices):
        """What buyers, suppliers and staff see and filter by: the fulfilment status and, while the order is
        placed, its payment's status. Derived in ``state_for`` and ``state_filter`` only."""

        AWAITING_PAYMENT = "awaiting_payment", gettext_lazy("Awaiting payment")
        PAYMENT_FAILED = "payment_failed", gettext_lazy("Payment failed")
        PAYMENT_EXPIRED = "payment_expired", gettext_lazy("Payment expired")
        PAID = "paid", gettext_lazy("Paid")
        SHIPPED = "shipped", gettext_lazy("Shipped")
        DELIVERED = "delivered", gettext_lazy("Delivered")
        CANCELLED = "cancelled", gettext_lazy("Cancelled")

    TRANSITIONS = {
        Status.PLACED: {Status.SHIPPED, Status.CANCELLED},
        Status.SHIPPED: {Status.DELIVERED, Status.CANCELLED},
        Status.DELIVERED: {Status.CANCELLED},
        Status.CANCELLED: set(),
    }
    # A placed order's state is its payment's; no payment yet (or a pending one) is "awaiting payment".
    PLACED_STATES = {
        PaymentStatus.PENDING: State.AWAITING_PAYMENT,
        PaymentStatus.FAILED: State.PAYMENT_FAILED,
        PaymentStatus.EXPIRED: State.PAYMENT_EXPIRED,
        PaymentStatus.PAID: State.PAID,
        PaymentStatus.PARTIALLY_REFUNDED: State.PAID,
        # Refunded in full closes the order (the receiver cancels it in the same transaction).
        PaymentStatus.REFUNDED: State.CANCELLED,
    }
    FULFILMENT_STATES = {
        Status.SHIPPED: State.SHIPPED,
        Status.DELIVERED: State.DELIVERED,
        Status.CANCELLED: State.CANCELLED,
    }
    # The payment's statuses that let the supplier ship: money received and not all of it refunded.
    SHIPPABLE_PAYMENT_STATUSES = (PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED)
    transition_error = SampleOrderStateError
    stale_error = StaleSampleOrder
    transition_refused_message = gettext_lazy("An order that is “%(current)s” cannot become “%(new)s”.")
    stale_message = gettext_lazy("This order was changed in the meantime. Reload the page and try again.")

    reference = models.CharField(gettext_lazy("reference"), max_length=32, unique=True)
    company = models.ForeignKey(
        "companies.Company",
        verbose_name=gettext_lazy("supplier"),
        on_delete=models.PROTECT,
        related_name="sample_orders",
    )
    buyer_name = models.CharField(gettext_lazy("name"), max_length=200)
    buyer_company = models.CharField(gettext_lazy("company"), max_length=200)
    buyer_email = models.EmailField(gettext_lazy("e-mail"))
    buyer_phone = models.CharField(gettext_lazy("phone"), max_length=40, blank=True)
    shipping_address = models.TextField(gettext_lazy("shipping address"))
    country = models.CharField(gettext_lazy("country"), max_length=2, help_text=gettext_lazy("ISO 3166-1 alpha-2."))
    currency = models.CharField(gettext_lazy("currency"), max_length=3, choices=Currency.choices)
    amount_minor = models.PositiveBigIntegerField(
        gettext_lazy("amount (minor units)"), validators=[MinValueValidator(1)]
    )
    language = models.CharField(gettext_lazy("language"), max_length=10, choices=settings.LANGUAGES)
    token = models.CharField(gettext_lazy("secret link token"), max_length=64, unique=True, default=new_order_token)
    # Issued with the total the buyer reviews; a repeated "Pay" (double click, back button) finds this order
    # again instead of placing a second one.
    checkout_key = models.CharField(
        gettext_lazy("checkout key"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    status = models.CharField(
        gettext_lazy("status"), max_length=20, choices=Status.choices, default=Status.PLACED, db_index=True
    )
    carrier = models.CharField(gettext_lazy("carrier"), max_length=100, blank=True)
    tracking_number = models.CharField(gettext_lazy("tracking number"), max_length=100, blank=True)
    shipped_at = models.DateTimeField(gettext_lazy("shipped"), null=True, blank=True)
    delivered_at = models.DateTimeField(gettext_lazy("delivered"), null=True, blank=True)
    cancelled_at = models.DateTimeField(gettext_lazy("cancelled"), null=True, blank=True)
    created_at = models.DateTimeField(gettext_lazy("created"), auto_now_add=True)
    updated_at = models.DateTimeField(gettext_lazy("updated"), auto_now=True)

    objects = SampleOrderQuerySet.as_manager()

    # Read from the order's payment (annotated by ``with_payment()``).
    payment_pk = PaymentFact()
    payment_status = PaymentFact()
    payment_amount_refunded_minor = PaymentFact()
    payment_paid_at = PaymentFact()

    class Meta:
        verbose_name = gettext_lazy("sample order")
        verbose_name_plural = gettext_lazy("sample orders")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        """The buyer's secret link (in the active language)."""
        return reverse("sample_orders:detail", kwargs={"token": self.token})

    # The payment's facts ------------------------------------------------------------------------------

    def load_payment_facts(self):
        """Read the payment's facts when the order was loaded without ``with_payment()`` (one query)."""
        facts = None
        if self.pk is not None:
            facts = type(self).objects.with_payment().filter(pk=self.pk).values(*PAYMENT_FACTS).first()
        self.__dict__.update(facts or dict.fromkeys(PAYMENT_FACTS))

    def refresh_from_db(self, *args, **kwargs):
        for name in PAYMENT_FACTS:
            self.__dict__.pop(name, None)
        super().refresh_from_db(*args, **kwargs)

    @classmethod
    def state_for(cls, status, payment_status):
        if status in cls.FULFILMENT_STATES:
            return cls.FULFILMENT_STATES[status]
        return cls.PLACED_STATES.get(payment_status, cls.State.AWAITING_PAYMENT)

    @classmethod
    def state_filter(cls, state):
        """The ``Q`` of ``state`` over ``status`` and the ``payment_status`` annotation (mirrors ``state_for``)."""
        placed = [payment for payment, value in cls.PLACED_STATES.items() if value == state]
        condition = models.Q(status__in=[status for status, value in cls.FULFILMENT_STATES.items() if value == state])
        condition |= models.Q(status=cls.Status.PLACED, payment_status__in=placed)
        if state == cls.State.AWAITING_PAYMENT:
            condition |= models.Q(status=cls.Status.PLACED, payment_status__isnull=True)
        return condition

    @property
    def state(self):
        return self.state_for(self.status, self.payment_status)

    def get_state_display(self):
        return self.State(self.state).label

    @property
    def paid_at(self):
        return self.payment_paid_at

    @property
    def amount_refunded_minor(self):
        return self.payment_amount_refunded_minor or 0

    @property
    def is_paid(self):
        """Money was received (some of it may have been refunded since)."""
        return self.payment_status in Payment.PAID_STATUSES

    @property
    def is_payable(self):
        """Placed and not paid: the buyer may (again) pay."""
        return self.status == self.Status.PLACED and not self.is_paid

    @property
    def can_ship(self):
        return self.status == self.Status.PLACED and self.payment_status in self.SHIPPABLE_PAYMENT_STATUSES

    @property
    def is_refundable(self):
        """Staff can still refund something of the payment."""
        return self.payment_status in self.SHIPPABLE_PAYMENT_STATUSES

    @property
    def is_partially_refunded(self):
        return 0 < self.amount_refunded_minor < self.amount_minor

    # Display ------------------------------------------------------------------------------------------

    @property
    def country_name(self):
        """The country's name in the active language."""
        return countries.name(self.country) or self.country

    @property
    def amount_display(self):
        return format_minor(self.amount_minor, self.currency)

    @property
    def refunded_display(self):
        return format_minor(self.amount_refunded_minor, self.currency)

    # Status machine hooks (portal.status) -------------------------------------------------------------

    def _fresh_payment_status(self):
        payment = payment_for(self, purpose=Payment.Purpose.SAMPLE_ORDER)
        return payment.status if payment is not None else None

    def check_transition(self, old, new, *, by):
        """Shipping needs the payment received (and not refunded in full); cancelling, a full refund."""
        if new == self.Status.SHIPPED:
            payment_status = self._fresh_payment_status()
            if payment_status not in self.SHIPPABLE_PAYMENT_STATUSES:
                raise self._not_shippable(self.state_for(old, payment_status))
        if new == self.Status.CANCELLED and self._fresh_payment_status() != PaymentStatus.REFUNDED:
            raise SampleOrderStateError(_("Only an order whose payment was refunded in full can be cancelled."))

    def _not_shippable(self, state):
        return SampleOrderStateError(
            _("Only a paid order can be marked shipped; this one is “%(status)s”.")
            % {"status": self.State(state).label}
        )

    def transition_refused(self, old, new):
        state = self.state_for(old, self.payment_status)
        if new == self.Status.SHIPPED:
            return self._not_shippable(state)
        if new == self.Status.DELIVERED:
            return SampleOrderStateError(
                _("Only a shipped order can be marked delivered; this one is “%(status)s”.")
                % {"status": self.State(state).label}
            )
        return super().transition_refused(old, new)

    def status_change_fields(self, old, new, *, now):
        """The time of each step; the carrier and tracking number the service set are written with ``shipped``."""
        if new == self.Status.SHIPPED:
            return {"shipped_at": now, "carrier": self.carrier, "tracking_number": self.tracking_number}
        stamps = {self.Status.DELIVERED: "delivered_at", self.Status.CANCELLED: "cancelled_at"}
        return {stamps[new]: now} if new in stamps else {}


class SampleOrderItem(models.Model):
    """A product in a sample order, with its name, SKU and price as they were when the buyer ordered."""

    order = models.ForeignKey(
        SampleOrder, verbose_name=gettext_lazy("order"), on_delete=models.CASCADE, related_name="items"
    )
    product = models.ForeignKey(
        "showcase.Product",
        verbose_name=gettext_lazy("product"),
        on_delete=models.PROTECT,
        related_name="sample_order_items",
    )
    product_name = models.CharField(gettext_lazy("product name"), max_length=200)
    sku = models.CharField(gettext_lazy("SKU"), max_length=64)
    quantity = models.PositiveSmallIntegerField(gettext_lazy("quantity"), validators=[MinValueValidator(1)])
    unit_price_twd = models.DecimalField(gettext_lazy("sample price (TWD)"), max_digits=10, decimal_places=2)
    unit_amount_minor = models.PositiveBigIntegerField(gettext_lazy("unit amount (minor units)"))

    class Meta:
        verbose_name = gettext_lazy("sample order item")
        verbose_name_plural = gettext_lazy("sample order items")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.quantity} × {self.product_name}"

    @property
    def line_amount_minor(self):
        return self.unit_amount_minor * self.quantity

    @property
    def unit_amount_display(self):
        return format_minor(self.unit_amount_minor, self.order.currency)

    @property
    def line_amount_display(self):
        return format_minor(self.line_amount_minor, self.order.currency)
