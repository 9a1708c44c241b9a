"""Small account glue: the sign-up language is remembered; Wagtail's login URL hands over to allauth."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from portal.accounts.adapters import AccountAdapter
from portal.accounts.models import User
from portal.accounts.views import admin_login


@pytest.mark.django_db
def test_signup_remembers_the_language():
    request = RequestFactory().post("/th/accounts/signup/")
    request.LANGUAGE_CODE = "th"
    request.session = {}

    class Form:
        cleaned_data = {"email": "new@example.com", "password1": "A-long-password-2026"}

    user = AccountAdapter().save_user(request, User(), Form())
    assert User.objects.get(pk=user.pk).preferred_language == "th"


@pytest.mark.parametrize(
    ("query", "expected_next"),
    [
        ("", "/admin/"),
        ("?next=/admin/snippets/", "/admin/snippets/"),
        ("?next=//evil.example/", "/admin/"),
        ("?next=https://evil.example/admin/", "/admin/"),
    ],
)
def test_admin_login_redirects_to_allauth_keeping_only_local_next(query, expected_next):
    with translation.override("en"):
        response = admin_login(RequestFactory().get(f"/admin/login/{query}"))
    assert response.status_code == 302
    assert response.url == f"/en/accounts/login/?next={expected_next}"


def test_user_manager_requires_an_email():
    with pytest.raises(ValueError):
        User.objects.create_user(email="")
