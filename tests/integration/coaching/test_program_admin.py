"""Editing a program in the Wagtail admin: questions answered in submitted applications cannot be removed."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from coaching import questions as q
from coaching.models import ProgramPage
from tests.factories.accounts import StaffFactory
from tests.factories.coaching import QUESTIONS, RUBRIC, submitted

pytestmark = pytest.mark.django_db


def stream(blocks):
    data = {"count": str(len(blocks))}
    for index, block in enumerate(blocks):
        value = dict(block["value"])
        if "required" in value:
            if value["required"]:
                value["required"] = "on"
            else:
                del value["required"]
        if "choices" in value:
            choices = value["choices"]
            value["choices"] = {"count": str(len(choices))}
            for i, choice in enumerate(choices):
                value["choices"][str(i)] = {"value": choice, "deleted": "", "order": str(i), "id": f"ch-{i}"}
        data[str(index)] = {
            "type": block["type"],
            "value": value,
            "deleted": "",
            "order": str(index),
            "id": block["id"],
        }
    return data


def edit_form(program, question_blocks):
    when = "%Y-%m-%d %H:%M"
    return nested_form_data(
        {
            "title": program.title,
            "slug": program.slug,
            "summary": program.summary,
            "opens_at": timezone.localtime(program.opens_at).strftime(when),
            "closes_at": timezone.localtime(program.closes_at).strftime(when),
            "capacity": "10",
            "fee": "0",
            "body": {"count": "0"},
            "eligibility": rich_text(""),
            "benefits": rich_text(""),
            "tracks": {"count": "0"},
            "target_markets": {"count": "0"},
            "faq": {"count": "0"},
            "questions": stream(question_blocks),
            "rubric": stream(RUBRIC),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def staff_client(client):
    staff = StaffFactory()
    UserProfile.objects.update_or_create(user=staff, defaults={"preferred_language": "en"})
    client.force_login(staff)
    return client


def test_edit_form_renders(staff_client):
    """The program edit page, with its Application form tab, opens in the admin."""
    program = submitted().program
    response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[program.pk]))
    assert response.status_code == 200


def test_renaming_a_question_in_the_admin_is_saved(staff_client):
    """Control case: the same form with a renamed label saves (so the refusal below is about the removal)."""
    program = submitted().program
    blocks = [dict(block) for block in QUESTIONS]
    blocks[1] = {**blocks[1], "value": {**blocks[1]["value"], "label": "Best product"}}
    response = staff_client.post(reverse("wagtailadmin_pages:edit", args=[program.pk]), edit_form(program, blocks))
    assert response.status_code == 302, response.context["form"].errors
    latest = ProgramPage.objects.get(pk=program.pk).get_latest_revision_as_object()
    assert next(x for x in q.all_questions(latest) if x.id == "q-product").label == "Best product"


def test_removing_an_answered_question_in_the_admin_is_refused(staff_client):
    """Deleting a question that submitted applications answered re-shows the form with a clear message and
    saves no revision."""
    program = submitted().program
    revisions = program.revisions.count()
    blocks = [dict(block) for block in QUESTIONS if block["id"] != "q-product"]
    response = staff_client.post(reverse("wagtailadmin_pages:edit", args=[program.pk]), edit_form(program, blocks))
    assert response.status_code == 200
    assert "cannot be removed because submitted applications have answered them" in response.content.decode()
    assert program.revisions.count() == revisions
    latest = ProgramPage.objects.get(pk=program.pk).get_latest_revision_as_object()
    assert "q-product" in q.question_ids(latest)
