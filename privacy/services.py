"""Writes of the privacy app: data requests from people, their handling by staff, consents."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit, personal_data
from portal.emails import send_templated_email

from . import exports, limits, tasks
from .exports import absolute_url
from .models import Consent, ConsentText, DataRequest, PrivacyError, hash_token

# How long a buyer has to follow the confirmation link we mail.
CONFIRMATION_LINK_VALID = timedelta(hours=48)

AUDIT_APPROVED = "privacy.erasure_approved"
AUDIT_REFUSED = "privacy.erasure_refused"
AUDIT_COMPLETED = "privacy.erasure_completed"


class PrivacyRateLimited(PrivacyError):
    pass


class NotYourRequest(PrivacyError):
    """The link belongs to another account: shown as "not found"."""


def refusals(subject):
    """The reasons an erasure cannot go ahead now (a company's last owner…), from every app."""
    return [message for holder in personal_data.holders() if holder.refusals for message in holder.refusals(subject)]


def _already_open(kind):
    if kind == DataRequest.Kind.ERASURE:
        return _("You have already asked for erasure. The bureau is handling that request; we will write to you.")
    return _("A copy of your data is already being prepared. We will e-mail you a link when it is ready.")


def _open(*, kind, email, user, language):
    """A request in "requested"; one open request per address and kind (the database enforces it too)."""
    email = email.strip().lower()
    if DataRequest.objects.open().filter(email=email, kind=kind).exists():
        raise PrivacyError(_already_open(kind))
    try:
        with transaction.atomic():
            return DataRequest.objects.create(kind=kind, email=email, user=user, language=language)
    except IntegrityError:
        raise PrivacyError(_already_open(kind)) from None


def _queue_export(data_request):
    transaction.on_commit(lambda: tasks.build_export.enqueue(data_request_id=data_request.pk))


@transaction.atomic
def export_request(*, user, language) -> DataRequest:
    """A signed-in person asks for a copy of their data: the ZIP is built in the background and mailed."""
    data_request = _open(kind=DataRequest.Kind.EXPORT, email=user.email, user=user, language=language)
    _queue_export(data_request)
    return data_request


@transaction.atomic
def erasure_request(*, user, language) -> DataRequest:
    """A signed-in person asks for erasure; staff approve and carry it out. Refused while something (the last
    owner of a company, an order on its way) stops it, and while another erasure request is open."""
    blocking = refusals(personal_data.Subject(email=user.email, user=user))
    if blocking:
        raise PrivacyError(" ".join(blocking))
    return _open(kind=DataRequest.Kind.ERASURE, email=user.email, user=user, language=language)


@transaction.atomic
def guest_request(*, email, kind, language, ip_address="") -> DataRequest:
    """A buyer without an account asks by e-mail address: a confirmation link goes to that address, whether
    or not we hold anything about it, so the answer never tells who is known."""
    if not limits.hit(limits.PER_IP, ip_address) or not limits.hit(limits.PER_EMAIL, email):
        raise PrivacyRateLimited(_("Too many requests in a short time. Please wait a while and try again."))
    data_request = DataRequest.objects.create(
        kind=kind, email=email.strip().lower(), language=language, status=DataRequest.Status.UNCONFIRMED
    )
    confirm_url = absolute_url(language, "privacy:guest_confirm", token=data_request.confirmation_token)
    transaction.on_commit(
        lambda: send_templated_email(
            template="privacy/emails/confirm",
            language=language,
            context={"data_request": data_request, "confirm_url": confirm_url},
            recipients=[data_request.email],
        )
    )
    return data_request


def guest_request_for_token(token):
    """The unconfirmed request of a mailed link, or a PrivacyError saying why the link no longer works."""
    data_request = DataRequest.objects.filter(confirmation_token=token, user__isnull=True).first()
    if data_request is None:
        raise PrivacyError(_("This link is not valid. Please ask again on the privacy page."))
    if data_request.status != DataRequest.Status.UNCONFIRMED:
        raise PrivacyError(_("This link has already been used. We are handling your request."))
    if data_request.created_at + CONFIRMATION_LINK_VALID < timezone.now():
        raise PrivacyError(_("This link has expired. Please ask again on the privacy page."))
    return data_request


@transaction.atomic
def guest_confirm(*, token) -> DataRequest:
    """The buyer followed the link: the request opens (an export is built, an erasure goes to staff)."""
    data_request = guest_request_for_token(token)
    data_request = DataRequest.objects.select_for_update().get(pk=data_request.pk)
    if DataRequest.objects.open().filter(email=data_request.email, kind=data_request.kind).exists():
        raise PrivacyError(_already_open(data_request.kind))
    try:
        with transaction.atomic():
            data_request.set_status(DataRequest.Status.REQUESTED, by=None, expected=DataRequest.Status.UNCONFIRMED)
    except IntegrityError:
        raise PrivacyError(_already_open(data_request.kind)) from None
    if data_request.kind == DataRequest.Kind.EXPORT:
        _queue_export(data_request)
    return data_request


def export_for_token(*, token, user):
    """The export of a download link, or a PrivacyError saying why it does not work (used, expired)."""
    exports_of_link = DataRequest.objects.filter(kind=DataRequest.Kind.EXPORT, download_token_hash=hash_token(token))
    data_request = exports_of_link.first()
    if data_request is None or not token:
        raise PrivacyError(_("This download link is not valid."))
    if data_request.user_id and getattr(user, "pk", None) != data_request.user_id:
        raise NotYourRequest(_("This download link is not valid."))
    if data_request.status == DataRequest.Status.DOWNLOADED:
        raise PrivacyError(_("This link has already been used: each copy can be downloaded once. Ask for a new copy."))
    if data_request.status != DataRequest.Status.READY or data_request.expires_at <= timezone.now():
        raise PrivacyError(_("This link has expired. Ask for a new copy of your data."))
    return data_request


@transaction.atomic
def export_download(*, token, user):
    """Hand over the ZIP once: returns ``(data_request, open file)``; the file is deleted after the commit
    (the open handle still reads it)."""
    data_request = export_for_token(token=token, user=user)
    data_request = DataRequest.objects.select_for_update().get(pk=data_request.pk)
    handle = data_request.file.open("rb")
    data_request.set_status(
        DataRequest.Status.DOWNLOADED, by=user if data_request.user_id else None, expected=DataRequest.Status.READY
    )
    name = data_request.file.name
    storage = data_request.file.storage
    transaction.on_commit(lambda: storage.delete(name))
    return data_request, handle


# Staff ---------------------------------------------------------------------------------------------------


def _tell(data_request, *, email, refused, note=""):
    """After the commit, e-mail the person the outcome of their erasure request (refused, with the reason, or
    done), at the address they asked from."""
    context = {"refused": refused, "note": note}
    language = data_request.language
    transaction.on_commit(
        lambda: send_templated_email(
            template="privacy/emails/erasure_outcome", language=language, context=context, recipients=[email]
        )
    )


def _check_erasure(data_request):
    if data_request.kind != DataRequest.Kind.ERASURE:
        raise PrivacyError(_("Only erasure requests are approved or refused."))


@transaction.atomic
def erasure_approve(*, data_request, by, note=""):
    _check_erasure(data_request)
    blocking = refusals(exports.subject_of(data_request))
    if blocking:
        raise PrivacyError(" ".join(blocking))
    data_request.set_status(DataRequest.Status.APPROVED, by=by, note=note, expected=DataRequest.Status.REQUESTED)
    audit.record(data_request, AUDIT_APPROVED, by=by, request=str(data_request), note=str(note))


@transaction.atomic
def erasure_refuse(*, data_request, by, note):
    _check_erasure(data_request)
    if not str(note).strip():
        raise PrivacyError(_("Say why the request is refused: the person is told."))
    data_request.staff_note = note
    data_request.save(update_fields=["staff_note"])
    data_request.set_status(DataRequest.Status.REFUSED, by=by, note=note, expected=DataRequest.Status.REQUESTED)
    audit.record(data_request, AUDIT_REFUSED, by=by, request=str(data_request), note=str(note))
    _tell(data_request, email=data_request.email, refused=True, note=str(note))


@transaction.atomic
def erasure_complete(*, data_request, by):
    """Erase or anonymise the person's data in every app, in one transaction; what the law or accounting
    keeps stays without the person. The request itself keeps only the counts, not the address."""
    data_request = DataRequest.objects.select_for_update(of=("self",)).select_related("user").get(pk=data_request.pk)
    if data_request.status != DataRequest.Status.APPROVED:
        raise PrivacyError(_("Only an approved erasure can be carried out."))
    subject = exports.subject_of(data_request)
    blocking = refusals(subject)
    if blocking:
        raise PrivacyError(" ".join(blocking))
    _tell(data_request, email=subject.email, refused=False)
    outcome = {holder.name: holder.erase(subject) for holder in personal_data.holders()}
    DataRequest.objects.filter(email=subject.email_key).exclude(pk=data_request.pk).exclude(
        status__in=DataRequest.OPEN_STATUSES
    ).update(email=personal_data.erased_email("request"))
    data_request.email = personal_data.erased_email(f"request-{data_request.pk}")
    data_request.outcome = outcome
    data_request.save(update_fields=["email", "outcome"])
    data_request.set_status(DataRequest.Status.COMPLETED, by=by, expected=DataRequest.Status.APPROVED)
    erased = sum(counts.get("erased", 0) for counts in outcome.values())
    kept = sum(counts.get("kept", 0) for counts in outcome.values())
    audit.record(data_request, AUDIT_COMPLETED, by=by, request=str(data_request), erased=erased, kept=kept)
    return outcome


# Consents ------------------------------------------------------------------------------------------------


def current_notice():
    return ConsentText.objects.filter(published_at__lte=timezone.now()).first()


@transaction.atomic
def consent_record(*, purpose, email="", user=None, language=""):
    """What someone agreed to, on which form, when: the version of the notice in force at that moment."""
    text = current_notice()
    if text is None:
        return None
    return Consent.objects.create(
        text=text,
        purpose=purpose,
        user=user if getattr(user, "pk", None) else None,
        email=(email or getattr(user, "email", "")).strip().lower(),
        language=language,
    )
