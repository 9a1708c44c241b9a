"""Permission matrix for every applicant view: anonymous, member of another company, member, unassigned
reviewer, assigned reviewer and decision maker. The company's pages belong to the company: staff review in the
admin, and may only download documents of applications they may see."""

import pytest
from django.urls import reverse

from coaching.models import Application
from tests.factories.accounts import UserFactory
from tests.factories.coaching import PDF_BYTES, ApplicationFactory, assign, decider, reviewer
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db
S = Application.Status
ROLES = ["anonymous", "other_member", "member", "unassigned_reviewer", "assigned_reviewer", "decider"]
STEPS = ["detail", "company", "section", "documents", "declaration", "check", "withdraw"]
L, NF, OK = "login", 404, 200

MATRIX = {
    **{step: dict(zip(ROLES, [L, NF, OK, NF, NF, NF], strict=True)) for step in STEPS},
    "document_download": dict(zip(ROLES, [L, NF, OK, NF, OK, OK], strict=True)),
}


@pytest.fixture
def application(member):
    application = ApplicationFactory(company=MembershipFactory(user=member).company)
    application.documents.create(
        file="applications/x.pdf", original_name="x.pdf", content_type="application/pdf", size=len(PDF_BYTES)
    )
    return application


@pytest.fixture(autouse=True)
def _stored_file(settings):
    path = settings.PRIVATE_MEDIA_ROOT / "applications"
    path.mkdir(parents=True)
    (path / "x.pdf").write_bytes(PDF_BYTES)


def login(client, role, application, member):
    users = {
        "other_member": lambda: MembershipFactory().user,
        "member": lambda: member,
        "unassigned_reviewer": reviewer,
        "assigned_reviewer": reviewer,
        "decider": decider,
    }
    if role == "anonymous":
        return
    user = users[role]()
    if role == "assigned_reviewer":
        assign(application, user)
    client.force_login(user)


def view_url(view, application):
    if view == "document_download":
        return reverse("coaching:document_download", args=[application.documents.get().pk])
    if view == "section":
        return reverse("coaching:section", args=[application.pk, 1])
    return reverse(f"coaching:{view}", args=[application.pk])


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return L
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", list(MATRIX))
def test_permission_matrix(client, member, application, view, role):
    """Each role gets exactly the access in MATRIX; staff see documents only once the application is submitted
    (it is submitted here for the staff roles)."""
    if role in ("assigned_reviewer", "decider", "unassigned_reviewer"):
        application.status = S.SUBMITTED
        application.save()
    login(client, role, application, member)
    assert outcome(client.get(view_url(view, application))) == MATRIX[view][role], (view, role)


@pytest.mark.parametrize("view", STEPS)
def test_posts_from_other_companies_change_nothing(client, application, view):
    """A member of another company posting to any step gets 404 and the application is unchanged."""
    client.force_login(MembershipFactory().user)
    data = {"contact_name": "Intruder", "consent": "on", "q_q-product": "Hacked", "expected_status": "draft"}
    assert client.post(view_url(view, application), data).status_code == 404
    application.refresh_from_db()
    assert application.status == S.DRAFT and application.consent_at is None
    assert application.contact_name != "Intruder" and "q-product" not in application.answers


def test_colleague_can_continue_the_draft(client, application):
    """Another member of the same company sees the same draft."""
    client.force_login(MembershipFactory(company=application.company).user)
    assert client.get(reverse("coaching:detail", args=[application.pk])).status_code == 200


def test_my_applications_lists_only_my_companies(client, application, member_client):
    """My applications shows the member's companies' applications and nobody else's; anonymous must log in."""
    other = ApplicationFactory()
    body = member_client.get(reverse("coaching:my_applications")).content.decode()
    assert application.program.title in body
    assert other.program.title not in body
    client.logout()
    assert client.get(reverse("coaching:my_applications")).status_code == 302


def test_start_needs_login_and_a_company(client, program):
    """Starting needs a signed-in user with a company; a user without one is told what to do; GET is refused."""
    response = client.post(reverse("coaching:start", args=[program.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    response = client.post(reverse("coaching:start", args=[program.pk]), follow=True)
    assert "Register your company" in response.content.decode()
    assert client.get(reverse("coaching:start", args=[program.pk])).status_code == 405
    assert not Application.objects.filter(program=program).exists()


def test_start_cannot_apply_for_someone_elses_company(client, program, member):
    """Passing another company's id applies for the user's own company, never the other one."""
    other = MembershipFactory().company
    client.force_login(member)
    client.post(reverse("coaching:start", args=[program.pk]), {"company": other.pk})
    assert not Application.objects.filter(company=other).exists()
    assert Application.objects.filter(program=program).count() == 1


def test_start_with_a_malformed_company_value_uses_the_users_company(client, program, member):
    """A malformed company value falls back to the user's own company instead of failing."""
    client.force_login(member)
    assert client.post(reverse("coaching:start", args=[program.pk]), {"company": "abc"}).status_code == 302
    assert Application.objects.get(program=program).company.memberships.filter(user=member).exists()
