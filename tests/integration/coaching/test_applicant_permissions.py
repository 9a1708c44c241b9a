"""Who may open each applicant view: anonymous → login, another company's member → 404, member → 200,
staff who are not members → 404 (staff use the admin, not the company's pages)."""

import pytest
from django.urls import reverse

from tests.factories.coaching import ApplicationFactory, decider
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db

VIEWS = [
    ("detail", ()),
    ("company", ()),
    ("section", (1,)),
    ("documents", ()),
    ("declaration", ()),
    ("check", ()),
    ("withdraw", ()),
]


@pytest.fixture
def application(member):
    return ApplicationFactory(company=MembershipFactory(user=member).company)


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_anonymous_is_sent_to_login(client, application, name, args):
    """Anonymous visitors are redirected to sign in."""
    response = client.get(reverse(f"coaching:{name}", args=[application.pk, *args]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_member_of_another_company_gets_404(client, application, name, args):
    """A member of another company cannot tell the application exists."""
    client.force_login(MembershipFactory().user)
    assert client.get(reverse(f"coaching:{name}", args=[application.pk, *args])).status_code == 404
    assert client.post(reverse(f"coaching:{name}", args=[application.pk, *args]), {}).status_code == 404


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_staff_without_membership_gets_404(client, application, name, args):
    """Staff review applications in the admin; the company's pages stay the company's."""
    client.force_login(decider())
    assert client.get(reverse(f"coaching:{name}", args=[application.pk, *args])).status_code == 404


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_member_can_open_every_step(member_client, application, name, args):
    """Any member of the company (not only the one who started) can open every step."""
    assert member_client.get(reverse(f"coaching:{name}", args=[application.pk, *args])).status_code == 200


def test_colleague_can_continue_the_draft(client, application):
    """Another member of the same company sees the same draft."""
    colleague = MembershipFactory(company=application.company).user
    client.force_login(colleague)
    assert client.get(reverse("coaching:detail", args=[application.pk])).status_code == 200


def test_my_applications_lists_only_my_companies(client, application, member_client):
    """My applications shows the member's companies' applications and nobody else's."""
    other = ApplicationFactory()
    body = member_client.get(reverse("coaching:my_applications")).content.decode()
    assert application.program.title in body
    assert other.program.title not in body
    client.logout()
    assert client.get(reverse("coaching:my_applications")).status_code == 302


def test_start_needs_login_and_a_company(client, program):
    """Starting needs a signed-in user with a company; the user without a company is told what to do."""
    response = client.post(reverse("coaching:start", args=[program.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    from tests.factories.accounts import UserFactory

    client.force_login(UserFactory())
    response = client.post(reverse("coaching:start", args=[program.pk]), follow=True)
    assert "Register your company" in response.content.decode()
    assert client.get(reverse("coaching:start", args=[program.pk])).status_code == 405
