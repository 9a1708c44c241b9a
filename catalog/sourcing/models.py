"""Requests for quotation (RFQ): a buyer describes what they need, matched suppliers quote, the buyer decides.

A ``QuoteRequest`` is matched once, when the buyer confirms the e-mail address: the suppliers found then are
stored as ``RequestMatch`` rows, and only they see the request and may quote. A supplier has one ``Quote`` per
request; each revision is a new ``QuoteVersion`` (earlier ones are kept), and ``current_version`` is the one
the buyer sees.
"""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from catalog.showcase.models import CertificateType, ShowcaseError, Unit
from payments.currencies import Currency
from portal.markets import Market
from portal.status import StaleStatus, StatusMachine, TransitionError


def new_token():
    return secrets.token_urlsafe(32)


class SourcingError(ShowcaseError, TransitionError):
    """A request or quote action is not allowed; the message is shown to the buyer or supplier."""


class StaleSourcing(SourcingError, StaleStatus):
    """The request or quote was changed elsewhere in the meantime."""


class QuoteRequestQuerySet(models.QuerySet):
    def visible(self):
        """What buyers and suppliers may see: everything staff have not hidden."""
        return self.exclude(status=QuoteRequest.Status.HIDDEN)

    def open(self):
        return self.filter(status=QuoteRequest.Status.OPEN)

    def matched_to(self, company):
        return self.filter(matches__company=company)


