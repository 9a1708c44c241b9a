from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.emails import html_alternative

SITE_NAME = _("Taipei Cross-Border E-Commerce Hub")
# The links allauth puts in its e-mails (address confirmation, password reset).
LINKS = ("activate_url", "password_reset_url")


def site_link(url, language):
    """``url`` in ``language`` (its language prefix swapped) on the site's configured address
    (``WAGTAILADMIN_BASE_URL``) rather than the host the request came in on."""
    bits = urlsplit(url)
    # translate_url resolves the path in the active language, so activate the one of the link's own prefix.
    with translation.override(translation.get_language_from_path(bits.path)):
        url = translate_url(url, language)
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    bits = urlsplit(url)
    return urlunsplit((base.scheme, base.netloc, bits.path, bits.query, bits.fragment))


class AccountAdapter(DefaultAccountAdapter):
    """Site-specific account behaviour: sign-up remembers the user's language; allauth's e-mails (address
    confirmation, password reset, security notices) go in the recipient's language, in the project's own
    words, with links to the site's configured address and an HTML alternative like every e-mail of the site."""

    def save_user(self, request, user, form, commit=True):
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "") or ""
        return super().save_user(request, user, form, commit=commit)

    def _recipient_language(self, email, context):
        user = context.get("user")
        if user is None or getattr(user, "email", "").lower() != email.lower():
            user = get_user_model().objects.filter(email__iexact=email).first()
        chosen = getattr(user, "preferred_language", "") if user is not None else ""
        return chosen or translation.get_language() or settings.LANGUAGE_CODE

    def send_mail(self, template_prefix, email, context):
        language = self._recipient_language(email, context)
        site = SimpleNamespace(name=SITE_NAME, domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc)
        context = {**context, "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", "current_site": site}
        for key in LINKS:
            if context.get(key):
                context[key] = site_link(context[key], language)
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            message.attach_alternative(
                html_alternative(text=message.body, subject=message.subject, language=translation.get_language()),
                "text/html",
            )
        return message
