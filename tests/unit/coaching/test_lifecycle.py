import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from coaching.models import Application, ProgramFull, StaleApplication, TransitionNotAllowed
from portal.status import STATUS_CHANGE_ACTION, TransitionError
from tests.factories.accounts import UserFactory
from tests.factories.coaching import ApplicationFactory, ProgramPageFactory, submitted

pytestmark = pytest.mark.django_db
S = Application.Status


def test_set_status_records_who_when_from_to_and_note():
    """A legal move updates the status and leaves one history row with the actor and the note."""
    application = submitted()
    staff = UserFactory()
    change = application.set_status(S.IN_REVIEW, by=staff, note="Starting review")
    application.refresh_from_db()
    assert application.status == S.IN_REVIEW
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        S.SUBMITTED,
        S.IN_REVIEW,
        staff,
        "Starting review",
    )
    assert change.created_at is not None
    assert change.created_at == application.updated_at


def test_a_move_is_in_the_audit_log_and_reads_as_words():
    """Each move leaves one entry in Wagtail's audit log; the history shows the statuses' labels."""
    application = submitted()
    staff = UserFactory()
    change = application.set_status(S.IN_REVIEW, by=staff, note="Starting review")
    [entry] = ModelLogEntry.objects.for_instance(application).filter(action=STATUS_CHANGE_ACTION)
    assert entry.user == staff
    assert entry.data == {"from": "submitted", "to": "in_review", "note": "Starting review"}
    with translation.override("en"):
        assert (change.get_from_status_display(), change.get_to_status_display()) == ("Submitted", "In review")


def test_coaching_errors_are_the_shared_domain_error():
    """Existing ``except ApplicationError`` clauses keep working and ``except TransitionError`` also catches."""
    assert issubclass(TransitionNotAllowed, TransitionError)
    assert issubclass(StaleApplication, TransitionError)
    assert issubclass(ProgramFull, TransitionError)


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (S.DRAFT, S.ACCEPTED),
        (S.SUBMITTED, S.ACCEPTED),
        (S.IN_REVIEW, S.ACCEPTED),
        (S.REJECTED, S.WITHDRAWN),
        (S.COMPLETED, S.ENROLLED),
        (S.ENROLLED, S.WITHDRAWN),
        (S.WITHDRAWN, S.SUBMITTED),
    ],
)
def test_illegal_moves_raise_and_record_nothing(start, target):
    """Moves outside the lifecycle raise TransitionNotAllowed and change nothing."""
    application = ApplicationFactory(status=start)
    with pytest.raises(TransitionNotAllowed):
        application.set_status(target, by=None)
    application.refresh_from_db()
    assert application.status == start
    assert not application.history.exists()


def test_full_lifecycle_path_is_allowed():
    """The documented path from draft to completed, with one round of changes, is accepted step by step."""
    application = ApplicationFactory()
    path = [
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
    for status in path:
        application.set_status(status, by=None)
    assert list(application.history.values_list("to_status", flat=True)) == path
    assert application.decided_at is not None


@pytest.mark.parametrize(
    "start", [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.RESUBMITTED, S.SHORTLISTED, S.WAITLISTED]
)
def test_withdraw_allowed_before_a_decision(start):
    """An application can be withdrawn from every state before a final decision."""
    application = ApplicationFactory(status=start)
    application.set_status(S.WITHDRAWN, by=None)
    assert application.status == S.WITHDRAWN


def test_stale_status_is_refused():
    """A move made from an out-of-date copy (someone else already moved it) raises StaleApplication."""
    application = submitted()
    other_copy = Application.objects.get(pk=application.pk)
    application.set_status(S.IN_REVIEW, by=None)
    with pytest.raises(StaleApplication):
        other_copy.set_status(S.WITHDRAWN, by=None)
    application.refresh_from_db()
    assert application.status == S.IN_REVIEW
    assert application.history.count() == 2


def test_expected_status_from_the_form_is_checked():
    """When the form carried an expected status that is no longer current, the move is refused."""
    application = submitted(status=S.SHORTLISTED)
    with pytest.raises(StaleApplication):
        application.set_status(S.IN_REVIEW, by=None, expected=S.SUBMITTED)
    application.refresh_from_db()
    assert application.status == S.SHORTLISTED


def test_accepting_beyond_capacity_is_refused():
    """With every place taken, accepting another company raises ProgramFull and leaves it shortlisted."""
    program = ProgramPageFactory(capacity=1)
    submitted(program=program, status=S.ACCEPTED)
    second = submitted(program=program, status=S.SHORTLISTED)
    with pytest.raises(ProgramFull):
        second.set_status(S.ACCEPTED, by=None)
    second.refresh_from_db()
    assert second.status == S.SHORTLISTED
