"""Template helpers other apps' pages load to point at the solution catalog without importing it (the
readiness checklist's "who can help")."""

from django import template
from wagtail.models import Locale

from ..models import Need, SolutionIndexPage
from ..selectors import solution_guide

register = template.Library()

MAX_OFFERINGS = 3


@register.simple_tag
def solution_offerings(need, market):
    """``{% solution_offerings need market as offerings %}``: up to three live offerings for a need code
    (e.g. "compliance") that serve the market, in the active language's catalog; none for an unknown need."""
    if need not in Need.values:
        return []
    index = SolutionIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    if index is None:
        return []
    return solution_guide(index=index, market=market, need=need).matches[:MAX_OFFERINGS]
