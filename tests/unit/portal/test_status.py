"""portal.status: the one status machine, exercised through the simplest model that uses it (Invitation)."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps
from django.utils import timezone, translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from portal.companies.models import Invitation, InvitationError
from portal.status import STATUS_CHANGE_ACTION, StaleStatus, StatusChange, StatusMachine, TransitionError
from tests.factories.accounts import UserFactory
from tests.factories.companies import InvitationFactory

pytestmark = pytest.mark.django_db

S = Invitation.Status


def status_logs(instance):
    return ModelLogEntry.objects.for_instance(instance).filter(action=STATUS_CHANGE_ACTION)


def test_a_move_writes_status_history_and_audit_log():
    """One move: the row, one history record (from, to, by, note, when) and one audit-log entry."""
    user = UserFactory()
    invitation = InvitationFactory()
    change = invitation.set_status(S.REVOKED, by=user, note="Sent to the wrong person")

    invitation.refresh_from_db()
    assert invitation.status == S.REVOKED
    assert change.content_object == invitation
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        "pending",
        "revoked",
        user,
        "Sent to the wrong person",
    )
    assert change.created_at == invitation.responded_at
    assert list(invitation.history.all()) == [change]
    [entry] = status_logs(invitation)
    assert entry.user == user
    assert entry.data == {"from": "pending", "to": "revoked", "note": "Sent to the wrong person"}


def test_history_and_audit_log_read_as_words():
    """Labels come from the model's choices; the audit-log action renders a readable message and the note."""
    invitation = InvitationFactory()
    change = invitation.set_status(S.REVOKED, by=None, note="Duplicate")
    [entry] = status_logs(invitation)
    formatter = log_registry.get_formatter(entry)
    with translation.override("en"):
        assert change.get_to_status_display() == "Revoked"
        assert str(change).endswith("Pending → Revoked (Duplicate)")
        assert formatter.format_message(entry) == "Status changed from “Pending” to “Revoked”"
        assert formatter.format_comment(entry) == "Duplicate"
        assert str(log_registry.get_action_label(STATUS_CHANGE_ACTION)) == "Change status"


def test_a_system_move_has_no_user():
    """by=None (webhooks, tasks) is recorded as nobody, in the history and the audit log."""
    invitation = InvitationFactory()
    change = invitation.set_status(S.REVOKED, by=None)
    assert change.changed_by is None
    assert status_logs(invitation).get().user is None


def test_a_move_not_in_transitions_is_refused_and_writes_nothing():
    """The app's error class is raised, which is also the one domain error; nothing is written."""
    invitation = InvitationFactory(status=S.REVOKED)
    with pytest.raises(TransitionError) as caught:
        invitation.set_status(S.ACCEPTED, by=None)
    assert isinstance(caught.value, InvitationError)
    invitation.refresh_from_db()
    assert invitation.status == S.REVOKED
    assert not StatusChange.objects.exists()
    assert not status_logs(invitation).exists()


def test_a_guard_refuses_a_declared_move():
    """check_transition (here: an expired invitation cannot be accepted) refuses before anything is written."""
    invitation = InvitationFactory(expires_at=timezone.now() - timedelta(seconds=1))
    with translation.override("en"), pytest.raises(InvitationError, match="expired"):
        invitation.set_status(S.ACCEPTED, by=None)
    assert not StatusChange.objects.exists()


def test_a_stale_copy_is_refused():
    """Someone else moved the row first: the out-of-date copy raises StaleStatus and writes nothing."""
    invitation = InvitationFactory()
    other_copy = Invitation.objects.get(pk=invitation.pk)
    invitation.set_status(S.REVOKED, by=None)
    with pytest.raises(StaleStatus) as caught:
        other_copy.set_status(S.ACCEPTED, by=None)
    assert isinstance(caught.value, InvitationError)
    assert Invitation.objects.get(pk=invitation.pk).status == S.REVOKED
    assert invitation.history.count() == 1
    assert status_logs(invitation).count() == 1


def test_a_stale_expected_status_is_refused():
    """``expected`` is the status the user saw; when the database no longer has it, nothing moves."""
    invitation = InvitationFactory()
    Invitation.objects.filter(pk=invitation.pk).update(status=S.ACCEPTED)
    with pytest.raises(StaleStatus):
        invitation.set_status(S.REVOKED, by=None, expected=S.PENDING)
    assert Invitation.objects.get(pk=invitation.pk).status == S.ACCEPTED
    assert not StatusChange.objects.exists()


def test_allowed_statuses_follow_transitions_in_choice_order():
    invitation = InvitationFactory()
    assert invitation.allowed_statuses() == [S.ACCEPTED, S.REVOKED]
    assert invitation.can_become(S.REVOKED) and not invitation.can_become(S.PENDING)
    assert InvitationFactory(status=S.ACCEPTED).allowed_statuses() == []


def test_every_status_machine_in_the_project_is_configured_right():
    """The system check passes for every model that uses the machine."""
    machines = [model for model in apps.get_models() if issubclass(model, StatusMachine)]
    assert Invitation in machines
    for model in machines:
        assert model.check() == [], model


@isolate_apps("portal")
def test_misconfiguration_fails_the_system_check():
    """TRANSITIONS naming a status that is not a choice, a missing field, no choices, no transitions: errors."""

    class Choices(models.TextChoices):
        OPEN = "open", "Open"
        SHUT = "shut", "Shut"

    class Machine(StatusMachine):
        class Meta:
            abstract = True
            app_label = "portal"

    class Typo(Machine):
        status = models.CharField(max_length=10, choices=Choices.choices)
        TRANSITIONS = {"open": {"shut", "closed"}, "opne": set()}

    class NoField(Machine):
        state = models.CharField(max_length=10, choices=Choices.choices)
        TRANSITIONS = {"open": {"shut"}}

    class NoChoices(Machine):
        status = models.CharField(max_length=10)
        TRANSITIONS = {"open": {"shut"}}

    class NoTransitions(Machine):
        status = models.CharField(max_length=10, choices=Choices.choices)

    class Renamed(Machine):
        STATUS_FIELD = "state"
        state = models.CharField(max_length=10, choices=Choices.choices)
        TRANSITIONS = {"open": {"shut"}}

    [typo] = Typo.check()
    assert typo.id == "portal.E004" and "closed, opne" in typo.msg
    assert [error.id for error in NoField.check()] == ["portal.E001"]
    assert [error.id for error in NoChoices.check()] == ["portal.E002"]
    assert [error.id for error in NoTransitions.check()] == ["portal.E003"]
    assert Renamed.check() == []
