from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "catalog.orders"
    label = "orders"
    verbose_name = _("Sample orders")

    def ready(self):
        from . import receivers  # noqa: F401  (connects the receivers)
