from django.conf import settings
from django.db import transaction


@transaction.atomic
def set_account_language(*, user, language):
    """Remember ``language`` for ``user``'s e-mails and pages; staff get the Wagtail admin in it too."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    if user.is_staff:
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
