"""Requests to see or erase one's personal data (Taiwan PDPA, art. 3 and 11), and consents to the notice."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.personal_data import CONSENT_INQUIRY, CONSENT_SAMPLE_ORDER, CONSENT_SIGNUP
from portal.status import StaleStatus, StatusMachine, TransitionError
from portal.storage import PrivateStorage


class PrivacyError(TransitionError):
    """A data request the rules refuse; the message is shown to the person as it is."""


class StaleDataRequest(PrivacyError, StaleStatus):
    """The request was moved by someone else in the meantime."""


def new_token():
    return secrets.token_urlsafe(32)


def hash_token(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


class ConsentText(models.Model):
    """One published version of the privacy notice. Its words are the privacy page of that version (in the
    six languages of the site's catalog); a row records that the version exists, since when, and what changed."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    published_at = models.DateTimeField(_("in force from"), default=timezone.now)
    summary = models.TextField(_("what changed"), blank=True)

    class Meta:
        verbose_name = _("privacy notice version")
        verbose_name_plural = _("privacy notice versions")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.version


class Consent(models.Model):
    """Someone agreed to a version of the notice on one form, at one moment."""

    class Purpose(models.TextChoices):
        SIGNUP = CONSENT_SIGNUP, _("Sign-up")
        INQUIRY = CONSENT_INQUIRY, _("Inquiry to a supplier")
        SAMPLE_ORDER = CONSENT_SAMPLE_ORDER, _("Sample order")

    text = models.ForeignKey(ConsentText, verbose_name=_("notice version"), on_delete=models.PROTECT)
    purpose = models.CharField(_("form"), max_length=20, choices=Purpose.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), null=True, blank=True, on_delete=models.SET_NULL
    )
    email = models.EmailField(_("e-mail address"), blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    given_at = models.DateTimeField(_("agreed at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]

    def __str__(self):
        return f"{self.get_purpose_display()} · {self.text.version}"


class DataRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=DataRequest.OPEN_STATUSES)


class DataRequest(StatusMachine, models.Model):
    """A copy of one's data (export) or its erasure, asked by an account holder or, through a mailed link, by
    a buyer without an account.

    Export: (unconfirmed →) requested → ready (the ZIP is built) → downloaded once, or expired.
    Erasure: (unconfirmed →) requested → approved by staff → completed (the data is erased); or refused.
    """

    class Kind(models.TextChoices):
        EXPORT = "export", _("Copy of the data")
        ERASURE = "erasure", _("Erasure")

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
        REQUESTED = "requested", _("Requested")
        READY = "ready", _("Ready to download")
        DOWNLOADED = "downloaded", _("Downloaded")
        EXPIRED = "expired", _("Expired")
        FAILED = "failed", _("Failed")
        APPROVED = "approved", _("Approved")
        COMPLETED = "completed", _("Completed")
        REFUSED = "refused", _("Refused")

    S = Status
    TRANSITIONS = {
        S.UNCONFIRMED: {S.REQUESTED},
        S.REQUESTED: {S.READY, S.FAILED, S.APPROVED, S.REFUSED},
        S.READY: {S.DOWNLOADED, S.EXPIRED},
        S.APPROVED: {S.COMPLETED},
    }
    OPEN_STATUSES = (S.REQUESTED, S.APPROVED)
    CLOSED_STATUSES = (S.DOWNLOADED, S.EXPIRED, S.FAILED, S.COMPLETED, S.REFUSED)
    del S
    transition_error = PrivacyError
    stale_error = StaleDataRequest

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="data_requests",
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    confirmation_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    download_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    file = models.FileField(_("file"), storage=PrivateStorage(), upload_to="privacy/exports/", blank=True)
    expires_at = models.DateTimeField(_("link valid until"), null=True, blank=True)
    outcome = models.JSONField(_("outcome"), default=dict, blank=True)
    staff_note = models.TextField(_("staff note"), blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = DataRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal-data request")
        verbose_name_plural = _("personal-data requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "kind"],
                condition=models.Q(status__in=["requested", "approved"]),
                name="privacy_one_open_request_per_address",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_guest(self):
        return self.user_id is None

    def status_change_fields(self, old, new, *, now):
        if new in self.CLOSED_STATUSES:
            return {"closed_at": now}
        return {}
