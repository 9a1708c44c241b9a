from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "coaching"
    verbose_name = _("Coaching programs")

    def ready(self):
        from . import receivers  # noqa: F401  (connects the payments signals)
