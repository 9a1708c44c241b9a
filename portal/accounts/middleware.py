from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


class StaffMFAMiddleware:
    """With REQUIRE_STAFF_MFA on, admin users without a TOTP authenticator set one up before /admin/.

    Only the Wagtail admin is guarded; the MFA set-up pages live under /<lang>/accounts/ and stay
    reachable, and so does the admin's own logout.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_mfa(request):
            messages.warning(request, _("Staff accounts need two-factor authentication before using the admin."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _must_set_up_mfa(request):
        if not settings.REQUIRE_STAFF_MFA:
            return False
        if not request.path.startswith(reverse("wagtailadmin_home")) or request.path == reverse("wagtailadmin_logout"):
            return False
        user = request.user
        if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
