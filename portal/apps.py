from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import background, checks, locales, page_cache, page_tree, translation, versioned  # noqa: F401  (checks registers the system checks)

        background.connect_signals()

        page_cache.connect_signals()
        page_tree.connect_signals()
        locales.connect_signals()
        translation.connect_signals()
        versioned.connect_signals()
