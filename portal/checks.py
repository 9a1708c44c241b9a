"""System checks of the core."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def csp_enforced_check(app_configs, **kwargs):
    """portal.W001 (check --deploy): the Content Security Policy is only reported, not enforced."""
    if not settings.CSP_REPORT_ONLY:
        return []
    return [
        checks.Warning(
            "The Content Security Policy is sent report-only (DJANGO_CSP_REPORT_ONLY=true): nothing is blocked.",
            hint="Watch the browsers' reports for a few days after the first deployment, then unset "
            "DJANGO_CSP_REPORT_ONLY so production enforces the policy.",
            id="portal.W001",
        )
    ]
