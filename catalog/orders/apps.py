from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "catalog.orders"
    label = "orders"
    verbose_name = _("Sample orders")

    def ready(self):
        from portal import personal_data

        from . import privacy, receivers  # noqa: F401  (receivers: connects the receivers)

        personal_data.register(privacy.HOLDER)
