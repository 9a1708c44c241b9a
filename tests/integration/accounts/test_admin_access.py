"""The Wagtail admin signs people in through allauth and, when required, insists on staff MFA."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group, Permission

from tests.factories.accounts import DEFAULT_PASSWORD, StaffFactory, UserFactory

from .helpers import current_totp_code, login

pytestmark = pytest.mark.django_db


def test_admin_redirects_anonymous_to_allauth_login(client):
    """Anonymous visitors of /admin/ land on the allauth login with next=/admin/ (default language)."""
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/zh-hant/accounts/login/?next=/admin/"


def test_admin_redirect_follows_the_language_cookie(client, settings):
    """An English-speaking visitor is sent to the English login page."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/admin/pages/")
    assert response.url == "/en/accounts/login/?next=/admin/pages/"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/admin/login/", "/zh-hant/accounts/login/?next=/admin/"),
        ("/admin/login/?next=/admin/pages/", "/zh-hant/accounts/login/?next=/admin/pages/"),
        ("/admin/login/?next=https://evil.example/", "/zh-hant/accounts/login/?next=/admin/"),
    ],
)
def test_wagtail_login_form_is_replaced(client, path, expected):
    """Wagtail's own login form (no MFA, no rate limit) is never shown; foreign next URLs are dropped."""
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == expected


def test_admin_logout_signs_out_and_returns_to_login(client, staff_mfa_not_required):
    """Logging out from the admin ends the session and shows the allauth login page."""
    staff = StaffFactory()
    login(client, staff.email, DEFAULT_PASSWORD)
    assert client.get("/admin/").status_code == 200
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert response.url.endswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_staff_without_mfa_redirected_when_required(client, staff_mfa_required):
    """With REQUIRE_STAFF_MFA on, staff without TOTP are sent to set it up, with an explanation."""
    staff = StaffFactory()
    login(client, staff.email, DEFAULT_PASSWORD)
    response = client.get("/admin/", follow=False)
    assert response.status_code == 302
    assert response.url == "/zh-hant/accounts/2fa/totp/activate/"
    response = client.get("/admin/pages/")
    assert response.url == "/zh-hant/accounts/2fa/totp/activate/"


def test_staff_mfa_redirect_leaves_mfa_pages_and_logout_alone(client, staff_mfa_required):
    """The set-up pages themselves and the admin logout stay reachable for staff without MFA."""
    staff = StaffFactory()
    login(client, staff.email, DEFAULT_PASSWORD)
    assert client.get("/en/accounts/2fa/").status_code == 200
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_staff_without_mfa_admitted_when_not_required(client, staff_mfa_not_required):
    """With REQUIRE_STAFF_MFA off (development), staff reach the admin without MFA."""
    staff = StaffFactory()
    login(client, staff.email, DEFAULT_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_staff_with_mfa_admitted_when_required(client, staff_mfa_required):
    """Staff with TOTP pass the password and code steps, then reach the admin."""
    staff = StaffFactory()
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    response = login(client, staff.email, DEFAULT_PASSWORD)
    client.post(response.url, {"code": current_totp_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_editor_with_admin_permission_also_needs_mfa(client, staff_mfa_required):
    """Not only superusers: anyone with wagtailadmin.access_admin (e.g. an editors' group) is covered."""
    editor = UserFactory()
    group = Group.objects.create(name="Bureau editors")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    editor.groups.add(group)
    login(client, editor.email, DEFAULT_PASSWORD)
    assert client.get("/admin/").url == "/zh-hant/accounts/2fa/totp/activate/"


def test_members_without_admin_access_are_not_redirected_to_mfa(client, staff_mfa_required):
    """Ordinary users are refused by Wagtail itself (login redirect), not pushed to set up MFA."""
    user = UserFactory()
    login(client, user.email, DEFAULT_PASSWORD)
    response = client.get("/admin/")
    assert "2fa" not in response.url


def test_admin_account_page_leaves_email_and_password_to_allauth(client, staff_mfa_not_required):
    """The admin's own e-mail and password forms are off: a changed address would bypass verification."""
    staff = StaffFactory()
    client.force_login(staff)
    html = client.get("/admin/account/").content.decode()
    assert 'name="name_email-email"' not in html
    assert 'name="password-old_password"' not in html
