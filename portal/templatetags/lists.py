"""``{{ names|list_join }}``: a list of names joined the way the page's language writes a list.

Chinese separates the items of a list with the enumeration comma 、(頓號), not with ", "; the other languages
of the portal use a comma and a space. The items are escaped.
"""

from django import template
from django.utils.html import format_html_join
from django.utils.translation import get_language

register = template.Library()

SEPARATORS = {"zh-hant": "、"}
DEFAULT_SEPARATOR = ", "


def separator(language):
    return SEPARATORS.get(language or "", DEFAULT_SEPARATOR)


@register.filter
def list_join(items):
    return format_html_join(separator(get_language()), "{}", ((item,) for item in items))
