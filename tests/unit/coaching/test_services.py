from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coaching import selectors, services
from coaching.models import (
    Application,
    ApplicationError,
    IncompleteApplication,
    ProgramClosed,
    TransitionNotAllowed,
)
from tests.factories.coaching import (
    PDF_BYTES,
    ApplicationFactory,
    CompleteApplicationFactory,
    ProgramPageFactory,
    assign,
    decider,
    manager,
    reviewer,
    submitted,
)
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db
S = Application.Status


def add_registration(application):
    upload = SimpleUploadedFile("registration.pdf", PDF_BYTES, content_type="application/pdf")
    return services.application_add_document(
        application=application, user=application.created_by, upload=upload, question_id="q-registration"
    )


def ready_draft(**kwargs):
    application = CompleteApplicationFactory(**kwargs)
    add_registration(application)
    return application


def test_start_prefills_company_and_contact_details():
    """A new draft copies the company's details and the user's e-mail so the first step is mostly done."""
    membership = MembershipFactory()
    program = ProgramPageFactory()
    application, created = services.application_start(
        program=program, company=membership.company, user=membership.user, language="en"
    )
    assert created
    assert application.status == S.DRAFT
    assert application.contact_email == membership.user.email
    assert application.company_details["ubn"] == membership.company.ubn
    assert application.company_details["district"] == membership.company.district


def test_start_twice_returns_the_same_application():
    """One application per company per program: starting again returns the existing one."""
    membership = MembershipFactory()
    program = ProgramPageFactory()
    first, _ = services.application_start(
        program=program, company=membership.company, user=membership.user, language="en"
    )
    second, created = services.application_start(
        program=program, company=membership.company, user=membership.user, language="en"
    )
    assert (second.pk, created) == (first.pk, False)
    assert Application.objects.count() == 1


def test_start_refuses_a_company_the_user_is_not_a_member_of():
    """Nobody can start an application for a company they do not belong to."""
    membership = MembershipFactory()
    stranger = MembershipFactory().user
    with pytest.raises(ApplicationError):
        services.application_start(
            program=ProgramPageFactory(), company=membership.company, user=stranger, language="en"
        )
    assert not Application.objects.exists()


def test_start_on_a_closed_program_is_refused():
    """A closed program refuses new drafts and creates nothing."""
    membership = MembershipFactory()
    program = ProgramPageFactory(closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ProgramClosed):
        services.application_start(program=program, company=membership.company, user=membership.user, language="en")
    assert not Application.objects.exists()


def test_submit_gives_a_reference_records_history_and_sends_one_email(django_capture_on_commit_callbacks):
    """Submitting moves to submitted, assigns CB-<year>-<6 digits> and e-mails the applicant once."""
    application = ready_draft()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=application, user=application.created_by)
    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    assert application.reference == f"CB-{timezone.localdate().year}-000001"
    assert application.history.get().to_status == S.SUBMITTED
    assert len(mail.outbox) == 1
    assert application.reference in mail.outbox[0].subject
    assert application.reference in mail.outbox[0].body
    assert mail.outbox[0].to == [application.contact_email]


def test_references_are_sequential_per_year():
    """Each submission takes the next number of the year's counter."""
    first, second = ready_draft(), ready_draft()
    services.application_submit(application=first, user=first.created_by)
    services.application_submit(application=second, user=second.created_by)
    first.refresh_from_db()
    second.refresh_from_db()
    assert int(second.reference[-6:]) == int(first.reference[-6:]) + 1


def test_submitting_twice_makes_exactly_one_submission(django_capture_on_commit_callbacks):
    """A second submit (double click or another tab holding an old copy) is refused; one history row, one e-mail."""
    application = ready_draft()
    stale_copy = Application.objects.get(pk=application.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=application, user=application.created_by)
    with pytest.raises(ApplicationError), django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=stale_copy, user=application.created_by)
    with pytest.raises(TransitionNotAllowed):
        services.application_submit(application=application, user=application.created_by)
    assert application.history.count() == 1
    assert len(mail.outbox) == 1


