from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The bureau's reports in the Wagtail admin. It reads other apps' selectors; nothing imports it."""

    name = "reports"
    label = "reports"
    verbose_name = _("Reports")
