"""Sign-up rules: one account per e-mail, enumeration-safe; failed logins are rate-limited."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory

from .helpers import login

pytestmark = pytest.mark.django_db

PASSWORD = "Another-long-password-2026"


@pytest.mark.parametrize("email", ["taken@example.com", "TAKEN@example.com"])
def test_second_signup_with_same_email_is_refused_silently(client, mailoutbox, email):
    """A second sign-up with an e-mail that already has an account creates nothing.

    ACCOUNT_PREVENT_ENUMERATION is on, so the form does not say "this e-mail is taken" (that would
    let anyone probe who has an account). The visitor sees the usual "verify your e-mail" page, and
    the owner of the address receives an "someone tried to sign up with your e-mail" message
    instead of a verification link. No user or e-mail address row is added or changed.
    """
    existing = UserFactory(email="taken@example.com")
    users, addresses = get_user_model().objects.count(), EmailAddress.objects.count()

    response = client.post("/en/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    assert get_user_model().objects.count() == users
    assert EmailAddress.objects.count() == addresses
    existing.refresh_from_db()
    assert existing.check_password(DEFAULT_PASSWORD)
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["taken@example.com"]
    assert "/accounts/confirm-email/" not in mailoutbox[0].body
    page = client.get(response.url)
    assert page.status_code == 200


def test_signup_with_mismatched_passwords_saves_nothing(client, mailoutbox):
    """Bad input shows the error next to the field and creates no user."""
    response = client.post(
        "/en/accounts/signup/", {"email": "new@example.com", "password1": PASSWORD, "password2": "different-2026"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not get_user_model().objects.filter(email="new@example.com").exists()
    assert mailoutbox == []


def test_unverified_user_cannot_log_in(client, mailoutbox):
    """Verification is mandatory: the right password only leads to the "verify your e-mail" page."""
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    response = login(client, user.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_rate_limited(client):
    """After five wrong passwords for an account, even the right password is refused for a while."""
    user = UserFactory()
    for _attempt in range(5):
        response = login(client, user.email, "wrong-password")
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    response = login(client, user.email, DEFAULT_PASSWORD)
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert "too many" in response.content.decode().lower()


def test_rate_limit_counters_start_fresh(client):
    """The cache-clearing fixture resets the counters: a single wrong attempt does not lock anyone out."""
    user = UserFactory()
    login(client, user.email, "wrong-password")
    response = login(client, user.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
