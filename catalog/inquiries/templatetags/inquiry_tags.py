"""Template helpers the showcase's pages load to show what the inquiry desk knows about a supplier."""

from django import template

from ..selectors import supplier_reply_badge as reply_badge_for

register = template.Library()


@register.simple_tag
def supplier_reply_badge(company):
    """``{% supplier_reply_badge supplier as reply_badge %}``: "Usually replies within …", or None."""
    return reply_badge_for(company=company)
