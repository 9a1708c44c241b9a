"""The whole life of an application through the HTTP layer, applicant and staff taking turns."""

import pytest
from django.core import mail
from django.urls import reverse

from coaching.models import Application, CoachingSession
from tests.factories.coaching import CoachFactory, decider, manager, reviewer
from tests.integration.coaching.test_applying import fill_everything, start, url

pytestmark = pytest.mark.django_db
S = Application.Status


def admin(name, *args):
    return reverse(f"coaching_applications:{name}", args=args)


class Committing:
    """A test client whose requests run their on-commit callbacks (the e-mails) as a real commit would."""

    def __init__(self, client, capture):
        self.client, self.capture = client, capture

    def force_login(self, user):
        self.client.force_login(user)

    def get(self, *args, **kwargs):
        return self.client.get(*args, **kwargs)

    def post(self, *args, **kwargs):
        with self.capture(execute=True):
            return self.client.post(*args, **kwargs)


def move(client, application, new_status, note=""):
    application.refresh_from_db()
    response = client.post(
        admin("transition", application.pk),
        {"new_status": new_status, "expected_status": application.status, "note": note},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == new_status, (application.status, new_status)


def test_draft_to_completed(client, member, program, django_capture_on_commit_callbacks):
    """draft → all steps → check answers → submit → e-mail → assign → score → changes requested → resubmit →
    accept → enrol → session recorded → completed; each move e-mails the applicant and is in the timeline."""
    the_manager, the_reviewer, the_decider = manager(), reviewer(), decider()
    coach = CoachFactory(name="Chen Coach")
    client = Committing(client, django_capture_on_commit_callbacks)
    client.force_login(member)
    application = start(client, program)
    fill_everything(client, application)
    assert client.post(url("check", application.pk)).status_code == 302
    application.refresh_from_db()
    assert application.status == S.SUBMITTED and application.reference
    assert application.reference in mail.outbox[-1].body

    client.force_login(the_manager)
    client.post(admin("assign", application.pk), {"reviewer": the_reviewer.pk, "scope": "application"})
    move(client, application, S.IN_REVIEW)

    client.force_login(the_reviewer)
    client.post(admin("review", application.pk), {"score_c-fit": "4", "score_c-ready": "5", "comment": "Ready"})
    assert application.reviews.get().scores == {"c-fit": 4, "c-ready": 5}

    client.force_login(the_manager)
    move(client, application, S.CHANGES_REQUESTED, note="Please give your revenue for last year.")
    assert "Please give your revenue" in mail.outbox[-1].body

    client.force_login(member)
    page = client.get(url("detail", application.pk)).content.decode()
    assert "Please give your revenue" in page
    client.post(url("section", application.pk, 2), {"q_q-revenue": "1500000"})
    assert client.post(url("check", application.pk)).status_code == 302
    application.refresh_from_db()
    assert application.status == S.RESUBMITTED and application.answers["q-revenue"] == "1500000"

    client.force_login(the_manager)
    move(client, application, S.IN_REVIEW)
    move(client, application, S.SHORTLISTED)
    client.force_login(the_decider)
    move(client, application, S.ACCEPTED, note="Welcome aboard")
    client.force_login(the_manager)
    move(client, application, S.ENROLLED)
    response = client.post(
        admin("session_add", application.pk),
        {"date": "2026-12-01", "coach": coach.pk, "topic": "Shopee store set-up", "attendance": "attended"},
    )
    assert response.status_code == 302
    client.post(
        admin("milestone_add", application.pk),
        {"kind": "marketplace_store", "achieved_on": "2026-12-15", "description": "Shopee Thailand"},
    )
    move(client, application, S.COMPLETED)

    assert CoachingSession.objects.get().coach == coach
    client.force_login(member)
    page = client.get(url("detail", application.pk)).content.decode()
    for text in ("Shopee store set-up", "Chen Coach", "Shopee Thailand", "Completed"):
        assert text in page, text
    timeline = list(application.history.values_list("to_status", flat=True))
    assert timeline == [
        S.SUBMITTED,
        S.IN_REVIEW,
        S.CHANGES_REQUESTED,
        S.RESUBMITTED,
        S.IN_REVIEW,
        S.SHORTLISTED,
        S.ACCEPTED,
        S.ENROLLED,
        S.COMPLETED,
    ]
    assert len(mail.outbox) == len(timeline)
    assert all(message.to == ["lin@example.com"] for message in mail.outbox)
