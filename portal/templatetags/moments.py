"""Dates and times as the reader's language writes them, with the time zone named.

``{% moment value %}`` renders a datetime in the site's time zone (``TIME_ZONE``, Taipei) in the active
language's ``DATETIME_FORMAT`` followed by the zone, e.g. "15 ธันวาคม 2026, 17:00 (เวลาไทเป, UTC+8)", inside
a ``<time datetime="…">`` carrying the ISO 8601 value. ``{% moment value "SHORT_DATETIME_FORMAT" as when %}``
stores it for a ``blocktranslate``. Dates without a time use Django's ``|date:"DATE_FORMAT"``: a day needs no
zone.
"""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

register = template.Library()

ZONE_NAMES = {"Asia/Taipei": _("Taipei time")}


def zone_label(value):
    """The zone as "(Taipei time, UTC+8)" for an aware datetime already in the current time zone."""
    offset = value.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    name = ZONE_NAMES.get(str(timezone.get_current_timezone()))
    if name is None:
        return f"({utc})"
    return gettext("(%(zone)s, %(offset)s)") % {"zone": name, "offset": utc}


@register.simple_tag
def moment(value, format_name="DATETIME_FORMAT"):
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return format_html(
        '<time datetime="{}">{} {}</time>',
        local.isoformat(timespec="seconds"),
        date_format(local, format_name),
        zone_label(local),
    )
