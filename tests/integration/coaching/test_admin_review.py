"""Staff review in the Wagtail admin through HTTP: filters, detail, moves, scoring, assignment, bulk, export."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from coaching.models import Application, ApplicationReviewer, Review
from portal.status import StatusChange
from tests.factories.accounts import UserFactory
from tests.factories.coaching import ProgramPageFactory, assign, decider, manager, reviewer, submitted
from tests.factories.companies import CompanyFactory

pytestmark = pytest.mark.django_db
S = Application.Status


def admin_url(name, *args):
    return reverse(f"coaching_applications:{name}", args=args)


@pytest.fixture
def manager_client(client):
    client.force_login(manager())
    return client


def test_groups_are_seeded_with_their_permissions():
    """Program managers, Reviewers and Decision makers exist and carry the matching permissions."""
    for name, perm in [
        ("Program managers", "manage_applications"),
        ("Reviewers", "review_application"),
        ("Decision makers", "decide_application"),
    ]:
        group = Group.objects.get(name=name)
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {perm, "access_admin"} <= codenames
        user = UserFactory(is_staff=True)
        user.groups.add(group)
        assert user.has_perm(f"coaching.{perm}")


def test_list_filters_by_program_status_district_industry_date_reviewer_and_search(manager_client):
    """Each filter narrows the list; search finds by reference or company name."""
    program_a, program_b = ProgramPageFactory(), ProgramPageFactory()
    one = submitted(program=program_a, company=CompanyFactory(district="xinyi", industry="beauty", name_zh="美妝公司"))
    two = submitted(program=program_b, status=S.IN_REVIEW, company=CompanyFactory(district="daan", industry="food"))
    user = reviewer()
    assign(two, user)

    def listed(**params):
        return {row["application"] for row in manager_client.get(admin_url("index"), params).context["rows"]}

    assert listed() == {one, two}
    assert listed(program=program_a.pk) == {one}
    assert listed(status=S.IN_REVIEW) == {two}
    assert listed(district="xinyi") == {one}
    assert listed(industry="food") == {two}
    assert listed(reviewer=user.pk) == {two}
    assert listed(q=one.reference) == {one}
    assert listed(q="美妝") == {one}
    assert listed(submitted_from="2999-01-01") == set()
    assert listed(submitted_to="2999-01-01") == {one, two}


def test_drafts_are_not_listed_for_staff(manager_client):
    """Drafts stay private to the company until submitted."""
    from tests.factories.coaching import ApplicationFactory

    draft = ApplicationFactory()
    assert draft not in {a for a, _score, _title in manager_client.get(admin_url("index")).context["rows"]}
    assert manager_client.get(admin_url("detail", draft.pk))["Location"] == "/admin/"


def test_detail_shows_answers_documents_scores_notes_and_history(manager_client):
    """The detail page shows every answer, documents, scores with average and spread, notes and history."""
    application = submitted()
    application.documents.create(file="x.pdf", original_name="licence.pdf", content_type="application/pdf", size=10)
    user = reviewer(first_name="Rita")
    assign(application, user)
    Review.objects.create(application=application, reviewer=user, scores={"c-fit": 4, "c-ready": 1}, comment="Solid")
    manager_client.post(admin_url("note", application.pk), {"body": "Called the company"})
    body = manager_client.get(admin_url("detail", application.pk)).content.decode()
    for text in (
        "Pineapple cakes",
        "Thailand",
        "licence.pdf",
        "Solid",
        "Average 3.0",
        "Called the company",
        application.reference,
    ):
        assert text in body, text


def test_only_allowed_moves_are_offered_and_illegal_ones_are_refused(client, django_capture_on_commit_callbacks):
    """The form offers only legal moves for the role; a forged illegal move is refused with a message."""
    application = submitted()
    client.force_login(manager())
    form = client.get(admin_url("detail", application.pk)).context["transition_form"]
    assert [value for value, _label in form.fields["new_status"].choices] == [S.IN_REVIEW, S.WITHDRAWN]
    response = client.post(
        admin_url("transition", application.pk), {"new_status": S.ACCEPTED, "expected_status": S.SUBMITTED}, follow=True
    )
    assert "cannot make this change" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_stale_transition_is_refused(client, django_capture_on_commit_callbacks):
    """A move posted from a page loaded before someone else moved the application is refused; nothing changes."""
    application = submitted(status=S.IN_REVIEW)
    client.force_login(manager())
    StatusChange.objects.all().delete()
    application.set_status(S.SHORTLISTED, by=None)
    response = client.post(
        admin_url("transition", application.pk),
        {"new_status": S.CHANGES_REQUESTED, "expected_status": S.IN_REVIEW, "note": "Please add numbers"},
        follow=True,
    )
    assert "changed by someone else" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SHORTLISTED
    assert StatusChange.objects.count() == 1
    assert not mail.outbox


def test_move_sends_the_applicant_a_translated_email(client, django_capture_on_commit_callbacks):
    """Each move e-mails the applicant in the application's language."""
    application = submitted(status=S.SHORTLISTED, language="zh-hant")
    client.force_login(decider())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            admin_url("transition", application.pk),
            {"new_status": S.WAITLISTED, "expected_status": S.SHORTLISTED, "note": ""},
        )
    application.refresh_from_db()
    assert application.status == S.WAITLISTED
    assert len(mail.outbox) == 1
    assert f"/zh-hant/applications/{application.pk}/" in mail.outbox[0].body


