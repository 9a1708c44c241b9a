from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .forms import LanguageForm
from .services import set_account_language


def admin_login(request):
    """Wagtail's own login form would skip allauth's MFA and rate limits: send everyone to allauth's."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailadmin_home")
    return redirect_to_login(next_url, login_url="account_login")


@login_required
def account_language(request):
    """The signed-in user's language: shown, changed, then the same page in the chosen language."""
    current = request.user.preferred_language or translation.get_language()
    form = LanguageForm(request.POST or None, initial={"language": current})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        set_account_language(user=request.user, language=language)
        with translation.override(language):
            messages.success(request, _("Your language is now %(language)s.") % {"language": _language_name(language)})
        response = redirect(translate_url(request.path, language))
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", secure=request.is_secure())
        return response
    return render(request, "account/language.html", {"form": form}, status=400 if form.errors else 200)


def _language_name(code):
    return dict(settings.LANGUAGES)[code]
