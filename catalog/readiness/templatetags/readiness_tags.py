"""Template helpers the showcase's pages load: "Ready for …" badges and the dashboard's readiness column."""

from django import template

from portal.markets import Market

from .. import selectors
from ..checklist import NEXT_STEPS

register = template.Library()


@register.simple_tag
def ready_markets(product, images, certificates):
    """``{% ready_markets product images certificates as markets %}``: the names of the markets every required
    item is met for, from the product page's product, its images and its certificates valid today."""
    codes = selectors.loaded_product_ready_markets(product, images=images, certificates=certificates)
    return [Market(code).label for code in codes]


@register.simple_tag
def readiness_summaries(products):
    """``{% readiness_summaries products as readiness %}``: {product id: [Checklist per market]} for a page of
    products, in a fixed number of queries."""
    return selectors.checklists([product.pk for product in products])


@register.filter
def checklists_of(summaries, product):
    """``{{ readiness|checklists_of:product }}``: the product's checklists from ``readiness_summaries``."""
    return summaries.get(product.pk, [])


@register.simple_tag
def next_step(item):
    """``{% next_step item as step %}``: (what to do, dashboard URL name or "") for a missing item."""
    return NEXT_STEPS[item.rule.requirement]
