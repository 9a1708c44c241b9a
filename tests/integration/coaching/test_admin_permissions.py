"""Permission matrix for every admin view of the review: anonymous, member of another company, member of the
applicant company, unassigned reviewer, assigned reviewer, decision maker (and program manager)."""

import pytest
from django.urls import reverse

from coaching.models import Application
from tests.factories.coaching import assign, decider, manager, reviewer, submitted
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db
S = Application.Status

ROLES = ["anonymous", "other_member", "member", "unassigned_reviewer", "assigned_reviewer", "decider", "manager"]

# Outcome per view and role: "login" = sent to the admin login; "denied" = Wagtail's refusal (redirect to the
# admin dashboard with a message); "ok" = page shown; "done" = the write succeeded and redirected back.
L, D, OK, DONE = "login", "denied", "ok", "done"
MATRIX = {
    "index": dict(zip(ROLES, [L, L, L, OK, OK, OK, OK], strict=True)),
    "export_csv": dict(zip(ROLES, [L, L, L, OK, OK, OK, OK], strict=True)),
    "detail": dict(zip(ROLES, [L, L, L, D, OK, OK, OK], strict=True)),
    "transition": dict(zip(ROLES, [L, L, L, D, D, DONE, DONE], strict=True)),
    "assign": dict(zip(ROLES, [L, L, L, D, D, D, DONE], strict=True)),
    "review": dict(zip(ROLES, [L, L, L, D, DONE, D, D], strict=True)),
    "conflict": dict(zip(ROLES, [L, L, L, D, DONE, D, D], strict=True)),
    "note": dict(zip(ROLES, [L, L, L, D, DONE, DONE, DONE], strict=True)),
    "bulk": dict(zip(ROLES, [L, L, L, D, D, D, DONE], strict=True)),
    "session_add": dict(zip(ROLES, [L, L, L, D, D, D, DONE], strict=True)),
    "milestone_add": dict(zip(ROLES, [L, L, L, D, D, D, DONE], strict=True)),
}


def outcome(response):
    if response.status_code == 200:
        return OK
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    if "/accounts/login/" in location:
        return L
    if location == "/admin/":
        return D
    return DONE


@pytest.fixture
def application():
    return submitted(status=S.SHORTLISTED)


def login(client, role, application):
    if role == "anonymous":
        return
    if role == "other_member":
        user = MembershipFactory().user
    elif role == "member":
        user = MembershipFactory(company=application.company).user
    elif role == "unassigned_reviewer":
        user = reviewer()
    elif role == "assigned_reviewer":
        user = reviewer()
        assign(application, user)
    elif role == "decider":
        user = decider()
    else:
        user = manager()
    client.force_login(user)
    return user


def request(client, view, application):
    pk = application.pk
    if view == "index":
        return client.get(reverse("coaching_applications:index"))
    if view == "export_csv":
        return client.get(reverse("coaching_applications:export_csv"))
    if view == "detail":
        return client.get(reverse("coaching_applications:detail", args=[pk]))
    if view == "transition":
        data = {"new_status": S.WAITLISTED, "expected_status": S.SHORTLISTED}
        return client.post(reverse("coaching_applications:transition", args=[pk]), data)
    if view == "assign":
        return client.post(reverse("coaching_applications:assign", args=[pk]), {"reviewer": reviewer().pk})
    if view == "review":
        data = {"score_c-fit": "4", "score_c-ready": "4"}
        return client.post(reverse("coaching_applications:review", args=[pk]), data)
    if view == "conflict":
        return client.post(reverse("coaching_applications:conflict", args=[pk]), {"conflict_note": "Related"})
    if view == "note":
        return client.post(reverse("coaching_applications:note", args=[pk]), {"body": "Hello"})
    if view == "session_add":
        data = {"date": "2026-12-01", "topic": "Listing photos", "attendance": "attended"}
        return client.post(reverse("coaching_applications:session_add", args=[pk]), data)
    if view == "milestone_add":
        data = {"kind": "first_export_order", "achieved_on": "2026-12-01"}
        return client.post(reverse("coaching_applications:milestone_add", args=[pk]), data)
    return client.post(reverse("coaching_applications:bulk"), {"ids": [pk], "action": "in_review"})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", list(MATRIX))
def test_permission_matrix(client, application, view, role):
    """Each role gets exactly the access in MATRIX; a refused request changes nothing."""
    login(client, role, application)
    response = request(client, view, application)
    assert outcome(response) == MATRIX[view][role], (view, role)
    if MATRIX[view][role] in (L, D):
        application.refresh_from_db()
        assert application.status == S.SHORTLISTED
        assert not application.notes.exists()
        assert not application.reviews.exists()
        assert not application.sessions.exists() and not application.milestones.exists()


def test_unassigned_reviewer_list_is_empty_and_export_has_no_rows(client, application):
    """A reviewer without assignments sees no applications in the list or the export."""
    login(client, "unassigned_reviewer", application)
    assert list(client.get(reverse("coaching_applications:index")).context["rows"]) == []
    body = client.get(reverse("coaching_applications:export_csv")).content.decode("utf-8-sig")
    assert application.reference not in body


def test_menu_item_only_for_review_roles(client, application):
    """The Applications menu item appears only for users with a review role."""
    from tests.factories.coaching import user_with_permissions

    client.force_login(user_with_permissions())
    assert "/admin/coaching/applications/" not in client.get("/admin/").content.decode()
    client.force_login(reviewer())
    assert "/admin/coaching/applications/" in client.get("/admin/").content.decode()
