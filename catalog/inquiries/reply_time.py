"""Working days and the supplier's typical reply time, computed from durations (no database access)."""

import datetime
from statistics import median

from django.utils.translation import gettext_lazy as _

UNANSWERED_AFTER_WORKING_DAYS = 3
REPLY_TIME_WINDOW_DAYS = 90

# (upper bound, badge text): the first bound the median reply time fits under gives the badge.
REPLY_TIME_BADGES = (
    (datetime.timedelta(hours=4), _("Usually replies within a few hours")),
    (datetime.timedelta(days=1), _("Usually replies within a day")),
    (datetime.timedelta(days=3), _("Usually replies within three days")),
    (datetime.timedelta(days=7), _("Usually replies within a week")),
)
SLOW_REPLY_BADGE = _("Usually replies in more than a week")


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Whole working days (Monday to Friday) after ``start`` up to and including ``end``; 0 when end <= start."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + datetime.timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def is_overdue(*, since: datetime.date, today: datetime.date) -> bool:
    """True when at least three working days have passed since ``since``."""
    return working_days_between(since, today) >= UNANSWERED_AFTER_WORKING_DAYS


def reply_time_badge(durations):
    """The badge text for the median of ``durations`` (timedeltas), or None when there are none."""
    durations = list(durations)
    if not durations:
        return None
    typical = median(durations)
    for bound, text in REPLY_TIME_BADGES:
        if typical <= bound:
            return text
    return SLOW_REPLY_BADGE
