import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.markets import District, Market
from portal.status import StaleStatus, StatusMachine, TransitionError

from .validators import validate_ubn


class Industry(models.TextChoices):
    FOOD = "food", _("Food and beverage")
    BEAUTY = "beauty", _("Beauty and personal care")
    FASHION = "fashion", _("Fashion and accessories")
    HOME = "home", _("Home and living")
    ELECTRONICS = "electronics", _("Electronics and ICT")
    SPORTS = "sports", _("Bicycles and sports")
    STATIONERY = "stationery", _("Stationery and crafts")
    HEALTH = "health", _("Health and wellness")
    AGRICULTURE = "agriculture", _("Agriculture")
    OTHER = "other", _("Other")


class EcommerceMaturity(models.TextChoices):
    NONE = "none", _("Not selling online yet")
    DOMESTIC = "domestic", _("Selling online in Taiwan")
    STARTED = "started", _("First cross-border sales")
    ESTABLISHED = "established", _("Established cross-border seller")


class CompanyQuerySet(models.QuerySet):
    def for_user(self, user):
        """Companies the user is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def verified(self):
        return self.filter(verified_at__isnull=False)


class Company(models.Model):
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    ubn = models.CharField(
        _("unified business number (統一編號)"), max_length=8, unique=True, validators=[validate_ubn]
    )
    address = models.CharField(_("registered address"), max_length=300)
    district = models.CharField(_("district"), max_length=20, choices=District.choices)
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices)
    website = models.URLField(_("website"), blank=True)
    target_markets = models.JSONField(_("target markets"), default=list, blank=True)
    ecommerce_maturity = models.CharField(
        _("e-commerce maturity"), max_length=20, choices=EcommerceMaturity.choices, default=EcommerceMaturity.NONE
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name_zh"]

    def __str__(self):
        return f"{self.name_zh} ({self.ubn})"

    @property
    def is_verified(self):
        return self.verified_at is not None

    def get_target_markets_display(self):
        """The target markets' labels, in the order they were chosen."""
        return [Market(code).label for code in self.target_markets if code in Market.values]

    def display_name(self, language_code=None):
        """The English name for non-Chinese readers when there is one."""
        if language_code and not language_code.startswith("zh") and self.name_en:
            return self.name_en
        return self.name_zh


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["company", "user"], name="unique_company_membership")]

    def __str__(self):
        return f"{self.user} @ {self.company}"


def _new_token():
    return secrets.token_urlsafe(32)


def _default_expiry():
    return timezone.now() + timedelta(days=14)


class CompanyError(Exception):
    """A company or membership change is not allowed; the message is shown to the user."""


class InvitationError(CompanyError, TransitionError):
    """An invitation cannot be accepted or revoked in its current state."""


class StaleInvitation(InvitationError, StaleStatus):
    """The invitation was accepted or withdrawn elsewhere in the meantime."""


class Invitation(StatusMachine, models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", pgettext_lazy("invitation status", "Accepted")
        REVOKED = "revoked", _("Revoked")

    # Accepted and revoked are final. An expired invitation can still be revoked, never accepted.
    TRANSITIONS = {
        Status.PENDING: {Status.ACCEPTED, Status.REVOKED},
        Status.ACCEPTED: set(),
        Status.REVOKED: set(),
    }
    transition_error = InvitationError
    stale_error = StaleInvitation

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    expires_at = models.DateTimeField(_("expires at"), default=_default_expiry)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "company",
                condition=models.Q(status="pending"),
                name="unique_pending_invitation",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.company}"

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    def transition_refused(self, old, new):
        if old == self.Status.ACCEPTED:
            return InvitationError(_("This invitation has already been accepted."))
        if old == self.Status.REVOKED:
            return InvitationError(_("This invitation was withdrawn by the company."))
        return InvitationError(_("This change is not allowed."))

    def check_transition(self, old, new, *, by):
        if new == self.Status.ACCEPTED and self.is_expired:
            raise InvitationError(_("This invitation has expired. Ask the company for a new one."))

    def status_change_fields(self, old, new, *, now):
        return {"responded_at": now}
