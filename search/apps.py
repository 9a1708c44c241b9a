from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from portal import health

        from . import signals, sources
        from .engine import engine_health

        signals.connect()
        sources.listings.register(sources.CategoryListing())
        # Searches fall back to the database while the engine is down: the site is degraded, not failing.
        health.register("search", engine_health, required=False)