def test_incomplete_application_lists_what_is_missing_and_stays_a_draft():
    """Missing required answers are listed (with links) and nothing changes."""
    application = ApplicationFactory(answers={"q-product": "Tea"})
    with pytest.raises(IncompleteApplication) as error:
        services.application_submit(application=application, user=application.created_by)
    labels = [item["label"] for item in error.value.errors]
    assert "First market" in labels
    assert "Annual revenue (TWD)" in labels
    assert "Company registration" in labels
    assert "Declaration and consent" in labels
    assert "Main product" not in labels
    assert all(item["url"].startswith("/") for item in error.value.errors)
    application.refresh_from_db()
    assert application.status == S.DRAFT and application.reference is None
    assert not mail.outbox


def test_submitting_after_the_closing_time_is_refused():
    """A draft cannot be submitted once the program has closed; the draft stays readable and unchanged."""
    application = ready_draft()
    program = application.program
    program.closes_at = timezone.now() - timedelta(seconds=1)
    program.save()
    application.refresh_from_db()
    with pytest.raises(ProgramClosed):
        services.application_submit(application=application, user=application.created_by)
    application.refresh_from_db()
    assert application.status == S.DRAFT
    assert application.answers["q-product"] == "Pineapple cakes"


def test_drafts_of_a_closed_program_cannot_be_edited():
    """Edits to a draft after closing are refused rather than saved for a submission that cannot happen."""
    application = ready_draft()
    application.program.closes_at = timezone.now() - timedelta(seconds=1)
    application.program.save()
    application.refresh_from_db()
    with pytest.raises(ProgramClosed):
        services.application_give_consent(application=application, user=application.created_by)


def test_resubmission_after_changes_requested_keeps_the_reference_even_after_closing():
    """Changes requested by staff can be resubmitted after the closing date; the reference is unchanged."""
    application = ready_draft()
    services.application_submit(application=application, user=application.created_by)
    application.refresh_from_db()
    reference = application.reference
    application.set_status(S.IN_REVIEW, by=None)
    application.set_status(S.CHANGES_REQUESTED, by=None)
    application.program.closes_at = timezone.now() - timedelta(seconds=1)
    application.program.save()
    services.application_submit(application=application, user=application.created_by)
    application.refresh_from_db()
    assert application.status == S.RESUBMITTED
    assert application.reference == reference


def test_answers_are_saved_per_section_keyed_by_question_id():
    """Saving one section keeps the other sections' answers; empty answers are removed."""
    application = ApplicationFactory(answers={"q-revenue": "10", "q-plan": "old"})
    page = selectors.program_for_display(application)
    from coaching import questions

    section = questions.sections(page)[0]
    services.application_save_answers(
        application=application,
        user=application.created_by,
        section=section,
        cleaned_data={"q_q-product": "Tea", "q_q-plan": "", "q_q-market": "Malaysia"},
    )
    application.refresh_from_db()
    assert application.answers == {"q-product": "Tea", "q-market": "Malaysia", "q-revenue": "10"}


def test_withdraw_records_and_emails(django_capture_on_commit_callbacks):
    """Withdrawing is recorded and the applicant is told."""
    application = submitted()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_withdraw(application=application, user=application.created_by, note="Too busy")
    application.refresh_from_db()
    assert application.status == S.WITHDRAWN
    assert application.history.last().note == "Too busy"
    assert len(mail.outbox) == 1


