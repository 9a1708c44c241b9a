from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coaching import questions as q
from coaching.models import Application
from tests.factories.coaching import QUESTIONS, ApplicationFactory, ProgramPageFactory, submitted

pytestmark = pytest.mark.django_db


def without(block_id):
    return [dict(block) for block in QUESTIONS if block["id"] != block_id]


def test_removing_an_answered_question_is_refused():
    """A question answered in a submitted application cannot be removed; the page keeps it."""
    application = submitted()
    program = application.program
    program.questions = without("q-product")
    with pytest.raises(ValidationError) as error:
        program.save_revision()
    assert "cannot be removed" in str(error.value)
    program.refresh_from_db()
    assert "q-product" in q.question_ids(program)


def test_removing_a_question_with_an_uploaded_document_is_refused(tmp_path):
    """File questions with documents in submitted applications are protected too."""
    application = submitted()
    application.documents.create(
        question_id="q-registration", file="x.pdf", original_name="x.pdf", content_type="application/pdf", size=1
    )
    program = application.program
    program.questions = without("q-registration")
    with pytest.raises(ValidationError):
        program.full_clean()


def test_renaming_a_question_keeps_its_answers():
    """Changing the label keeps the block id, so answers stay attached."""
    application = submitted()
    program = application.program
    blocks = [dict(block) for block in QUESTIONS]
    blocks[1] = {**blocks[1], "value": {**blocks[1]["value"], "label": "Your best product"}}
    program.questions = blocks
    program.save_revision().publish()
    program.refresh_from_db()
    question = next(x for x in q.all_questions(program) if x.id == "q-product")
    assert question.label == "Your best product"
    assert application.answers["q-product"] == "Pineapple cakes"


def test_questions_answered_only_in_drafts_can_be_removed():
    """Drafts do not lock questions: editors may still reshape the form before anyone submits."""
    application = ApplicationFactory(answers={"q-product": "Tea"})
    program = application.program
    program.questions = without("q-product")
    program.full_clean()
    assert application.status == Application.Status.DRAFT


def test_closing_time_must_follow_opening_time():
    """A program cannot close before it opens."""
    program = ProgramPageFactory()
    program.closes_at = program.opens_at - timedelta(days=1)
    with pytest.raises(ValidationError):
        program.full_clean()


def test_intake_status_follows_the_dates():
    """Upcoming before opening, open in between, closed after closing."""
    now = timezone.now()
    program = ProgramPageFactory(opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=2))
    assert program.intake_status() == "upcoming"
    assert program.intake_status(now + timedelta(days=1, hours=1)) == "open"
    assert program.intake_status(now + timedelta(days=3)) == "closed"


def test_sections_group_questions_and_leave_files_for_the_documents_step():
    """Questions are grouped under their section headings; file questions are listed separately."""
    program = ProgramPageFactory()
    sections = q.sections(program)
    assert [s.title for s in sections] == ["Your business", "Numbers"]
    assert [x.id for x in sections[0].questions] == ["q-product", "q-plan", "q-market"]
    assert [x.id for x in q.file_questions(program)] == ["q-registration"]
