"""Wagtail's locales kept per process: ``active()`` is ``Locale.get_active()`` without its query.

``Locale.get_active()`` reads the locale of the active language from the database on every call; the home page
called it three times per request (its featured products, its featured programs, its hero's link). The locales
are a handful of rows that change when staff add a language: kept until a locale is saved or deleted
(``portal.versioned.Versioned``, started anew by ``connect_signals`` from ``portal.apps``).
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from portal.versioned import Versioned


def _by_language():
    return {locale.language_code: locale for locale in Locale.objects.all()}


LOCALES = Versioned("locales", _by_language)


def active():
    """The locale of the active language, else the default language's (as ``Locale.get_active()``)."""
    locales = LOCALES.get()
    try:
        return locales[get_supported_content_language_variant(translation.get_language())]
    except (KeyError, LookupError):
        return locales[get_supported_content_language_variant(settings.LANGUAGE_CODE)]


def connect_signals():
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(LOCALES.changed, sender=Locale, dispatch_uid=f"locales.{name}")
