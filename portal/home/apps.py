from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "portal.home"
    label = "home"
    verbose_name = _("Site pages")
    # Its objects appear on public pages: saving or deleting one empties the page cache.
    public_content = True