class QuoteRequest(StatusMachine, models.Model):
    """A buyer's request for quotation. The buyer has no account: ``token`` is their secret link.

        unconfirmed → open (the buyer confirmed the e-mail address; suppliers are matched and told) → closed (at
        the deadline or by the buyer). Staff may hide any of them (spam, forbidden goods) and show a hidden one again,
    in the status it had (closed if its deadline passed meanwhile).
    """

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
        OPEN = "open", _("Open for quotes")
        CLOSED = "closed", _("Closed")
        HIDDEN = "hidden", _("Hidden by the bureau")

    class CloseReason(models.TextChoices):
        DEADLINE = "deadline", _("The deadline passed")
        BUYER = "buyer", _("Closed by the buyer")

    TRANSITIONS = {
        Status.UNCONFIRMED: {Status.OPEN, Status.CLOSED, Status.HIDDEN},
        Status.OPEN: {Status.CLOSED, Status.HIDDEN},
        Status.CLOSED: {Status.HIDDEN},
        Status.HIDDEN: {Status.UNCONFIRMED, Status.OPEN, Status.CLOSED},
    }
    transition_error = SourcingError
    stale_error = StaleSourcing
    transition_refused_message = _("A request that is “%(current)s” cannot become “%(new)s”.")
    stale_message = _("This request was changed in the meantime. Reload the page and try again.")

    description = models.TextField(_("what you need"))
    category = models.ForeignKey(
        "showcase.ProductCategory", verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.PIECE)
    target_price = models.DecimalField(
        _("target unit price"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    destination = models.CharField(_("destination market"), max_length=2, choices=Market.choices)
    required_certificates = models.JSONField(_("required certificates"), default=list, blank=True)
    deadline = models.DateField(_("quotes wanted by"))
    buyer_name = models.CharField(_("your name"), max_length=120)
    buyer_company = models.CharField(_("company"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    consent = models.BooleanField(_("consent to personal data use"), default=False)
    language = models.CharField(_("language"), max_length=10, default="en")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    close_reason = models.CharField(_("closed because"), max_length=10, choices=CloseReason.choices, blank=True)
    moderation_note = models.TextField(_("moderation note"), blank=True)
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = QuoteRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request for quotation")
        verbose_name_plural = _("requests for quotation")
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=Q(consent=True), name="quote_request_requires_consent")]

    def __str__(self):
        return f"RFQ-{self.pk or 0:05d} {self.description[:40]}"

    @property
    def reference(self):
        return f"RFQ-{self.pk:05d}"

    def get_required_certificates_display(self):
        labels = dict(CertificateType.choices)
        return [labels[code] for code in self.required_certificates if code in labels]

    def accepts_quotes(self, *, today=None):
        """Open and the deadline (a whole day, Taipei time) not yet over."""
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and today <= self.deadline

    def transition_refused(self, old, new):
        if new == self.Status.OPEN:
            return SourcingError(_("This request is already confirmed."))
        if old == self.Status.CLOSED and new == self.Status.CLOSED:
            return SourcingError(_("This request is already closed."))
        return super().transition_refused(old, new)

    def status_change_fields(self, old, new, *, now):
        # A request shown again after being hidden keeps the times it was confirmed and closed.
        if new == self.Status.OPEN and old == self.Status.UNCONFIRMED:
            return {"confirmed_at": now}
        if new == self.Status.CLOSED and self.closed_at is None:
            return {"closed_at": now}
        return {}


class RequestMatch(models.Model):
    """A supplier matched to a request when the buyer confirmed it: the only suppliers who see it and quote."""

    request = models.ForeignKey(
        QuoteRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="matches"
    )
    company = models.ForeignKey(
        "companies.Company", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("matched at"), default=timezone.now)

    class Meta:
        verbose_name = _("matched supplier")
        verbose_name_plural = _("matched suppliers")
        constraints = [models.UniqueConstraint(fields=["request", "company"], name="unique_request_match")]

    def __str__(self):
        return f"{self.request} → {self.company}"


class SampleOffer(models.TextChoices):
    NONE = "none", _("No samples")
    FREE = "free", _("Free samples")
    PAID = "paid", _("Paid samples")


class Quote(StatusMachine, models.Model):
    """A matched supplier's quote on a request, one per supplier; its prices live in versions.

    submitted → shortlisted → accepted | declined (the buyer decides, ``by=None``); submitted may be accepted or
    declined straight away. Accepted and declined are final. A revision keeps the status.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("quote status", "Received")
        SHORTLISTED = "shortlisted", pgettext_lazy("quote status", "Shortlisted")
        ACCEPTED = "accepted", pgettext_lazy("quote status", "Accepted")
        DECLINED = "declined", pgettext_lazy("quote status", "Declined")

    TRANSITIONS = {
        Status.SUBMITTED: {Status.SHORTLISTED, Status.ACCEPTED, Status.DECLINED},
        Status.SHORTLISTED: {Status.SUBMITTED, Status.ACCEPTED, Status.DECLINED},
        Status.ACCEPTED: set(),
        Status.DECLINED: set(),
    }
    transition_error = SourcingError
    stale_error = StaleSourcing
    transition_refused_message = _("A quote that is “%(current)s” cannot become “%(new)s”.")
    stale_message = _("This quote was changed in the meantime. Reload the page and try again.")

    request = models.ForeignKey(
        QuoteRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="quotes"
    )
    company = models.ForeignKey(
        "companies.Company", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="+"
    )
    product = models.ForeignKey(
        "showcase.Product",
        verbose_name=_("product offered"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    current_version = models.ForeignKey(
        "QuoteVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    inquiry = models.ForeignKey(
        "inquiries.Inquiry", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("first quoted at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "company"], name="one_quote_per_supplier")]

    def __str__(self):
        return f"{self.request} ← {self.company}"

    @property
    def is_revised(self):
        return self.current_version is not None and self.current_version.number > 1

    def transition_refused(self, old, new):
        if old in (self.Status.ACCEPTED, self.Status.DECLINED):
            return SourcingError(_("You have already decided on this quote."))
        return super().transition_refused(old, new)

    def status_change_fields(self, old, new, *, now):
        if new in (self.Status.ACCEPTED, self.Status.DECLINED):
            return {"decided_at": now}
        return {}


class QuoteVersion(models.Model):
    """One version of a quote, in TWD. ``tiers`` is a list of ``[minimum quantity, unit price]`` (price as text)."""

    quote = models.ForeignKey(Quote, verbose_name=_("quote"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    tiers = models.JSONField(_("unit price per quantity"))
    moq = models.PositiveIntegerField(_("minimum order quantity"), validators=[MinValueValidator(1)])
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"), validators=[MinValueValidator(1)])
    sample_offer = models.CharField(_("samples"), max_length=4, choices=SampleOffer.choices, default=SampleOffer.NONE)
    valid_until = models.DateField(_("valid until"))
    message = models.TextField(_("message to the buyer"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("quote version")
        verbose_name_plural = _("quote versions")
        ordering = ["quote", "number"]
        constraints = [models.UniqueConstraint(fields=["quote", "number"], name="unique_quote_version")]

    def __str__(self):
        return f"{self.quote} v{self.number}"