def test_accepting_beyond_capacity_is_refused_in_the_admin(client):
    """Accepting when the program is full shows the reason and leaves the application shortlisted."""
    program = ProgramPageFactory(capacity=1)
    submitted(program=program, status=S.ACCEPTED)
    application = submitted(program=program, status=S.SHORTLISTED)
    client.force_login(decider())
    response = client.post(
        admin_url("transition", application.pk),
        {"new_status": S.ACCEPTED, "expected_status": S.SHORTLISTED},
        follow=True,
    )
    assert "program is full" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SHORTLISTED


@pytest.mark.parametrize("bad", ["0", "6", "abc", ""])
def test_scores_outside_one_to_five_are_refused(client, bad):
    """A reviewer's score outside 1–5 is refused with a message and nothing is saved."""
    application = submitted(status=S.IN_REVIEW)
    user = reviewer()
    assign(application, user)
    client.force_login(user)
    response = client.post(
        admin_url("review", application.pk), {"score_c-fit": bad, "score_c-ready": "3", "comment": "x"}, follow=True
    )
    assert "Scores not saved" in response.content.decode()
    assert not Review.objects.exists()


def test_reviewer_scores_and_can_recuse(client):
    """An assigned reviewer saves scores; after declaring a conflict the scores no longer count."""
    application = submitted(status=S.IN_REVIEW)
    user = reviewer()
    assign(application, user)
    client.force_login(user)
    client.post(admin_url("review", application.pk), {"score_c-fit": "5", "score_c-ready": "2", "comment": "Good"})
    review = Review.objects.get()
    assert review.scores == {"c-fit": 5, "c-ready": 2}
    client.post(admin_url("conflict", application.pk), {"conflict_note": "Former employer"})
    review.refresh_from_db()
    assert review.conflict_of_interest and review.scores == {}
    response = client.post(admin_url("review", application.pk), {"score_c-fit": "5", "score_c-ready": "5"}, follow=True)
    assert "conflict of interest" in response.content.decode()


def test_bulk_assign_and_move_to_in_review(manager_client, django_capture_on_commit_callbacks):
    """Bulk actions assign a reviewer to the selected applications and move the movable ones to in review."""
    first, second = submitted(), submitted()
    rejected = submitted(status=S.REJECTED)
    user = reviewer()
    manager_client.post(admin_url("bulk"), {"ids": [first.pk, second.pk], "action": "assign", "reviewer": user.pk})
    assert ApplicationReviewer.objects.filter(reviewer=user).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            admin_url("bulk"), {"ids": [first.pk, second.pk, rejected.pk], "action": "in_review"}, follow=True
        )
    assert "Not moved" in response.content.decode()
    assert set(Application.objects.filter(status=S.IN_REVIEW)) == {first, second}
    assert len(mail.outbox) == 2


def test_bulk_actions_need_a_manager(client):
    """Reviewers and decision makers cannot use bulk actions."""
    application = submitted()
    for user in (reviewer(), decider()):
        if user.has_perm("coaching.manage_applications"):
            continue
        client.force_login(user)
        response = client.post(admin_url("bulk"), {"ids": [application.pk], "action": "in_review"})
        assert response["Location"] == "/admin/"
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_assign_a_reviewer_to_the_whole_program(manager_client):
    """Assigning with scope 'program' gives the reviewer every application of the program."""
    application = submitted()
    other = submitted(program=application.program)
    user = reviewer()
    manager_client.post(admin_url("assign", application.pk), {"reviewer": user.pk, "scope": "program"})
    from coaching import selectors

    assert set(selectors.applications_for_staff(user)) == {application, other}


