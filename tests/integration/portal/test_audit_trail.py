"""Staff actions that change or reveal data are in Wagtail's audit log: who, when, what."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from coaching import services as coaching
from portal.audit import PERSONAL_DATA_EXPORT
from portal.companies import services as companies
from tests.factories.accounts import StaffFactory
from tests.factories.coaching import assign, manager, reviewer, submitted
from tests.factories.companies import CompanyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def entries(action):
    return list(ModelLogEntry.objects.filter(action=action).order_by("timestamp", "pk"))


def test_reviewer_assignment_scores_old_and_new_and_conflicts_are_logged():
    """Assignment (by whom, whom), each score change with old → new, and a conflict declaration."""
    application = submitted()
    boss, user = manager(), reviewer()
    coaching.reviewer_assign(application=application, reviewer=user, by=boss)
    (entry,) = entries(coaching.REVIEWER_ASSIGNED)
    assert (entry.user, entry.data["reviewer"]) == (boss, user.email)
    criteria = application.program.criteria()
    coaching.review_save(application=application, reviewer=user, scores={c["id"]: 3 for c in criteria})
    coaching.review_save(application=application, reviewer=user, scores={c["id"]: 4 for c in criteria})
    first, second = entries(coaching.REVIEW_SCORED)
    name = criteria[0]["name"]
    assert (first.data["old"], first.data["new"][name]) == ({}, 3)
    assert (second.data["old"][name], second.data["new"][name]) == (3, 4)
    other = reviewer()
    assign(application, other)
    coaching.review_declare_conflict(application=application, reviewer=other, note="My cousin's company")
    (conflict,) = entries(coaching.CONFLICT_DECLARED)
    assert (conflict.user, conflict.data["note"]) == (other, "My cousin's company")


def test_the_site_history_report_shows_the_messages(client):
    """Staff read the entries in Wagtail's site history report, in words."""
    application = submitted()
    coaching.reviewer_assign(application=application, reviewer=reviewer(email="r@bureau.example"), by=manager())
    client.force_login(StaffFactory(admin_language="en"))
    content = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Reviewer r@bureau.example assigned" in content


def test_verification_is_logged_and_the_company_e_mailed(django_capture_on_commit_callbacks):
    """Verifying a company writes the audit log and e-mails its members."""
    company = CompanyFactory()
    member = MembershipFactory(company=company).user
    staff = StaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        companies.company_verify(company=company, by=staff)
    (entry,) = entries(companies.VERIFIED)
    assert (entry.user, entry.object_id) == (staff, str(company.pk))
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert company.name_zh in mail.outbox[0].subject


def test_staff_document_downloads_are_logged_members_are_not(client):
    """A staff member opening an applicant's document is logged; the company's own member is not."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from coaching.models import Application
    from tests.factories.coaching import PDF_BYTES, CompleteApplicationFactory

    application = CompleteApplicationFactory()
    member = application.created_by
    document = coaching.application_add_document(
        application=application, user=member, upload=SimpleUploadedFile("plan.pdf", PDF_BYTES, "application/pdf")
    )
    Application.objects.filter(pk=application.pk).update(status=Application.Status.SUBMITTED)
    url = reverse("coaching:document_download", args=[document.pk])
    client.force_login(member)
    assert client.get(url).status_code == 200
    assert entries(coaching.DOCUMENT_DOWNLOADED) == []
    client.force_login(manager())
    assert client.get(url).status_code == 200
    (entry,) = entries(coaching.DOCUMENT_DOWNLOADED)
    assert entry.data["file"] == "plan.pdf"


def test_exports_of_personal_data_are_logged(client):
    """The applications export and a report export each write who exported what, in which format, how many rows."""
    submitted()
    boss = manager()
    client.force_login(boss)
    client.get(reverse("coaching_applications:export_xlsx"))
    superuser = StaffFactory()
    client.force_login(superuser)
    client.get(reverse("reports_companies"), {"export": "csv"})
    first, second = entries(PERSONAL_DATA_EXPORT)
    assert (first.user, first.data["format"], first.data["rows"]) == (boss, "xlsx", 1)
    assert (second.user, second.data["format"]) == (superuser, "csv")
