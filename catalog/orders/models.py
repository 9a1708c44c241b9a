"""Sample orders: a buyer abroad pays for product samples of one supplier through Stripe Checkout.

Status table (``SampleOrder.TRANSITIONS``)::

    pending ─→ paid ─→ shipped ─→ delivered
       │  ↑      │        │           │
       ↓  │      └────────┴───────────┴─→ refunded   (the whole amount was refunded: the order is closed)
    failed / expired  (a new checkout attempt reopens them; late money still makes them paid)

Refunds: a *full* refund moves the order to ``refunded``. A *partial* refund (e.g. one of two products
could not be sent) keeps the fulfilment status — the supplier still ships or has shipped the rest — and
records the refunded total in ``amount_refunded_minor``; pages show "partially refunded: <amount>" next
to the status. Only the payments app's webhook processing changes the refunded total.
"""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from payments.currencies import Currency, format_minor


class SampleOrderError(Exception):
    """A sample order action is not allowed; the message is shown to people as it is."""


def new_order_token():
    return secrets.token_urlsafe(32)


class SampleOrder(models.Model):
    """One buyer's paid request for samples from one supplier; the buyer follows it through a secret link."""

    class Status(models.TextChoices):
        PENDING = "pending", gettext_lazy("Awaiting payment")
        PAID = "paid", gettext_lazy("Paid")
        SHIPPED = "shipped", gettext_lazy("Shipped")
        DELIVERED = "delivered", gettext_lazy("Delivered")
        FAILED = "failed", gettext_lazy("Payment failed")
        EXPIRED = "expired", gettext_lazy("Payment expired")
        REFUNDED = "refunded", gettext_lazy("Refunded")

    TRANSITIONS = {
        Status.PENDING: {Status.PAID, Status.FAILED, Status.EXPIRED},
        Status.FAILED: {Status.PENDING, Status.PAID},
        Status.EXPIRED: {Status.PENDING, Status.PAID},
        Status.PAID: {Status.SHIPPED, Status.REFUNDED},
        Status.SHIPPED: {Status.DELIVERED, Status.REFUNDED},
        Status.DELIVERED: {Status.REFUNDED},
        Status.REFUNDED: set(),
    }
    PAYABLE_STATUSES = (Status.PENDING, Status.FAILED, Status.EXPIRED)
    PAID_STATUSES = (Status.PAID, Status.SHIPPED, Status.DELIVERED, Status.REFUNDED)

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
    amount_refunded_minor = models.PositiveBigIntegerField(gettext_lazy("refunded (minor units)"), default=0)
    language = models.CharField(gettext_lazy("language"), max_length=10, choices=settings.LANGUAGES)
    token = models.CharField(gettext_lazy("secret link token"), max_length=64, unique=True, default=new_order_token)
    # Issued with the total the buyer reviews; a repeated "Pay" (double click, back button) finds this order
    # again instead of placing a second one.
    checkout_key = models.CharField(
        gettext_lazy("checkout key"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    status = models.CharField(
        gettext_lazy("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    carrier = models.CharField(gettext_lazy("carrier"), max_length=100, blank=True)
    tracking_number = models.CharField(gettext_lazy("tracking number"), max_length=100, blank=True)
    paid_at = models.DateTimeField(gettext_lazy("paid"), null=True, blank=True)
    shipped_at = models.DateTimeField(gettext_lazy("shipped"), null=True, blank=True)
    delivered_at = models.DateTimeField(gettext_lazy("delivered"), null=True, blank=True)
    history = models.JSONField(gettext_lazy("status history"), default=list, blank=True)
    created_at = models.DateTimeField(gettext_lazy("created"), auto_now_add=True)
    updated_at = models.DateTimeField(gettext_lazy("updated"), auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("sample order")
        verbose_name_plural = gettext_lazy("sample orders")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_refunded_minor__lte=models.F("amount_minor")),
                name="orders_refund_within_amount",
            ),
        ]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        """The buyer's secret link (in the active language)."""
        return reverse("sample_orders:detail", kwargs={"token": self.token})

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

    @property
    def is_payable(self):
        return self.status in self.PAYABLE_STATUSES

    @property
    def is_paid(self):
        return self.status in self.PAID_STATUSES

    @property
    def is_partially_refunded(self):
        return 0 < self.amount_refunded_minor < self.amount_minor

    def can_become(self, new_status):
        return new_status in self.TRANSITIONS[self.status]

    def set_status(self, new_status, *, by=None, note=""):
        """The one way an order changes status; SampleOrderError for a move the table forbids."""
        if not self.can_become(new_status):
            raise SampleOrderError(
                _("An order that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": self.get_status_display(),
                    "new": self.Status(new_status).label if new_status in self.Status.values else new_status,
                }
            )
        now = timezone.now()
        self.history = [
            *self.history,
            {
                "at": now.isoformat(),
                "from": self.status,
                "to": new_status,
                "by": getattr(by, "email", "") if by is not None else "",
                "note": note,
            },
        ]
        self.status = new_status
        stamp = {self.Status.PAID: "paid_at", self.Status.SHIPPED: "shipped_at", self.Status.DELIVERED: "delivered_at"}
        fields = ["status", "history", "updated_at"]
        if new_status in stamp:
            setattr(self, stamp[new_status], now)
            fields.append(stamp[new_status])
        self.save(update_fields=fields)


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
