"""Buyer inquiries and RFQs about a product or a supplier, with reply threads."""

import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.showcase.models import ShowcaseError
from portal.companies.models import Industry
from portal.markets import District, Market
from portal.status import StaleStatus, StatusMachine, TransitionError


def new_token():
    return secrets.token_urlsafe(32)


class InquiryError(ShowcaseError, TransitionError):
    """An inquiry action (also a status change) is not allowed; the message is shown to the buyer or supplier."""


class StaleInquiry(InquiryError, StaleStatus):
    """The inquiry's status was changed elsewhere in the meantime."""


class Incoterm(models.TextChoices):
    EXW = "EXW", "EXW"
    FOB = "FOB", "FOB"
    CIF = "CIF", "CIF"
    CFR = "CFR", "CFR"
    DAP = "DAP", "DAP"
    DDP = "DDP", "DDP"


class EscalationOutcome(models.TextChoices):
    SUPPLIER_ANSWERED = "supplier_answered", _("The supplier answered the buyer")
    BUREAU_ANSWERED = "bureau_answered", _("The bureau put the buyer in touch with another supplier")
    NOT_NEEDED = "not_needed", _("The buyer no longer needs an answer")
    UNREACHABLE = "unreachable", _("The supplier could not be reached")


class InquiryQuerySet(models.QuerySet):
    def confirmed(self):
        """Inquiries whose buyer confirmed the e-mail address: the only ones suppliers see."""
        return self.filter(email_confirmed_at__isnull=False)

    def for_company(self, company):
        return self.filter(company=company)

    def for_user(self, user):
        """Confirmed inquiries addressed to the user's companies."""
        if not user.is_authenticated:
            return self.none()
        return self.confirmed().filter(company__memberships__user=user)

    def unanswered(self):
        return self.confirmed().filter(first_replied_at__isnull=True).exclude(status=Inquiry.Status.CLOSED)

    def replied(self):
        return self.filter(first_replied_at__isnull=False)


class Inquiry(StatusMachine, models.Model):
    """A buyer's inquiry. ``company`` is the supplier asked; ``product`` is set for a product inquiry.

    The buyer's confirmation link opens it (``by=None``: the buyer has no account), the supplier's first reply
    answers it (``by`` the member); later replies from either side leave the status as it is. Closed is final.
    """

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    TRANSITIONS = {
        Status.UNCONFIRMED: {Status.OPEN, Status.CLOSED},
        Status.OPEN: {Status.ANSWERED, Status.CLOSED},
        Status.ANSWERED: {Status.CLOSED},
        Status.CLOSED: set(),
    }
    transition_error = InquiryError
    stale_error = StaleInquiry
    transition_refused_message = _("An inquiry that is “%(current)s” cannot become “%(new)s”.")
    stale_message = _("This inquiry was changed in the meantime. Reload the page and try again.")

    company = models.ForeignKey(
        "companies.Company", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="inquiries"
    )
    product = models.ForeignKey(
        "showcase.Product",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    buyer_name = models.CharField(_("your name"), max_length=120)
    buyer_company = models.CharField(_("company"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Market.choices)
    email = models.EmailField(_("e-mail"))
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True, validators=[MinValueValidator(1)])
    target_price_twd = models.DecimalField(
        _("target unit price (TWD)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    incoterm = models.CharField(_("incoterm"), max_length=3, choices=Incoterm.choices, blank=True)
    message = models.TextField(_("message"))
    consent = models.BooleanField(_("consent to personal data use"), default=False)
    language = models.CharField(_("language"), max_length=10, default="en")
    confirmation_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    first_replied_at = models.DateTimeField(_("first reply at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("supplier reminded at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    escalation_outcome = models.CharField(
        _("outcome of the escalation"), max_length=20, choices=EscalationOutcome.choices, blank=True
    )
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("case officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="escalated_inquiries",
    )

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(consent=True), name="inquiry_requires_consent"),
        ]

    def __str__(self):
        return f"{self.buyer_name} → {self.company} ({self.created_at:%Y-%m-%d})"

    # Status machine hooks (portal.status) ------------------------------------------------------------

    def transition_refused(self, old, new):
        if new == self.Status.OPEN:
            return InquiryError(_("This inquiry is already confirmed."))
        if new == self.Status.ANSWERED:
            return InquiryError(_("This inquiry cannot be answered."))
        if old == self.Status.CLOSED:
            return InquiryError(_("This inquiry is already closed."))
        return super().transition_refused(old, new)

    def status_change_fields(self, old, new, *, now):
        """The confirmation time (start of the supplier's reply time) and the first reply time."""
        if new == self.Status.OPEN:
            return {"email_confirmed_at": now}
        if new == self.Status.ANSWERED and self.first_replied_at is None:
            return {"first_replied_at": now}
        return {}


class InquiryMessage(models.Model):
    """One message in an inquiry's thread. ``reply_token`` lets the buyer answer through a link."""

    class Author(models.TextChoices):
        BUYER = "buyer", _("Buyer")
        SUPPLIER = "supplier", _("Supplier")

    inquiry = models.ForeignKey(Inquiry, verbose_name=_("inquiry"), on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(_("from"), max_length=10, choices=Author.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("message"))
    reply_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("inquiry message")
        verbose_name_plural = _("inquiry messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_author_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class CaseOfficerArea(models.Model):
    """The staff group whose members look after the escalated inquiries of a district or an industry."""

    group = models.ForeignKey(Group, verbose_name=_("staff group"), on_delete=models.CASCADE, related_name="+")
    district = models.CharField(_("district"), max_length=20, choices=District.choices, blank=True)
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices, blank=True)

    class Meta:
        verbose_name = _("case officer area")
        verbose_name_plural = _("case officer areas")
        constraints = [
            models.CheckConstraint(
                condition=~(Q(district="") & Q(industry="")), name="case_officer_area_district_or_industry"
            )
        ]

    def __str__(self):
        return f"{self.group}: {self.get_district_display() or self.get_industry_display()}"
