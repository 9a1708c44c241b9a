"""Working days in Taipei: Monday to Friday, except Taiwan's public holidays.

The holidays come from the maintained ``holidays`` package (``holidays.country_holidays("TW")``: national
holidays and their observed days), so a new year's calendar arrives with a package update, not a code change.
Used by the reply-time figures of the reports and by the inquiry escalation desk.
"""

import datetime
from functools import cache

import holidays


@cache
def _taiwan_holidays(year):
    return frozenset(holidays.country_holidays("TW", years=[year]))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _taiwan_holidays(day.year)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end``; 0 when ``end`` is not after ``start``."""
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


@cache
def working_day_after(day: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``day``."""
    result = day
    remaining = days
    while remaining > 0:
        result += datetime.timedelta(days=1)
        if is_working_day(result):
            remaining -= 1
    return result


def add_working_days(moment: datetime.datetime, days: int) -> datetime.datetime:
    """The same time of day ``days`` working days after ``moment`` (weekends and holidays are skipped)."""
    return datetime.datetime.combine(working_day_after(moment.date(), days), moment.timetz())