def test_csv_export_has_filtered_rows_and_one_column_per_question(manager_client):
    """The CSV has the filtered rows only and a column for every question, with answers in them."""
    program = ProgramPageFactory()
    wanted = submitted(program=program, status=S.IN_REVIEW)
    submitted(program=program, status=S.REJECTED)
    wanted.documents.create(
        question_id="q-registration", file="x.pdf", original_name="reg.pdf", content_type="application/pdf", size=1
    )
    response = manager_client.get(admin_url("export_csv"), {"status": S.IN_REVIEW})
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    headings, data = rows[0], rows[1:]
    assert len(data) == 1
    for label in ("Main product", "Export plan", "First market", "Annual revenue (TWD)", "Channels", "Founded"):
        assert headings.count(label) == 1, label
    assert "Company registration" in headings
    record = dict(zip(headings, data[0], strict=True))
    assert record["Reference"] == wanted.reference
    assert record["Contact e-mail"] == wanted.contact_email
    assert record["Unified business number"] == wanted.company.ubn
    assert record["Main product"] == "Pineapple cakes"
    assert record["Channels"] == "Shopee; Lazada"
    assert record["Company registration"] == "reg.pdf"


def test_xlsx_export_matches_and_neutralises_formulas(manager_client):
    """The XLSX export has the same columns; answers that look like formulas are stored as text."""
    application = submitted()
    application.answers["q-product"] = '=HYPERLINK("http://evil")'
    application.save()
    response = manager_client.get(admin_url("export_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    headings = list(rows[0])
    assert "Main product" in headings
    assert rows[1][headings.index("Main product")] == '\'=HYPERLINK("http://evil")'


def test_export_of_several_programs_prefixes_questions_with_the_program(manager_client):
    """With several programs in the list, each question column names its program."""
    first, second = submitted(), submitted()
    response = manager_client.get(admin_url("export_csv"))
    headings = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert f"{first.program.title}: Main product" in headings
    assert f"{second.program.title}: Main product" in headings


def test_reviewer_export_contains_only_assigned_applications(client):
    """A reviewer exports only the applications they may see."""
    mine, other = submitted(), submitted()
    user = reviewer()
    assign(mine, user)
    client.force_login(user)
    body = client.get(admin_url("export_csv")).content.decode("utf-8-sig")
    assert mine.reference in body and other.reference not in body


def test_waitlist_suggestion_is_shown_when_an_accepted_company_withdraws(client):
    """After an accepted company withdraws, the program's best-scored waitlisted application is suggested."""
    program = ProgramPageFactory(capacity=1)
    accepted = submitted(program=program, status=S.ACCEPTED)
    waiting = submitted(program=program, status=S.WAITLISTED)
    accepted.set_status(S.WITHDRAWN, by=None)
    client.force_login(decider())
    response = client.get(admin_url("index"), {"program": program.pk})
    assert response.context["suggestion"] == waiting
    assert client.get(admin_url("detail", accepted.pk)).context["suggestion"] == waiting


def test_program_managers_can_manage_coaches(client):
    """The Coaches snippet is open to program managers (seeded group permissions)."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Program managers"))
    client.force_login(user)
    assert client.get("/admin/snippets/coaching/coach/").status_code == 200
    assert client.get("/admin/snippets/coaching/coach/add/").status_code == 200


def test_admin_pages_render_in_chinese(client):
    """The list and the detail page render for staff who use the admin in Traditional Chinese."""
    from wagtail.users.models import UserProfile

    application = submitted()
    user = decider()
    UserProfile.objects.filter(user=user).update(preferred_language="zh-hant")
    client.force_login(user)
    for url in (admin_url("index"), admin_url("detail", application.pk)):
        response = client.get(url)
        assert response.status_code == 200
        assert 'lang="zh-hant"' in response.content.decode()


def test_forged_ids_in_bulk_actions_are_ignored(manager_client):
    """Non-numeric ids or reviewer values in a bulk post give a message, not an error page."""
    application = submitted()
    response = manager_client.post(admin_url("bulk"), {"ids": ["x", "1;DROP"], "action": "in_review"}, follow=True)
    assert response.status_code == 200 and "Select at least one application" in response.content.decode()
    response = manager_client.post(
        admin_url("bulk"), {"ids": [application.pk], "action": "assign", "reviewer": "abc"}, follow=True
    )
    assert "Choose a reviewer" in response.content.decode()
