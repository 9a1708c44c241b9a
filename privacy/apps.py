from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Personal data")

    def ready(self):
        from portal import personal_data

        from . import privacy, receivers  # noqa: F401  (receivers: records consents)

        personal_data.register(privacy.HOLDER)
        for rule in privacy.RETENTION_RULES:
            personal_data.register_retention(rule)
