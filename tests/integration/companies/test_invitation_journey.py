"""An invited colleague without an account: invitation e-mail → sign up → verify → accept."""

import re

import pytest

from portal.companies.models import Membership
from tests.factories.accounts import UserFactory
from tests.factories.companies import InvitationFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Colleague-password-2026"


def test_invited_colleague_signs_up_and_joins(client, company, owner, mailoutbox, django_capture_on_commit_callbacks):
    """The owner invites; the colleague follows the link, is sent to log in, signs up with the invited
    address, confirms it from the e-mail, is brought back to the invitation and accepts it."""
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/company/{company.pk}/invitations/", {"email": "colleague@example.com"})
    client.logout()
    accept_path = re.search(r"http://testserver(/en/company/invitations/\S+/)", mailoutbox[0].body).group(1)

    response = client.get(accept_path)
    assert response.url == f"/en/accounts/login/?next={accept_path}"
    login_page = client.get(response.url).content.decode()
    assert f"/en/accounts/signup/?next={accept_path}" in login_page.replace("%2F", "/")

    response = client.post(
        f"/en/accounts/signup/?next={accept_path}",
        {"email": "colleague@example.com", "password1": PASSWORD, "password2": PASSWORD, "next": accept_path},
    )
    assert response.url == "/en/accounts/confirm-email/"
    confirm_path = re.search(r"https?://[^/\s]+(/en/accounts/confirm-email/\S+/)", mailoutbox[1].body).group(1)
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert response.url == accept_path

    response = client.post(accept_path)
    assert response.url == f"/en/company/{company.pk}/"
    assert Membership.objects.get(company=company, user__email="colleague@example.com").role == "member"


def test_invitation_for_someone_else_cannot_be_taken_by_signing_up_with_another_address(client, company):
    """Signing up with a different address and opening the link does not make you a member."""
    invitation = InvitationFactory(company=company, email="intended@example.com")
    client.force_login(UserFactory(email="someone.else@example.com"))
    response = client.post(f"/en/company/invitations/{invitation.token}/")
    assert response.status_code == 400
    assert not Membership.objects.filter(company=company, user__email="someone.else@example.com").exists()
