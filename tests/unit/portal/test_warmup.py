"""The web worker's warm-up (portal/warmup.py, called from portal/wsgi.py)."""

import importlib

from django.conf import settings
from django.urls import clear_url_caches, get_resolver

from portal.warmup import warm_up


def test_warm_up_builds_the_url_reverse_table_of_every_language_without_the_database():
    """After warm_up() the URL resolver has a reverse table per language, so no first visitor of a language
    waits for it; it runs before any database access (this test has none)."""
    clear_url_caches()
    warm_up()
    built = set(get_resolver()._reverse_dict)
    assert {code for code, _name in settings.LANGUAGES} <= built


def test_the_wsgi_module_warms_up_when_imported():
    """portal.wsgi exposes the application and has run the warm-up."""
    clear_url_caches()
    import portal.wsgi

    importlib.reload(portal.wsgi)
    assert callable(portal.wsgi.application)
    assert {code for code, _name in settings.LANGUAGES} <= set(get_resolver()._reverse_dict)
