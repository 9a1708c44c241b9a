"""Staff read programs, questions and rubric criteria in their admin language, also in exports."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from coaching import selectors
from coaching.models import ProgramPage, Review
from tests.factories.accounts import StaffFactory
from tests.factories.coaching import QUESTIONS, RUBRIC, ApplicationFactory, ProgramPageFactory

pytestmark = pytest.mark.django_db


def chinese(blocks, names):
    """The factory's blocks with the labels (questions) or names (criteria) replaced by ``names`` by id."""
    result = []
    for block in blocks:
        value = dict(block["value"])
        key = "name" if block["type"] == "criterion" else ("title" if block["type"] == "section" else "label")
        value[key] = names.get(block["id"], value[key])
        result.append({**block, "value": value})
    return result


@pytest.fixture
def program():
    """A Chinese program with Chinese questions and criteria, and its English translation in English."""
    source = ProgramPageFactory(
        title="跨境電商輔導",
        questions=chinese(QUESTIONS, {"q-product": "主要產品", "q-plan": "出口計畫"}),
        rubric=chinese(RUBRIC, {"c-fit": "適合度", "c-ready": "準備程度"}),
    )
    english = source.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english = english.specific
    english.title = "Cross-border coaching"
    english.questions = QUESTIONS
    english.rubric = RUBRIC
    english.save_revision().publish()
    return ProgramPage.objects.get(pk=source.pk)


@pytest.fixture
def application(program):
    return ApplicationFactory(program=program, status="submitted", answers={"q-product": "鳳梨酥"})


def staff_in(client, language):
    user = StaffFactory(is_superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


def test_the_english_admin_lists_the_program_in_english(client, application):
    """The list and its program filter name the program in English for an English-speaking reviewer."""
    staff_in(client, "en")
    html = client.get(reverse("coaching_applications:index")).content.decode()
    assert "Cross-border coaching" in html and "跨境電商輔導" not in html


def test_the_chinese_admin_keeps_chinese(client, application):
    """A reviewer with the Chinese admin reads the Chinese title."""
    staff_in(client, "zh-hant")
    html = client.get(reverse("coaching_applications:index")).content.decode()
    assert "跨境電商輔導" in html and "Cross-border coaching" not in html


def test_rubric_criteria_are_in_the_admin_language_with_the_sources_weights(client, application):
    """The review table and score form show "Fit (×2)" in English; the weights come from the Chinese program."""
    staff_in(client, "en")
    html = client.get(reverse("coaching_applications:detail", args=[application.pk])).content.decode()
    assert "Fit (×2)" in html and "適合度" not in html


def test_the_csv_headings_and_question_columns_follow_the_admin_language(client, application):
    """The export's headings, program and question columns are English for the English admin, Chinese for the
    Chinese one; the answers stay as the company wrote them."""
    staff_in(client, "en")
    rows = list(csv.reader(io.StringIO(client.get(reverse("coaching_applications:export_csv")).content.decode())))
    assert rows[0][0].lstrip("\ufeff") == "Reference" and "Main product" in rows[0]
    assert rows[1][2] == "Cross-border coaching" and "鳳梨酥" in rows[1]

    staff_in(client, "zh-hant")
    rows = list(csv.reader(io.StringIO(client.get(reverse("coaching_applications:export_csv")).content.decode())))
    assert "主要產品" in rows[0] and "Main product" not in rows[0]
    assert rows[1][2] == "跨境電商輔導"


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_the_rubrics_read_for_a_page_of_programs_match_each_programs_own(program, language):
    """The review list reads the rubrics of all its programs at once: the same criteria as each program's
    own ``criteria()``, names in the reader's language and weights of the Chinese source."""
    with translation.override(language):
        assert selectors.program_criteria([program]) == {program.pk: program.criteria()}


def test_the_list_shows_the_average_score_and_the_companys_district_and_industry(client, application):
    """A scored application's row carries the score the review screen computes and the company's district and
    industry by their labels in the admin language."""
    staff = staff_in(client, "en")
    Review.objects.create(application=application, reviewer=staff, scores={"c-fit": 4, "c-ready": 1})
    with translation.override("en"):
        expected = selectors.review_summary(application)["average"]
        district, industry = application.company.get_district_display(), application.company.get_industry_display()
    [row] = client.get(reverse("coaching_applications:index")).context["rows"]
    assert expected is not None and row["score"] == expected
    assert (row["district"], row["industry"]) == (str(district), str(industry))
    assert row["district"] == "Zhongzheng"
    assert row["program"] == "Cross-border coaching"
