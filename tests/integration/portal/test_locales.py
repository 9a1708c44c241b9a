"""portal.locales.active() answers as Locale.get_active() without a query once kept, and sees a new locale."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from portal import locales

pytestmark = pytest.mark.django_db


def test_gives_the_active_languages_locale_without_a_query(django_assert_num_queries):
    """Once kept, each language's locale comes without a query and is the one Wagtail gives."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    default = Locale.get_default()
    with translation.override("en"):
        assert Locale.get_active() == english
    locales.active()
    with django_assert_num_queries(0):
        with translation.override("en"):
            assert locales.active() == english
        with translation.override("zh-hant"):
            assert locales.active() == default


def test_a_language_without_a_locale_falls_back_to_the_default_until_one_is_added():
    """Thai without a locale gives the default one, as Wagtail does; a Thai locale added is used next."""
    with translation.override("th"):
        assert locales.active() == Locale.get_default() == Locale.get_active()
        thai = Locale.objects.create(language_code="th")
        assert locales.active() == thai
