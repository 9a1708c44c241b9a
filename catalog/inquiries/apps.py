from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "catalog.inquiries"
    label = "inquiries"
    verbose_name = _("Buyer inquiries")

    def ready(self):
        from portal import personal_data

        from . import privacy
        from .views import register_routes

        register_routes()
        personal_data.register(privacy.HOLDER)
        personal_data.register_retention(privacy.RETENTION)
