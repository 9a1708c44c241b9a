from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadinessConfig(AppConfig):
    name = "catalog.readiness"
    label = "readiness"
    verbose_name = _("Market readiness")
    # "Ready for …" badges appear on public product pages: a saved rule or readiness record starts the page
    # cache afresh.
    public_content = True

    def ready(self):
        from . import receivers

        receivers.connect()
