"""The whole account journey: sign-up, e-mail verification, login, TOTP set-up, admin."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories.accounts import DEFAULT_PASSWORD, StaffFactory

from .helpers import confirmation_path, current_totp_code, login, wrong_totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "Taipei-sme-journey-2026"


def test_signup_verify_login_mfa_admin(client, staff_mfa_required):
    """A new user signs up, gets a verification mail, confirms by POST, logs in, sets up TOTP
    after confirming the password (allauth's reauthentication), with the code
    computed from the session's secret, receives recovery codes, and — once given admin
    access — reaches /admin/ because MFA is active."""
    response = client.post(
        "/en/accounts/signup/", {"email": "owner@example.com", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    user = get_user_model().objects.get(email="owner@example.com")
    assert user.preferred_language == "en"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1

    path = confirmation_path(mail.outbox[0].body)
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    client.logout()

    response = login(client, "owner@example.com", PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session

    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 302, "allauth asks for the password again before MFA changes"
    assert response.url.startswith("/en/accounts/reauthenticate/")
    response = client.post(response.url, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/en/accounts/2fa/totp/activate/"
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    assert secret == response.context["form"].secret
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert response.url == "/en/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get(response.url).status_code == 200

    user.is_superuser = True
    user.is_staff = True
    user.save()
    assert client.get("/admin/").status_code == 200


def test_login_with_totp_asks_for_the_code(client):
    """A user with TOTP who logs in is not signed in until the current code is entered; a wrong code is refused."""
    staff = StaffFactory()
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    response = login(client, staff.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert response.url == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/2fa/authenticate/", {"code": wrong_totp_code(secret)})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)
