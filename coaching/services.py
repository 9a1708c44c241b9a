"""Every write in the coaching app: applying, documents, review and decisions."""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from payments import services as payments
from payments.currencies import Currency, format_minor, to_minor
from payments.errors import PaymentError, PaymentsNotConfigured
from payments.models import Payment
from payments.selectors import payment_for
from payments.stripe_client import stripe_configured
from portal import audit

from . import questions as q
from . import selectors
from .models import (
    Application,
    ApplicationDocument,
    ApplicationError,
    ApplicationNote,
    ApplicationReviewer,
    CoachingSession,
    IncompleteApplication,
    Milestone,
    ProgramClosed,
    ProgramReviewer,
    ReferenceCounter,
    Review,
    TransitionNotAllowed,
)
from .tasks import send_place_freed_email, send_status_email
from .uploads import detect_content_type, safe_original_name

S = Application.Status
MAX_DOCUMENTS = 20


def _notify(change, base_url=""):
    """E-mail the applicant after commit; tell the bureau when an accepted company gives up its place."""
    transaction.on_commit(lambda: send_status_email.enqueue(change.pk, base_url))
    if change.from_status == S.ACCEPTED and change.to_status == S.WITHDRAWN:
        application_id = change.object_id
        transaction.on_commit(lambda: send_place_freed_email.enqueue(application_id, base_url))


def _require_editable(application):
    if not application.is_editable:
        raise ApplicationError(_("This application can no longer be changed."))
    if not application.accepts_changes:
        raise ProgramClosed(_("Applications for this program are closed. Your draft can still be read."))


def company_snapshot(company):
    return {
        "name_zh": company.name_zh,
        "name_en": company.name_en,
        "ubn": company.ubn,
        "address": company.address,
        "district": company.district,
        "industry": company.industry,
        "website": company.website,
    }


# Applying ---------------------------------------------------------------------------------------


@transaction.atomic
def application_start(*, program, company, user, language):
    """The company's application to the program: the existing one, or a new draft prefilled from the company.

    Returns ``(application, created)``. A program that is not open refuses new drafts.
    """
    if not selectors.companies_for(user).filter(pk=company.pk).exists():
        raise ApplicationError(_("You can only apply for a company you are a member of."))
    program = program.canonical
    existing = Application.objects.filter(program=program, company=company).first()
    if existing:
        return existing, False
    if not program.is_open:
        raise ProgramClosed(_("This program is not accepting applications."))
    try:
        with transaction.atomic():
            application = Application.objects.create(
                program=program,
                company=company,
                created_by=user,
                language=language,
                contact_name=user.get_full_name(),
                contact_email=user.email,
                company_details=company_snapshot(company),
            )
    except IntegrityError:
        return Application.objects.get(program=program, company=company), False
    return application, True


@transaction.atomic
def application_save_company_details(*, application, user, data):
    _require_editable(application)
    for field in ("contact_name", "contact_title", "contact_email", "contact_phone"):
        setattr(application, field, data[field])
    details = dict(application.company_details)
    for key in ("name_zh", "name_en", "address", "district", "industry", "website"):
        details[key] = data[key]
    application.company_details = details
    application.save(
        update_fields=[
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
            "company_details",
            "updated_at",
        ]
    )


@transaction.atomic
def application_save_answers(*, application, user, section, cleaned_data):
    """Saves one section's answers into the draft; other sections' answers are kept as they are."""
    _require_editable(application)
    answers = dict(application.answers)
    for question in section.questions:
        value = q.to_json(question, cleaned_data.get(question.field_name))
        if value is None:
            answers.pop(question.id, None)
        else:
            answers[question.id] = value
    application.answers = answers
    application.save(update_fields=["answers", "updated_at"])


