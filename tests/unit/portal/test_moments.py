"""Dates and times in the reader's language, with the time zone named."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

WHEN = datetime.datetime(2026, 12, 15, 9, 0, tzinfo=datetime.UTC)  # 17:00 in Taipei


def render(language, source, **context):
    with translation.override(language):
        return Template("{% load moments money_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("zh-hant", "2026年12月15日 17:00 (臺北時間, UTC+8)"),
        ("en", "Dec. 15, 2026, 5 p.m. (Taipei time, UTC+8)"),
        ("th", "15 ธันวาคม 2026, 17:00 (เวลาไทเป, UTC+8)"),
        ("ms", "15 Dis 2026, 17:00 (waktu Taipei, UTC+8)"),
        ("id", "15 Des. 2026, 17.00 (waktu Taipei, UTC+8)"),
        ("vi", "17:00 Ngày 15 tháng 12 năm 2026 (giờ Đài Bắc, UTC+8)"),
    ],
)
def test_a_deadline_reads_in_the_language_with_the_zone(language, shown):
    """The Taipei time, in the language's own date format, then the zone's name and offset."""
    html = render(language, "{% moment when %}", when=WHEN)
    assert html == f'<time datetime="2026-12-15T17:00:00+08:00">{shown}</time>'


def test_stored_for_a_sentence():
    """``as`` keeps the markup for a blocktranslate."""
    html = render(
        "en",
        "{% moment when as closes %}{% load i18n %}"
        "{% blocktranslate with date=closes %}Apply by {{ date }}{% endblocktranslate %}",
        when=WHEN,
    )
    assert html.startswith('Apply by <time datetime="2026-12-15T17:00:00+08:00">')


def test_nothing_for_no_date():
    assert render("th", "{% moment when %}", when=None) == ""


@pytest.mark.parametrize(
    ("language", "shown"),
    [("zh-hant", "新臺幣 12,500 元"), ("en", "TWD 12,500"), ("id", "TWD 12.500"), ("vi", "TWD 12.500")],
)
def test_a_fee_in_twd_with_the_languages_grouping(language, shown):
    """Thousands grouped as the language writes them (a dot in Indonesian and Vietnamese, a comma in Taiwan)."""
    assert render(language, "{{ fee|twd }}", fee=12500) == shown


def test_datetime_attribute_has_no_microseconds():
    """The datetime attribute is valid HTML (at most three fraction digits): seconds, no microseconds."""
    import datetime
    from zoneinfo import ZoneInfo

    from django.template import Context, Template

    value = datetime.datetime(2026, 12, 15, 9, 0, 0, 238329, tzinfo=ZoneInfo("UTC"))
    html = Template("{% load moments %}{% moment value %}").render(Context({"value": value}))
    assert 'datetime="2026-12-15T17:00:00+08:00"' in html
