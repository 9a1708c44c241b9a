from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("Payments")

    def ready(self):
        from portal import personal_data

        from . import checks, privacy  # noqa: F401  (checks: registers the system checks)

        personal_data.register(privacy.HOLDER)
