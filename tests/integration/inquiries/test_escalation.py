"""The escalation desk end to end on a fixed clock, across Constitution Day (Friday 2026-12-25)."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from catalog.inquiries import escalation
from catalog.inquiries.models import CaseOfficerArea, Inquiry
from portal.markets import District
from portal.status import STATUS_CHANGE_ACTION
from tests.factories.accounts import UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.inquiries import InquiryFactory
from tests.factories.showcase import VerifiedCompanyFactory

pytestmark = pytest.mark.django_db

TAIPEI = ZoneInfo("Asia/Taipei")
# Confirmed on Wednesday 2026-12-23 at 10:00. Working days after it: Thu 24, (Fri 25 holiday, weekend),
# Mon 28, Tue 29. Two working days are over on Monday 28 at 10:00, three on Tuesday 29 at 10:00.
CONFIRMED = datetime.datetime(2026, 12, 23, 10, tzinfo=TAIPEI)


def at(day, hour):
    return datetime.datetime(2026, 12, day, hour, tzinfo=TAIPEI)


@pytest.fixture
def desk():
    company = VerifiedCompanyFactory(district=District.NEIHU)
    member = MembershipFactory(company=company).user
    group = Group.objects.create(name="Case officers: Neihu")
    officer = UserFactory(is_staff=True, email="officer@bureau.example")
    officer.groups.add(group)
    CaseOfficerArea.objects.create(group=group, district=District.NEIHU)
    inquiry = InquiryFactory(company=company, created_at=CONFIRMED, email_confirmed_at=CONFIRMED)
    answered = InquiryFactory(
        company=company,
        created_at=CONFIRMED,
        email_confirmed_at=CONFIRMED,
        first_replied_at=at(23, 11),
        status=Inquiry.Status.ANSWERED,
    )
    return {"inquiry": inquiry, "answered": answered, "member": member, "officer": officer}


def history(inquiry):
    return list(ModelLogEntry.objects.for_instance(inquiry).order_by("timestamp").values_list("action", flat=True))


def test_reminder_after_two_working_days_then_case_officer_after_three(desk, django_capture_on_commit_callbacks):
    """The holiday and the weekend do not count; each step happens once, e-mails the right people, is logged."""
    inquiry = desk["inquiry"]
    for moment in (at(24, 18), at(26, 12), at(28, 9)):
        with django_capture_on_commit_callbacks(execute=True):
            run = escalation.inquiries_escalate(now=moment)
        assert (run.reminded, run.escalated) == (0, 0), moment
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        run = escalation.inquiries_escalate(now=at(28, 10))
    assert (run.reminded, run.escalated) == (1, 0)
    assert [message.to for message in mail.outbox] == [[desk["member"].email]]
    with django_capture_on_commit_callbacks(execute=True):
        again = escalation.inquiries_escalate(now=at(28, 15))
    assert (again.reminded, again.escalated) == (0, 0)
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        run = escalation.inquiries_escalate(now=at(29, 10))
    assert (run.reminded, run.escalated, run.without_officer) == (0, 1, 0)
    inquiry.refresh_from_db()
    assert inquiry.case_officer == desk["officer"]
    assert inquiry.escalated_at == at(29, 10)
    assert mail.outbox[-1].to == ["officer@bureau.example"]
    assert history(inquiry) == [escalation.REMINDED, escalation.ESCALATED]
    assert history(desk["answered"]) == []


def test_the_command_is_safe_to_re_run(desk, django_capture_on_commit_callbacks):
    """Run twice after the deadline: one escalation, one e-mail to the officer."""
    Inquiry.objects.filter(pk=desk["inquiry"].pk).update(
        email_confirmed_at=datetime.datetime(2020, 1, 2, 10, tzinfo=TAIPEI)
    )
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("escalate_inquiries", stdout=out)
        call_command("escalate_inquiries", stdout=out)
    assert out.getvalue().splitlines() == [
        "reminded: 0, escalated: 1, without a case officer: 0",
        "reminded: 0, escalated: 0, without a case officer: 0",
    ]
    assert [message.to for message in mail.outbox] == [["officer@bureau.example"]]


def test_no_case_officer_for_the_area_is_counted(desk):
    """Without an area for the district or industry the inquiry is still marked escalated, with no officer."""
    CaseOfficerArea.objects.all().delete()
    run = escalation.inquiries_escalate(now=at(29, 10))
    assert (run.escalated, run.without_officer) == (1, 1)
    desk["inquiry"].refresh_from_db()
    assert desk["inquiry"].case_officer is None


# My escalations: the case officer's desk ---------------------------------------------------------


@pytest.fixture
def escalated(desk):
    escalation.inquiries_escalate(now=at(29, 10))
    desk["inquiry"].refresh_from_db()
    return desk


def desk_url(inquiry, action=""):
    name = f"inquiries_escalation_{action}" if action else "inquiries_escalation"
    return reverse(name, args=[inquiry.pk])


def test_my_escalations_is_only_for_case_officers(client, escalated):
    """Anonymous → login; a supplier's member and staff outside the case-officer groups are refused; another
    officer cannot open an inquiry that is not theirs (404)."""
    inquiry = escalated["inquiry"]
    response = client.get(reverse("inquiries_escalations"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(escalated["member"])
    assert client.get(reverse("inquiries_escalations")).status_code == 302
    outsider = UserFactory(is_staff=True)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(desk_url(inquiry))["Location"] == reverse("wagtailadmin_home")
    colleague = UserFactory(is_staff=True, email="colleague@bureau.example")
    colleague.groups.add(Group.objects.get(name="Case officers: Neihu"))
    colleague.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(colleague)
    assert inquiry.buyer_name not in client.get(reverse("inquiries_escalations")).content.decode()
    assert client.get(desk_url(inquiry), follow=True).status_code == 404


def test_the_officer_sees_the_thread_nudges_reassigns_and_closes(client, escalated, django_capture_on_commit_callbacks):
    """Each step is on the inquiry's history; the supplier gets the nudge; the new officer is told; closing
    needs a known outcome."""
    inquiry, officer = escalated["inquiry"], escalated["officer"]
    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(officer)
    listing = client.get(reverse("inquiries_escalations")).content.decode()
    assert desk_url(inquiry) in listing
    page = client.get(desk_url(inquiry)).content.decode()
    assert inquiry.message in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(desk_url(inquiry, "nudge"), {"message": "Please answer the buyer today."})
    assert [message.to for message in mail.outbox] == [[escalated["member"].email]]
    assert "Please answer the buyer today." in mail.outbox[0].body

    bad = client.post(desk_url(inquiry, "nudge"), {"message": ""})
    assert bad.status_code == 400

    colleague = UserFactory(is_staff=True, email="colleague@bureau.example")
    colleague.groups.add(Group.objects.get(name="Case officers: Neihu"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(desk_url(inquiry, "reassign"), {"officer": colleague.pk})
    inquiry.refresh_from_db()
    assert inquiry.case_officer == colleague
    assert mail.outbox[-1].to == ["colleague@bureau.example"]

    colleague.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(colleague)
    assert client.post(desk_url(inquiry, "close"), {"outcome": "made-up"}).status_code == 400
    client.post(desk_url(inquiry, "close"), {"outcome": "bureau_answered", "note": "Introduced to 2 suppliers."})
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.escalation_outcome) == (Inquiry.Status.CLOSED, "bureau_answered")
    assert history(inquiry) == [
        escalation.ESCALATED,
        escalation.NUDGED,
        escalation.REASSIGNED,
        STATUS_CHANGE_ACTION,
        escalation.ESCALATION_CLOSED,
    ]
    assert inquiry.buyer_name not in client.get(reverse("inquiries_escalations")).content.decode()
