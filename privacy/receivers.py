"""Consents given on other apps' forms (``portal.personal_data.consent_given``) and at sign-up (allauth)."""

from allauth.account.signals import user_signed_up
from django.dispatch import receiver
from django.utils import translation

from portal import personal_data

from . import services


@receiver(personal_data.consent_given, dispatch_uid="privacy.consent_given")
def record_consent(sender, *, purpose, email="", user=None, language="", **kwargs):
    services.consent_record(purpose=purpose, email=email, user=user, language=language)


@receiver(user_signed_up, dispatch_uid="privacy.user_signed_up")
def record_signup_consent(sender, *, request, user, **kwargs):
    services.consent_record(
        purpose=personal_data.CONSENT_SIGNUP, user=user, email=user.email, language=translation.get_language() or ""
    )
