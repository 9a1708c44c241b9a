"""Bulk decisions (accept, waitlist, reject with one message), each through the guarded status method, and the
waiting list's suggestion as a one-click move."""

import pytest
from django.core import mail
from django.urls import reverse

from coaching.models import Application
from portal.status import STATUS_CHANGE_ACTION
from tests.factories.coaching import ProgramPageFactory, decider, manager, reviewer, submitted
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db
S = Application.Status


def bulk_url():
    return reverse("coaching_applications:bulk")


def test_deciders_accept_several_with_one_message(client, django_capture_on_commit_callbacks):
    """Each shortlisted application is accepted with the message in its history and its e-mail; one the rules
    refuse (a place beyond capacity) stays, and the page says which and why."""
    program = ProgramPageFactory(capacity=2)
    first, second, third = (submitted(status=S.SHORTLISTED, program=program) for _ in range(3))
    client.force_login(decider())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            bulk_url(),
            {"ids": [first.pk, second.pk, third.pk], "action": "accepted", "message": "Welcome to the 2026 cohort."},
            follow=True,
        )
    content = response.content.decode()
    assert "2 application(s) updated" in content
    assert "The program is full" in content
    assert Application.objects.filter(status=S.ACCEPTED).count() == 2
    accepted = Application.objects.filter(status=S.ACCEPTED).first()
    assert accepted.history.last().note == "Welcome to the 2026 cohort."
    assert len(mail.outbox) == 2
    assert all("Welcome to the 2026 cohort." in message.body for message in mail.outbox)


def test_a_decision_needs_a_message(client):
    """Without the message nothing moves and the page asks for it."""
    application = submitted(status=S.SHORTLISTED)
    client.force_login(decider())
    response = client.post(bulk_url(), {"ids": [application.pk], "action": "rejected", "message": " "}, follow=True)
    assert "Write the message" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SHORTLISTED


def test_only_deciders_decide_in_bulk(client):
    """Managers, reviewers, company members and anonymous visitors cannot decide in bulk."""
    application = submitted(status=S.SHORTLISTED)
    data = {"ids": [application.pk], "action": "waitlisted", "message": "Sorry"}
    for user in (manager(), reviewer(), MembershipFactory(company=application.company).user):
        client.force_login(user)
        response = client.post(bulk_url(), data)
        assert response.status_code == 302 and response["Location"] != reverse("coaching_applications:index")
    client.logout()
    assert client.post(bulk_url(), data).status_code == 302
    application.refresh_from_db()
    assert application.status == S.SHORTLISTED


def test_the_waitlist_suggestion_is_one_click(client, django_capture_on_commit_callbacks):
    """With a free place the best waitlisted application is accepted in one click, logged and e-mailed."""
    program = ProgramPageFactory(capacity=1)
    waiting = submitted(status=S.WAITLISTED, program=program)
    client.force_login(decider())
    detail = client.get(reverse("coaching_applications:detail", args=[waiting.pk])).content.decode()
    assert reverse("coaching_applications:accept_suggestion", args=[waiting.pk]) in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("coaching_applications:accept_suggestion", args=[waiting.pk]), follow=True)
    assert "Accepted from the waiting list" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == S.ACCEPTED
    assert len(mail.outbox) == 1
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(action=STATUS_CHANGE_ACTION, object_id=str(waiting.pk)).exists()
    again = client.post(reverse("coaching_applications:accept_suggestion", args=[waiting.pk]), follow=True)
    assert "is no longer the waiting list" in again.content.decode()


def test_managers_cannot_take_the_suggestion(client):
    """Only decision makers accept; a manager is refused and nothing moves."""
    waiting = submitted(status=S.WAITLISTED, program=ProgramPageFactory(capacity=1))
    client.force_login(manager())
    response = client.post(reverse("coaching_applications:accept_suggestion", args=[waiting.pk]))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == S.WAITLISTED
