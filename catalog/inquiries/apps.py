from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "catalog.inquiries"
    label = "inquiries"
    verbose_name = _("Buyer inquiries")

    def ready(self):
        from .views import register_routes

        register_routes()
