"""The privacy app's own personal data (consents, requests) and its retention rules (``portal.personal_data``)."""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy

from portal import personal_data

from .models import Consent, DataRequest

CONFIRMATION_KEPT = timedelta(days=2)
EXPORT_FILE_KEPT = timedelta(days=7)
CLOSED_REQUEST_KEPT = timedelta(days=5 * 365)


def _consents(subject):
    condition = Q(email__iexact=subject.email)
    if subject.user is not None:
        condition |= Q(user=subject.user)
    return Consent.objects.filter(condition).select_related("text")


def export(subject):
    records = [
        {
            "type": "consent",
            "form": consent.purpose,
            "notice_version": consent.text.version,
            "language": consent.language,
            "agreed_at": consent.given_at,
        }
        for consent in _consents(subject).order_by("pk")
    ]
    requests = DataRequest.objects.filter(email=subject.email_key).exclude(status=DataRequest.Status.UNCONFIRMED)
    records += [
        {"type": "request", "kind": item.kind, "status": item.status, "asked_at": item.created_at}
        for item in requests.order_by("pk")
    ]
    return personal_data.Section(records=records)


def erase(subject):
    """Consents are kept (they show the data was collected lawfully) without the address."""
    kept = _consents(subject).update(email="")
    erased = DataRequest.objects.filter(email=subject.email_key, status=DataRequest.Status.UNCONFIRMED).delete()[0]
    return {"erased": erased, "kept": kept}


def purge_unconfirmed(*, now):
    stale = DataRequest.objects.filter(status=DataRequest.Status.UNCONFIRMED, created_at__lt=now - CONFIRMATION_KEPT)
    return stale.delete()[0]


def purge_export_files(*, now):
    """Exports not downloaded within their link's validity expire, and their ZIP is deleted."""
    removed = 0
    stale = DataRequest.objects.filter(
        kind=DataRequest.Kind.EXPORT, status=DataRequest.Status.READY, expires_at__lt=now
    )
    for data_request in stale:
        if data_request.file:
            data_request.file.delete(save=False)
        DataRequest.objects.filter(pk=data_request.pk).update(file="")
        data_request.set_status(DataRequest.Status.EXPIRED, by=None, expected=DataRequest.Status.READY)
        removed += 1
    return removed


def purge_closed(*, now):
    stale = DataRequest.objects.filter(status__in=DataRequest.CLOSED_STATUSES, closed_at__lt=now - CLOSED_REQUEST_KEPT)
    return stale.delete()[0]


HOLDER = personal_data.Holder(name="privacy", export=export, erase=erase, order=90)
RETENTION_RULES = [
    personal_data.RetentionRule(
        name="unconfirmed_privacy_requests",
        period=CONFIRMATION_KEPT,
        purge=purge_unconfirmed,
        description=gettext_lazy("Requests by e-mail whose link was never followed: deleted after 2 days."),
    ),
    personal_data.RetentionRule(
        name="export_files",
        period=EXPORT_FILE_KEPT,
        purge=purge_export_files,
        description=gettext_lazy(
            "Copies of your data: deleted when you download them, or 7 days after they are ready."
        ),
    ),
    personal_data.RetentionRule(
        name="closed_privacy_requests",
        period=CLOSED_REQUEST_KEPT,
        purge=purge_closed,
        description=gettext_lazy(
            "Closed requests (without the address once an erasure is done): deleted after 5 years, the period "
            "in which a claim under the Personal Data Protection Act can be made."
        ),
    ),
]
