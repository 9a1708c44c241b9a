"""No data of its own: one unmanaged model carries the permissions that open each report to a staff group."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# report slug → (permission codename, permission name). Groups get them in migration 0002.
PERMISSIONS = {
    "applications": ("view_applications_report", _("Can see the applications report")),
    "companies": ("view_companies_report", _("Can see the companies report")),
    "showcase": ("view_showcase_report", _("Can see the showcase report")),
    "inquiries": ("view_inquiries_report", _("Can see the inquiries report")),
    "payments": ("view_payments_report", _("Can see the sample orders and program fees report")),
    "outcomes": ("view_outcomes_report", _("Can see the outcome funnel")),
}


class Report(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = list(PERMISSIONS.values())
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return str(self._meta.verbose_name)
