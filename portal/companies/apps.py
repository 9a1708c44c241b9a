from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "portal.companies"
    label = "companies"
    verbose_name = _("Companies")
    # Its objects appear on public pages: saving or deleting one empties the page cache.
    public_content = True

    def ready(self):
        from portal import personal_data

        from . import privacy

        personal_data.register(privacy.HOLDER)
