"""The applicant's journey through HTTP: start, steps that save a draft, check answers, submit, follow, withdraw."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coaching.models import Application
from portal.status import StatusChange
from tests.factories.coaching import PDF_BYTES, ApplicationFactory, CompleteApplicationFactory, home_page, submitted
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db
S = Application.Status


def url(name, *args, lang="en"):
    from django.utils import translation

    with translation.override(lang):
        return reverse(f"coaching:{name}", args=args)


def path(page, lang):
    """The page's address in a language: the prefix, then the path below the site's home page."""
    return f"/{lang}/{page.url_path[len(home_page().url_path) :]}"


def start(client, program):
    response = client.post(url("start", program.pk))
    assert response.status_code == 302
    return Application.objects.get()


def fill_everything(client, application):
    """Every step of the task list, the way a person would do it."""
    response = client.post(
        url("company", application.pk),
        {
            "contact_name": "Lin Mei",
            "contact_title": "Export manager",
            "contact_email": "lin@example.com",
            "contact_phone": "02-2720-8889",
            "name_zh": "鳳梨酥公司",
            "name_en": "Pineapple Cake Co.",
            "address": "臺北市信義區市府路1號",
            "district": "xinyi",
            "industry": "food",
            "website": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    response = client.post(
        url("section", application.pk, 1), {"q_q-product": "Pineapple cakes", "q_q-market": "Thailand"}
    )
    assert response.status_code == 302
    response = client.post(url("section", application.pk, 2), {"q_q-revenue": "1200000", "q_q-halal": "yes"})
    assert response.status_code == 302
    response = client.post(
        url("documents", application.pk),
        {"question": "q-registration", "file": SimpleUploadedFile("registration.pdf", PDF_BYTES)},
    )
    assert response.status_code == 302
    response = client.post(url("declaration", application.pk), {"consent": "on"})
    assert response.status_code == 302


def test_program_pages_render_in_chinese_and_english(client, program):
    """The index (with its filters) and the program page render under /zh-hant/ and /en/."""
    for lang in ("zh-hant", "en"):
        index = client.get(path(program.get_parent(), lang))
        assert index.status_code == 200
        assert program.title in index.content.decode()
        for status in ("open", "upcoming", "closed"):
            assert client.get(f"{index.request['PATH_INFO']}?status={status}").status_code == 200
        page = client.get(path(program, lang))
        assert page.status_code == 200
        assert program.summary in page.content.decode()


def test_index_filters_open_upcoming_and_closed(client, program):
    """The index filters by intake status."""
    from tests.factories.coaching import ProgramPageFactory

    now = timezone.now()
    upcoming = ProgramPageFactory(title="Later", opens_at=now + timedelta(days=5), closes_at=now + timedelta(days=9))
    closed = ProgramPageFactory(title="Earlier", opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=5))
    base = path(program.get_parent(), "en")
    open_titles = client.get(f"{base}?status=open").context["programs"]
    assert list(open_titles) == [program]
    assert list(client.get(f"{base}?status=upcoming").context["programs"]) == [upcoming]
    assert list(client.get(f"{base}?status=closed").context["programs"]) == [closed]


def test_applying_saves_every_step_and_submits_once_with_reference_and_email(
    member_client, program, django_capture_on_commit_callbacks
):
    """Start → company → sections → documents → declaration → check answers → submit → confirmation + e-mail."""
    application = start(member_client, program)
    assert application.status == S.DRAFT
    fill_everything(member_client, application)
    application.refresh_from_db()
    assert application.answers["q-product"] == "Pineapple cakes"
    assert application.company_details["district"] == "xinyi"
    check = member_client.get(url("check", application.pk))
    assert check.status_code == 200
    assert not check.context["missing"]
    assert "Pineapple cakes" in check.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(url("check", application.pk))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    confirmation = member_client.get(response["Location"])
    assert application.reference in confirmation.content.decode()
    assert len(mail.outbox) == 1 and application.reference in mail.outbox[0].body
    assert mail.outbox[0].to == ["lin@example.com"]
    mine = member_client.get(url("my_applications"))
    assert application.reference in mine.content.decode()
    assert "Submitted" in mine.content.decode()


def test_a_step_with_a_badly_formatted_answer_saves_nothing(member_client, program):
    """A step with an invalid answer (a number that is not a number) shows the error and keeps the old answers."""
    application = start(member_client, program)
    member_client.post(url("section", application.pk, 2), {"q_q-revenue": "100"})
    response = member_client.post(url("section", application.pk, 2), {"q_q-revenue": "lots", "q_q-halal": "yes"})
    assert response.status_code == 200
    assert "aria-invalid" in response.content.decode()
    application.refresh_from_db()
    assert application.answers == {"q-revenue": "100"}


def test_missing_answers_are_listed_with_links_back(member_client, program):
    """Submitting an incomplete application lists each missing answer with a link to its step; nothing changes."""
    application = start(member_client, program)
    response = member_client.post(url("check", application.pk))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Main product" in body and "Company registration" in body
    assert f"{url('section', application.pk, 1)}#id_q_q-product" in body
    application.refresh_from_db()
    assert application.status == S.DRAFT and not StatusChange.objects.exists()


def test_double_submit_makes_exactly_one_submission(member_client, program, django_capture_on_commit_callbacks):
    """Two submit posts (double click, two tabs): one submission, one reference, one e-mail; the second is told."""
    application = start(member_client, program)
    fill_everything(member_client, application)
    with django_capture_on_commit_callbacks(execute=True):
        first = member_client.post(url("check", application.pk))
        second = member_client.post(url("check", application.pk), follow=True)
    assert first.status_code == 302
    assert "can no longer be changed" in second.content.decode()
    assert StatusChange.objects.filter(to_status=S.SUBMITTED).count() == 1
    assert len(mail.outbox) == 1


def test_closed_program_refuses_new_applications_and_submissions_but_drafts_stay_readable(member, member_client):
    """After closing: no new drafts, no submission, no edits; the draft can still be read."""
    application = CompleteApplicationFactory(company=MembershipFactory(user=member).company)
    program = application.program
    program.closes_at = timezone.now() - timedelta(minutes=1)
    program.save()
    other = MembershipFactory(user=member).company
    response = member_client.post(url("start", program.pk), {"company": other.pk}, follow=True)
    assert "not accepting applications" in response.content.decode()
    assert Application.objects.count() == 1
    response = member_client.post(url("check", application.pk), follow=True)
    assert "closed" in response.content.decode()
    response = member_client.post(url("section", application.pk, 1), {"q_q-product": "Changed"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.DRAFT and application.answers["q-product"] == "Pineapple cakes"
    detail = member_client.get(url("detail", application.pk))
    assert detail.status_code == 200 and "Pineapple cakes" in detail.content.decode()


def test_withdraw_before_a_decision(member, member_client, django_capture_on_commit_callbacks):
    """The applicant can withdraw before a decision; the move is recorded and e-mailed."""
    application = submitted(company=MembershipFactory(user=member).company, status=S.IN_REVIEW)
    assert member_client.get(url("withdraw", application.pk)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(url("withdraw", application.pk), {"expected_status": S.IN_REVIEW, "note": "Too busy"})
    application.refresh_from_db()
    assert application.status == S.WITHDRAWN
    assert len(mail.outbox) == 1


def test_withdraw_from_a_stale_page_is_refused(member, member_client):
    """A withdraw form loaded before staff moved the application is refused with a message."""
    application = submitted(company=MembershipFactory(user=member).company, status=S.SHORTLISTED)
    response = member_client.post(
        url("withdraw", application.pk), {"expected_status": S.SUBMITTED, "note": ""}, follow=True
    )
    assert "changed by someone else" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SHORTLISTED


def test_application_pages_render_in_chinese(member, member_client):
    """The task list and steps render under /zh-hant/."""
    application = ApplicationFactory(company=MembershipFactory(user=member).company)
    for name, args in [("detail", ()), ("company", ()), ("section", (1,)), ("documents", ()), ("declaration", ())]:
        response = member_client.get(url(name, application.pk, *args, lang="zh-hant"))
        assert response.status_code == 200, name
        assert response["Content-Language"] == "zh-hant"


def company_step(**overrides):
    data = {
        "contact_name": "Lin Mei",
        "contact_phone": "02-2720-8889",
        "name_zh": "鳳梨酥公司",
        "district": "xinyi",
    }
    return {**data, **overrides}


@pytest.mark.parametrize("phone", ["abc", "12", "02-2720-8889 ext. two", "+886 2 2720 8889 9999 9999 99"])
def test_company_step_refuses_a_phone_number_that_is_not_one(member_client, program, phone):
    """A contact phone with letters, too few or too many digits is refused next to the field and in the error
    summary; the step keeps what was saved before."""
    application = start(member_client, program)
    before = (application.contact_phone, application.contact_name, application.company_details)
    response = member_client.post(url("company", application.pk), company_step(contact_phone=phone))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="govuk-error-summary"' in body and 'href="#id_contact_phone"' in body
    assert 'id="id_contact_phone_error"' in body
    application.refresh_from_db()
    assert (application.contact_phone, application.contact_name, application.company_details) == before


@pytest.mark.parametrize(
    ("typed", "saved"), [("02-2720-8889", "02-2720-8889"), ("０２ ２７２０ ８８８９", "02 2720 8889")]
)
def test_company_step_accepts_phone_numbers_as_people_type_them(member_client, program, typed, saved):
    """Separators, a country code and full-width digits typed with a Chinese IME are accepted (normalised)."""
    application = start(member_client, program)
    response = member_client.post(url("company", application.pk), company_step(contact_phone=typed))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.contact_phone == saved


def test_a_negative_revenue_is_refused_and_nothing_is_saved(member_client, program):
    """A number question (last year's revenue) refuses -500 with a message on the field; the old answer stays."""
    application = start(member_client, program)
    member_client.post(url("section", application.pk, 2), {"q_q-revenue": "100"})
    response = member_client.post(url("section", application.pk, 2), {"q_q-revenue": "-500", "q_q-halal": "yes"})
    assert response.status_code == 200
    assert "greater than or equal to 0" in response.content.decode()
    application.refresh_from_db()
    assert application.answers == {"q-revenue": "100"}