@transaction.atomic
def application_add_document(*, application, user, upload, question_id=""):
    """Stores a checked PDF/JPEG/PNG under a generated name. A file question keeps only its latest file."""
    _require_editable(application)
    content_type = detect_content_type(upload)
    if question_id:
        page = selectors.program_for_display(application)
        if question_id not in {question.id for question in q.file_questions(page)}:
            raise ApplicationError(_("Choose what this document is for."))
        for old in application.documents.filter(question_id=question_id):
            old.file.delete(save=False)
            old.delete()
    elif application.documents.count() >= MAX_DOCUMENTS:
        raise ApplicationError(_("An application can have at most %(max)d documents.") % {"max": MAX_DOCUMENTS})
    document = ApplicationDocument(
        application=application,
        question_id=question_id,
        original_name=safe_original_name(upload.name, content_type),
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
    document.file.save("upload", upload, save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def application_delete_document(*, document, user):
    _require_editable(document.application)
    document.file.delete(save=False)
    document.delete()


@transaction.atomic
def application_give_consent(*, application, user):
    _require_editable(application)
    application.consent_at = timezone.now()
    application.save(update_fields=["consent_at", "updated_at"])


def next_reference(year):
    ReferenceCounter.objects.get_or_create(year=year)
    counter = ReferenceCounter.objects.select_for_update().get(year=year)
    ReferenceCounter.objects.filter(pk=year).update(last=F("last") + 1)
    counter.refresh_from_db()
    return f"CB-{year}-{counter.last:06d}"


@transaction.atomic
def application_submit(*, application, user, base_url=""):
    """Submits (or resubmits after changes were requested) exactly once.

    Refuses incomplete applications (listing what is missing), new submissions after the closing time and
    a second submission from another tab or a double click (the status is moved with a conditional update).
    """
    if application.status not in Application.EDITABLE:
        raise TransitionNotAllowed(_("This application has already been submitted."))
    if application.status == S.DRAFT and not application.program.is_open:
        raise ProgramClosed(
            _("Applications for this program closed at %(time)s. It can no longer be submitted.")
            % {"time": timezone.localtime(application.program.closes_at).strftime("%Y-%m-%d %H:%M")}
        )
    missing = selectors.missing_items(application)
    if missing:
        raise IncompleteApplication(_("Some required answers are missing."), errors=missing)
    new_status = S.SUBMITTED if application.status == S.DRAFT else S.RESUBMITTED
    change = application.set_status(new_status, by=user, expected=application.status)
    if not application.reference:
        application.reference = next_reference(timezone.localdate().year)
        application.save(update_fields=["reference"])
    _notify(change, base_url)
    return change


@transaction.atomic
def application_withdraw(*, application, user, note="", expected=None, base_url=""):
    change = application.set_status(S.WITHDRAWN, by=user, note=note, expected=expected)
    _notify(change, base_url)
    return change


# Review -----------------------------------------------------------------------------------------


@transaction.atomic
def application_transition(*, application, user, new_status, note="", expected=None, base_url=""):
    """A staff move; only moves the user's role allows, checked again here, not just hidden in the UI."""
    application.status = expected or application.status
    if new_status not in selectors.allowed_staff_transitions(application, user):
        raise TransitionNotAllowed(_("You cannot make this change."))
    change = application.set_status(new_status, by=user, note=note, expected=expected)
    _notify(change, base_url)
    return change


# Audit-log actions (labels and messages in wagtail_hooks.py).
REVIEWER_ASSIGNED = "coaching.reviewer_assigned"
REVIEW_SCORED = "coaching.review_scored"
CONFLICT_DECLARED = "coaching.conflict_declared"
DOCUMENT_DOWNLOADED = "coaching.document_downloaded"


@transaction.atomic
def reviewer_assign(*, application, reviewer, by):
    if not reviewer.has_perm("coaching.review_application"):
        raise ApplicationError(_("%(user)s is not a reviewer.") % {"user": reviewer})
    assignment, created = ApplicationReviewer.objects.get_or_create(
        application=application, reviewer=reviewer, defaults={"assigned_by": by}
    )
    if created:
        audit.record(application, REVIEWER_ASSIGNED, by=by, reviewer=reviewer.email)
    return assignment


@transaction.atomic
def program_reviewer_assign(*, program, reviewer):
    if not reviewer.has_perm("coaching.review_application"):
        raise ApplicationError(_("%(user)s is not a reviewer.") % {"user": reviewer})
    assignment, _created = ProgramReviewer.objects.get_or_create(program=program.canonical, reviewer=reviewer)
    return assignment


def _require_active_reviewer(application, reviewer):
    if not selectors.is_reviewer(reviewer) or not selectors.is_assigned_reviewer(application, reviewer):
        raise ApplicationError(_("Only reviewers assigned to this application can score it."))
    if application.status in {S.DRAFT, S.WITHDRAWN}:
        raise ApplicationError(_("This application cannot be scored."))
    existing = Review.objects.filter(application=application, reviewer=reviewer).first()
    if existing and existing.conflict_of_interest:
        raise ApplicationError(_("You declared a conflict of interest for this application and cannot score it."))
    return existing


@transaction.atomic
def review_save(*, application, reviewer, scores, comment=""):
    """Saves a reviewer's rubric scores: every criterion, each a whole number from 1 to 5."""
    _require_active_reviewer(application, reviewer)
    criteria = application.program.criteria()
    clean = {}
    for criterion in criteria:
        value = scores.get(criterion["id"])
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ApplicationError(
                _("Score “%(criterion)s” with a whole number from 1 to 5.") % {"criterion": criterion["name"]}
            )
        clean[criterion["id"]] = value
    previous = Review.objects.filter(application=application, reviewer=reviewer).values_list("scores", flat=True)
    old = previous.first() or {}
    review, _created = Review.objects.update_or_create(
        application=application, reviewer=reviewer, defaults={"scores": clean, "comment": comment}
    )
    if old != clean:
        names = {criterion["id"]: criterion["name"] for criterion in criteria}
        audit.record(
            application,
            REVIEW_SCORED,
            by=reviewer,
            old={names.get(key, key): value for key, value in old.items()},
            new={names[key]: value for key, value in clean.items()},
        )
    return review


@transaction.atomic
def review_declare_conflict(*, application, reviewer, note):
    """Recuses the reviewer: their scores no longer count and they cannot score this application again."""
    _require_active_reviewer(application, reviewer)
    review, _created = Review.objects.update_or_create(
        application=application,
        reviewer=reviewer,
        defaults={"conflict_of_interest": True, "conflict_note": note, "scores": {}},
    )
    audit.record(application, CONFLICT_DECLARED, by=reviewer, note=note)
    return review


def document_opened(*, document, user):
    """Staff opening an applicant's document is in the audit log; the company's own members are not logged."""
    if not document.application.company.memberships.filter(user=user).exists():
        audit.record(document.application, DOCUMENT_DOWNLOADED, by=user, file=document.original_name)


@transaction.atomic
def note_add(*, application, author, body):
    return ApplicationNote.objects.create(application=application, author=author, body=body)


# Program fees -----------------------------------------------------------------------------------
#
# A program with a fee enrols an accepted company only once the fee is paid (Stripe Checkout, confirmed by
# the payments webhook, never by the success page) or waived by a decision maker with a reason. A refund is
# recorded for staff as an internal note; it never withdraws an enrolment by itself: staff decide.


def _locked(application):
    return Application.objects.select_for_update().get(pk=application.pk)


@transaction.atomic
def program_fee_checkout_start(*, application, user, base_url):
    """A Stripe Checkout Session for the program fee of an accepted application; the view redirects to its url.

    Only members of the company, only while the application is accepted and the fee neither paid nor waived.
    A paid fee is refused by payments as well (PaymentStateError): a fee is never taken twice.
    """
    if not selectors.companies_for(user).filter(pk=application.company_id).exists():
        raise ApplicationError(_("Only members of the company can pay its program fee."))
    if not stripe_configured():
        raise PaymentsNotConfigured(
            _("Online payment is not available yet; the bureau will contact you about the fee.")
        )
    application = _locked(application)
    program = application.program
    if program.fee <= 0:
        raise ApplicationError(_("This program is free; there is no fee to pay."))
    if application.fee_paid_at:
        raise ApplicationError(_("The program fee has already been paid; it cannot be paid again."))
    if application.fee_waived_at:
        raise ApplicationError(_("The bureau has waived the program fee; there is nothing to pay."))
    if application.status != S.ACCEPTED:
        raise ApplicationError(_("The program fee can be paid only while the application is accepted."))
    amount_minor = to_minor(Decimal(program.fee), Currency.TWD)
    with translation.override(application.language):
        description = _("Program fee: %(program)s (%(reference)s)") % {
            "program": program.localized.title,
            "reference": application.reference,
        }
    payment = payments.payment_create(
        purpose=Payment.Purpose.PROGRAM_FEE,
        target=application,
        amount_minor=amount_minor,
        currency=Currency.TWD,
        description=description[:255],
        customer_email=application.contact_email,
    )
    page = base_url + reverse("coaching:detail", args=[application.pk])
    return payments.checkout_session_create(
        payment=payment,
        line_items=[{"name": description[:255], "unit_amount_minor": amount_minor, "quantity": 1}],
        success_url=f"{page}?fee=done",
        cancel_url=page,
        customer_email=application.contact_email,
    )


def _system_note(application, message, **params):
    """An internal note from the payments integration, written in the bureau's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        body = str(message) % {key: str(value) for key, value in params.items()}
    return ApplicationNote.objects.create(application=application, author=None, body=body)


@transaction.atomic
def program_fee_paid(*, application_id, paid_at):
    """Stripe confirmed the fee: record it and enrol an accepted application (once; the row is locked).

    An application that is already enrolled (or further) is left alone. One that is no longer accepted, or
    whose fee was waived in the meantime, is not moved; staff get a note to decide about a refund.
    """
    application = Application.objects.select_for_update().get(pk=application_id)
    if application.fee_paid_at:
        return None
    waived = bool(application.fee_waived_at)
    application.fee_paid_at = paid_at or timezone.now()
    application.save(update_fields=["fee_paid_at", "updated_at"])
    if waived:
        _system_note(
            application,
            gettext_lazy(
                "The program fee was paid after it had been waived. Decide whether to refund the payment in Payments."
            ),
        )
        return None
    if application.status != S.ACCEPTED:
        _system_note(
            application,
            gettext_lazy(
                "The program fee was paid while the application was “%(status)s”, so it was not enrolled. "
                "Decide whether to refund the payment in Payments."
            ),
            status=application.Status(application.status).label,
        )
        return None
    with translation.override(application.language):
        note = _("Program fee paid")
    change = application.set_status(S.ENROLLED, by=None, note=note, expected=S.ACCEPTED)
    _notify(change, settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
    return change


@transaction.atomic
def program_fee_refunded(*, application_id, amount_refunded_minor, amount_minor, currency):
    """Record a refund of the fee for staff. The enrolment is not changed: staff decide what follows."""
    application = Application.objects.select_for_update().get(pk=application_id)
    full = amount_refunded_minor >= amount_minor
    message = (
        gettext_lazy("The program fee was refunded in full (%(refunded)s). The status was not changed; staff decide.")
        if full
        else gettext_lazy(
            "Part of the program fee was refunded: %(refunded)s of %(amount)s in total. "
            "The status was not changed; staff decide."
        )
    )
    return _system_note(
        application,
        message,
        refunded=format_minor(amount_refunded_minor, currency),
        amount=format_minor(amount_minor, currency),
    )


@transaction.atomic
def _close_fee_checkout(application):
    """A checkout the company started for the fee is closed before the waiver, so it cannot be paid afterwards."""
    payment = payment_for(application, purpose=Payment.Purpose.PROGRAM_FEE)
    if payment is None:
        return
    try:
        payments.checkout_close(payment=payment)
    except PaymentError as error:
        raise ApplicationError(_("The fee cannot be waived now: %(reason)s") % {"reason": str(error)}) from error


def program_fee_waive(*, application, user, reason, base_url=""):
    """A decision maker waives the fee of an accepted application, with a reason, and it is enrolled.

    Refused without a reason, for a free program, a fee already paid or waived, or an application that is not
    accepted. Who, when and why are kept on the application and in its history.
    """
    if not selectors.is_decider(user):
        raise ApplicationError(_("Only staff who decide on applications can waive a program fee."))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Give the reason for waiving the fee."))
    application = _locked(application)
    if application.program.fee <= 0:
        raise ApplicationError(_("This program is free; there is no fee to waive."))
    if application.fee_paid_at:
        raise ApplicationError(_("The program fee has already been paid; it cannot be waived."))
    if application.fee_waived_at:
        raise ApplicationError(_("The program fee has already been waived."))
    if application.status != S.ACCEPTED:
        raise ApplicationError(_("The fee can be waived only for an accepted application."))
    _close_fee_checkout(application)
    application.fee_waived_at = timezone.now()
    application.fee_waived_by = user
    application.fee_waiver_reason = reason
    application.save(update_fields=["fee_waived_at", "fee_waived_by", "fee_waiver_reason", "updated_at"])
    note = _("Program fee waived: %(reason)s") % {"reason": reason}
    change = application.set_status(S.ENROLLED, by=user, note=note, expected=S.ACCEPTED)
    _notify(change, base_url)
    return change


# Coaching records -------------------------------------------------------------------------------

RECORDABLE = {S.ENROLLED, S.COMPLETED}


def _require_enrolled(application):
    if application.status not in RECORDABLE:
        raise ApplicationError(_("Coaching records can be kept only for enrolled companies."))


@transaction.atomic
def session_record(
    *, application, by, date, topic, coach=None, notes="", attendance=CoachingSession.Attendance.ATTENDED
):
    _require_enrolled(application)
    return CoachingSession.objects.create(
        application=application, date=date, topic=topic, coach=coach, notes=notes, attendance=attendance, recorded_by=by
    )


@transaction.atomic
def milestone_record(
    *,
    application,
    by,
    kind,
    achieved_on,
    description="",
    sales_band="",
    export_revenue=None,
    export_revenue_currency="",
    markets_entered=(),
    marketplaces="",
    export_orders=None,
    jobs_created=None,
):
    """The coach records a milestone with its figures; they count in the reports once the company confirms."""
    _require_enrolled(application)
    milestone = Milestone(
        application=application,
        kind=kind,
        achieved_on=achieved_on,
        description=description,
        sales_band=sales_band,
        export_revenue=export_revenue,
        export_revenue_currency=export_revenue_currency,
        markets_entered=list(markets_entered),
        marketplaces=marketplaces,
        export_orders=export_orders,
        jobs_created=jobs_created,
        recorded_by=by,
    )
    milestone.full_clean()
    milestone.save()
    return milestone


MILESTONE_CONFIRMED = "coaching.milestone_confirmed"


@transaction.atomic
def milestone_confirm(*, milestone, user):
    """A member of the company confirms the figures the coach recorded; once only."""
    milestone = Milestone.objects.select_for_update().select_related("application").get(pk=milestone.pk)
    if not milestone.application.company.memberships.filter(user=user).exists():
        raise ApplicationError(_("Only the company's members can confirm its outcomes."))
    if milestone.confirmed_at is not None:
        raise ApplicationError(_("These figures are already confirmed."))
    milestone.confirmed_at = timezone.now()
    milestone.confirmed_by = user
    milestone.save(update_fields=["confirmed_at", "confirmed_by"])
    log(instance=milestone.application, action=MILESTONE_CONFIRMED, user=user, data={"milestone": milestone.pk})
    return milestone


# Groups -----------------------------------------------------------------------------------------

PROGRAM_MANAGERS = "Program managers"
PROGRAM_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


@transaction.atomic
def program_managers_grant_pages(*, index):
    """Let the Program managers group add, edit and publish the programs under this index."""
    group = Group.objects.filter(name=PROGRAM_MANAGERS).first()
    if group is None:
        return
    for codename in PROGRAM_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
