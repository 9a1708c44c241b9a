"""The escalation desk: an inquiry left unanswered is first chased, then handed to a case officer.

Two working days after the buyer confirmed it (weekends and Taiwan's public holidays, ``portal.workdays``, do
not count) the supplier's members are reminded; after three, the inquiry is assigned to a case officer of the
supplier's district (else its industry) and the officer is told. Each step is written once (a conditional
update on its timestamp), so ``manage.py escalate_inquiries`` may run as often as it likes, and each step is
an entry in the inquiry's audit-log history.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.workdays import add_working_days

from .models import CaseOfficerArea, Inquiry
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
