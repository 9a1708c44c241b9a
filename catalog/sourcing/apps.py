from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcingConfig(AppConfig):
    name = "catalog.sourcing"
    label = "sourcing"
    verbose_name = _("Requests for quotation")