def test_staff_moves_are_limited_by_role(django_capture_on_commit_callbacks):
    """Reviewers cannot move applications; managers move through review; only decision makers decide."""
    application = submitted(status=S.SHORTLISTED)
    with pytest.raises(TransitionNotAllowed):
        services.application_transition(application=application, user=reviewer(), new_status=S.ACCEPTED)
    with pytest.raises(TransitionNotAllowed):
        services.application_transition(application=application, user=manager(), new_status=S.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(application=application, user=decider(), new_status=S.ACCEPTED, note="Welcome")
    application.refresh_from_db()
    assert application.status == S.ACCEPTED
    assert "Welcome" in mail.outbox[-1].body


@pytest.mark.parametrize("bad", [0, 6, -1, "3", 2.5, None, True])
def test_scores_outside_one_to_five_are_refused(bad):
    """Each criterion needs a whole number from 1 to 5; anything else saves nothing."""
    application = submitted(status=S.IN_REVIEW)
    user = reviewer()
    assign(application, user)
    with pytest.raises(ApplicationError):
        services.review_save(application=application, reviewer=user, scores={"c-fit": bad, "c-ready": 3})
    assert not application.reviews.exists()


def test_unassigned_reviewer_cannot_score():
    """Only reviewers assigned to the application (or its program) may score it."""
    application = submitted(status=S.IN_REVIEW)
    with pytest.raises(ApplicationError):
        services.review_save(application=application, reviewer=reviewer(), scores={"c-fit": 5, "c-ready": 5})


def test_program_assignment_lets_a_reviewer_score():
    """A reviewer assigned to the program may score all its applications."""
    application = submitted(status=S.IN_REVIEW)
    user = reviewer()
    services.program_reviewer_assign(program=application.program, reviewer=user)
    review = services.review_save(application=application, reviewer=user, scores={"c-fit": 4, "c-ready": 1})
    assert review.weighted_score(application.program.criteria()) == 3.0


def test_average_and_spread_ignore_recused_reviewers():
    """The summary averages the weighted scores, shows the spread and leaves out recused reviewers."""
    application = submitted(status=S.IN_REVIEW)
    first, second, recused = reviewer(), reviewer(), reviewer()
    for user in (first, second, recused):
        assign(application, user)
    services.review_save(application=application, reviewer=first, scores={"c-fit": 5, "c-ready": 5})
    services.review_save(application=application, reviewer=second, scores={"c-fit": 2, "c-ready": 5})
    services.review_save(application=application, reviewer=recused, scores={"c-fit": 1, "c-ready": 1})
    services.review_declare_conflict(application=application, reviewer=recused, note="My cousin's company")
    summary = selectors.review_summary(application)
    assert summary["count"] == 2
    assert summary["average"] == 4.0
    assert summary["spread"] == 2.0
    with pytest.raises(ApplicationError):
        services.review_save(application=application, reviewer=recused, scores={"c-fit": 5, "c-ready": 5})


def test_waitlisted_company_with_best_score_is_suggested_when_a_place_opens():
    """When an accepted company withdraws, the best-scored waitlisted application is suggested."""
    program = ProgramPageFactory(capacity=1)
    accepted = submitted(program=program, status=S.ACCEPTED)
    low = submitted(program=program, status=S.WAITLISTED)
    high = submitted(program=program, status=S.WAITLISTED)
    user = reviewer()
    for application, score in ((low, 2), (high, 5)):
        assign(application, user)
        services.review_save(application=application, reviewer=user, scores={"c-fit": score, "c-ready": score})
    assert selectors.waitlist_suggestion(program) is None
    services.application_withdraw(application=accepted, user=accepted.created_by)
    assert selectors.waitlist_suggestion(program) == high


def test_bureau_is_told_when_an_accepted_company_withdraws(settings, django_capture_on_commit_callbacks):
    """When an accepted company withdraws, staff get an e-mail naming the best-scored waitlisted application."""
    settings.STAFF_NOTIFICATION_EMAILS = ["bureau@example.com"]
    program = ProgramPageFactory(capacity=1)
    accepted = submitted(program=program, status=S.ACCEPTED)
    waiting = submitted(program=program, status=S.WAITLISTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_withdraw(application=accepted, user=accepted.created_by)
    staff_mail = [m for m in mail.outbox if m.to == ["bureau@example.com"]]
    assert len(staff_mail) == 1
    assert waiting.reference in staff_mail[0].body
    assert f"/admin/coaching/applications/{waiting.pk}/" in staff_mail[0].body


def test_no_bureau_email_for_other_withdrawals(settings, django_capture_on_commit_callbacks):
    """Withdrawing before acceptance only informs the applicant."""
    settings.STAFF_NOTIFICATION_EMAILS = ["bureau@example.com"]
    application = submitted()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_withdraw(application=application, user=application.created_by)
    assert [m.to for m in mail.outbox] == [[application.contact_email]]
