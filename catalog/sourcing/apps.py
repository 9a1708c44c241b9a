from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcingConfig(AppConfig):
    name = "catalog.sourcing"
    label = "sourcing"
    verbose_name = _("Requests for quotation")

    def ready(self):
        from portal import personal_data

        from . import privacy

        personal_data.register(privacy.HOLDER)
        personal_data.register_retention(privacy.RETENTION)
