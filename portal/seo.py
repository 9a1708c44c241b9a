"""What search engines and link previews read in a page's ``<head>``: description, share card, JSON-LD.

A view (or a page's ``get_context``) may put into the template context:

- ``meta_description``: the page's summary, when the page model does not have one of its own;
- ``page_title``: the title before " — site name" (a product's "name — supplier");
- ``share_image``: the Wagtail image of the link preview (Open Graph and Twitter card);
- ``breadcrumbs``: ``[(name, url), …]`` as the page shows them, turned into ``BreadcrumbList`` JSON-LD;
- ``structured_data``: a dict (or list of dicts) of schema.org data, written as JSON-LD.

Without them a Wagtail page describes itself: its search description, else its introduction or summary;
a page with none of these (a form, an account page) gets the site's own description.
Every URL is written on the configured host (``portal.site_address``).
"""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from portal import site_address

DESCRIPTION_LENGTH = 160
# The page fields a description is taken from, in order, when the editor left "search description" empty.
DESCRIPTION_FIELDS = ("search_description", "intro", "summary", "hero_text")
SITE_DESCRIPTION = _(
    "Taipei's industry bureau helps local firms sell to Southeast Asia: coaching programs, e-commerce services "
    "and the Taipei Good Products showcase for overseas buyers."
)
JSON_LD_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def plain_summary(text, length=DESCRIPTION_LENGTH):
    """``text`` (plain or rich text) as one line of at most ``length`` characters, cut at a word."""
    words = " ".join(strip_tags(str(text or "")).split())
    return Truncator(words).chars(length)


def page_description(page, override=""):
    """The description of ``page``: the view's own (``override``), else the first filled description field,
    else the site's."""
    if override:
        return plain_summary(override)
    for field in DESCRIPTION_FIELDS:
        value = getattr(page, field, "") if page is not None else ""
        if value:
            return plain_summary(value)
    return str(SITE_DESCRIPTION)


def json_ld(data):
    """A JSON-LD payload that is safe inside <script>: ``<``, ``>`` and ``&`` are escaped."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_LD_ESCAPES))  # noqa: S308


def breadcrumb_list(items):
    """schema.org ``BreadcrumbList`` of ``[(name, url), …]``, positions from 1, URLs on the configured host."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": str(name), "item": site_address.absolute(url)}
            for n, (name, url) in enumerate(items, start=1)
        ],
    }
