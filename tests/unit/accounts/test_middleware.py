"""StaffMFAMiddleware decides, per request, whether admin users must set up TOTP first."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory

from portal.accounts.middleware import StaffMFAMiddleware
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def run(path, user):
    request = RequestFactory().get(path)
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return StaffMFAMiddleware(lambda request: HttpResponse("through"))(request)


def passes(response):
    return response.status_code == 200 and response.content == b"through"


@pytest.fixture
def required(settings):
    settings.REQUIRE_STAFF_MFA = True


def test_staff_without_totp_is_redirected_from_admin(required):
    response = run("/admin/pages/", StaffFactory())
    assert response.status_code == 302
    assert response.url.endswith("/accounts/2fa/totp/activate/")


@pytest.mark.parametrize("path", ["/admin/logout/", "/en/accounts/2fa/totp/activate/", "/en/company/", "/"])
def test_logout_and_non_admin_paths_pass(required, path):
    assert passes(run(path, StaffFactory()))


def test_staff_with_totp_passes(required):
    staff = StaffFactory()
    TOTP.activate(staff, generate_totp_secret())
    assert passes(run("/admin/", staff))


def test_recovery_codes_alone_do_not_count(required):
    """Only a TOTP authenticator satisfies the rule; recovery codes are a back-up, not a factor."""
    staff = StaffFactory()
    Authenticator.objects.create(user=staff, type=Authenticator.Type.RECOVERY_CODES, data={})
    assert run("/admin/", staff).status_code == 302


@pytest.mark.parametrize("user", ["anonymous", "member"])
def test_anonymous_and_non_admin_users_pass_to_wagtail(required, user):
    """Wagtail itself turns them away (login redirect); the middleware does not interfere."""
    assert passes(run("/admin/", AnonymousUser() if user == "anonymous" else UserFactory()))


def test_switched_off_lets_everyone_through(settings):
    settings.REQUIRE_STAFF_MFA = False
    assert passes(run("/admin/", StaffFactory()))
