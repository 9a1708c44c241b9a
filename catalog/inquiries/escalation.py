"""The escalation desk: an inquiry left unanswered is first chased, then handed to a case officer.

Two working days after the buyer confirmed it (weekends and Taiwan's public holidays, ``portal.workdays``, do
not count) the supplier's members are reminded; after three, the inquiry is assigned to a case officer of the
supplier's district (else its industry) and the officer is told. Each step is written once (a conditional
update on its timestamp), so ``manage.py escalate_inquiries`` may run as often as it likes, and each step is
an entry in the inquiry's audit-log history.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.workdays import add_working_days

from .models import CaseOfficerArea, EscalationOutcome, Inquiry, InquiryError
from .tasks import send_escalation_email

REMIND_AFTER_WORKING_DAYS = 2
ESCALATE_AFTER_WORKING_DAYS = 3
REMINDED = "inquiries.supplier_reminded"
ESCALATED = "inquiries.escalated"


@dataclass
class EscalationRun:
    reminded: int = 0
    escalated: int = 0
    without_officer: int = 0


def case_officer_for(company):
    """The first active member (by e-mail) of the group for the company's district, else its industry."""
    for lookup in ({"district": company.district}, {"industry": company.industry}):
        area = CaseOfficerArea.objects.filter(**lookup).select_related("group").order_by("pk").first()
        if area is not None:
            officer = area.group.user_set.filter(is_active=True).order_by("email").first()
            if officer is not None:
                return officer
    return None


def _due(inquiry, working_days, now):
    return now >= add_working_days(timezone.localtime(inquiry.email_confirmed_at), working_days)


@transaction.atomic
def inquiries_escalate(*, now=None):
    """One pass of the desk; returns how many inquiries were reminded and escalated."""
    now = now or timezone.now()
    run = EscalationRun()
    waiting = Inquiry.objects.unanswered().filter(escalated_at__isnull=True).select_related("company")
    for inquiry in waiting.order_by("email_confirmed_at", "pk"):
        if _due(inquiry, ESCALATE_AFTER_WORKING_DAYS, now):
            officer = case_officer_for(inquiry.company)
            if not Inquiry.objects.filter(pk=inquiry.pk, escalated_at__isnull=True).update(
                escalated_at=now, case_officer=officer
            ):
                continue
            log(instance=inquiry, action=ESCALATED, data={"officer": officer.email if officer else ""})
            run.escalated += 1
            run.without_officer += officer is None
            if officer is not None:
                transaction.on_commit(
                    lambda pk=inquiry.pk: send_escalation_email.enqueue(inquiry_id=pk, event="escalated")
                )
        elif _due(inquiry, REMIND_AFTER_WORKING_DAYS, now):
            if not Inquiry.objects.filter(pk=inquiry.pk, reminded_at__isnull=True).update(reminded_at=now):
                continue
            log(instance=inquiry, action=REMINDED, data={})
            run.reminded += 1
            transaction.on_commit(lambda pk=inquiry.pk: send_escalation_email.enqueue(inquiry_id=pk, event="reminder"))
    return run


# The case officer's desk ------------------------------------------------------------------------

NUDGED = "inquiries.supplier_nudged"
REASSIGNED = "inquiries.reassigned"
ESCALATION_CLOSED = "inquiries.escalation_closed"


def is_case_officer(user):
    """Staff in a group that looks after an area, and superusers."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(pk__in=CaseOfficerArea.objects.values("group")).exists()


def case_officers():
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, groups__in=CaseOfficerArea.objects.values("group"))
        .distinct()
        .order_by("email")
    )


def escalations_for(user):
    """The escalated inquiries assigned to the user that are still open, oldest escalation first."""
    if not is_case_officer(user):
        return Inquiry.objects.none()
    return (
        Inquiry.objects.filter(case_officer=user, escalated_at__isnull=False)
        .exclude(status=Inquiry.Status.CLOSED)
        .select_related("company", "product")
        .order_by("escalated_at", "pk")
    )


def escalation_for(user, pk):
    """One escalated inquiry of the user's (any, for a superuser), or 404."""
    inquiries = Inquiry.objects.filter(escalated_at__isnull=False).select_related("company", "product")
    if not user.is_superuser:
        inquiries = inquiries.filter(case_officer=user)
    return get_object_or_404(inquiries, pk=pk)


def _require_open(inquiry):
    if inquiry.status == Inquiry.Status.CLOSED:
        raise InquiryError(_("This inquiry is already closed."))


@transaction.atomic
def escalation_nudge(*, inquiry, by, message):
    """The case officer writes to the supplier's members (e-mail after the commit); it is on the history."""
    _require_open(inquiry)
    message = message.strip()
    if not message:
        raise InquiryError(_("Write the message to the supplier."))
    log(instance=inquiry, action=NUDGED, user=by, data={"message": message})
    transaction.on_commit(lambda: send_escalation_email.enqueue(inquiry_id=inquiry.pk, event="nudge", message=message))


@transaction.atomic
def escalation_reassign(*, inquiry, by, officer):
    _require_open(inquiry)
    if officer is None or not case_officers().filter(pk=officer.pk).exists():
        raise InquiryError(_("Choose a case officer."))
    Inquiry.objects.filter(pk=inquiry.pk).update(case_officer=officer)
    log(instance=inquiry, action=REASSIGNED, user=by, data={"officer": officer.email})
    transaction.on_commit(lambda: send_escalation_email.enqueue(inquiry_id=inquiry.pk, event="escalated"))


@transaction.atomic
def escalation_close(*, inquiry, by, outcome, note=""):
    """Closes the inquiry (the status machine: history and audit log) with the escalation's outcome."""
    if outcome not in EscalationOutcome.values:
        raise InquiryError(_("Choose the outcome."))
    _require_open(inquiry)
    inquiry.set_status(Inquiry.Status.CLOSED, by=by, note=note or EscalationOutcome(outcome).label)
    Inquiry.objects.filter(pk=inquiry.pk).update(escalation_outcome=outcome)
    log(instance=inquiry, action=ESCALATION_CLOSED, user=by, data={"outcome": str(EscalationOutcome(outcome).label)})
