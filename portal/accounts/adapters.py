from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.utils import translation

from portal.emails import html_alternative


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
        context = {**context, "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"}
        with translation.override(self._recipient_language(email, context)):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            message.attach_alternative(
                html_alternative(text=message.body, subject=message.subject, language=translation.get_language()),
                "text/html",
            )
        return message
