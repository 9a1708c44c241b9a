"""Content Security Policy and Permissions-Policy on every response (django-csp underneath).

Two policies, both from settings: ``CSP_DIRECTIVES`` for the public site (no inline script or style at all:
the few inline elements, such as a product's JSON-LD, carry the request's nonce) and ``CSP_ADMIN_DIRECTIVES``
for the Wagtail admin under ``CSP_ADMIN_PREFIX``, whose widgets still write inline scripts and styles.
``CSP_REPORT_ONLY`` sends the policy as ``Content-Security-Policy-Report-Only`` (dev, tests, the first days of
a deployment) instead of enforcing it (production's default); ``check --deploy`` warns while it is on.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy, report-only or enforced, plus Permissions-Policy.

    Place it right after SecurityMiddleware, so static files and every error page get the headers too.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only != settings.CSP_REPORT_ONLY:
            return PolicyParts(config={}, nonce=parts.nonce)
        admin = request.path_info.startswith(settings.CSP_ADMIN_PREFIX)
        directives = settings.CSP_ADMIN_DIRECTIVES if admin else settings.CSP_DIRECTIVES
        return PolicyParts(
            config=parts.config or default_config(directives),
            update=parts.update,
            replace=parts.replace,
            nonce=parts.nonce,
        )

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if PERMISSIONS_POLICY_HEADER not in response:
            response[PERMISSIONS_POLICY_HEADER] = settings.PERMISSIONS_POLICY
        return response
