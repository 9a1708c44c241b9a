"""Working days, the "unanswered for 3 working days" flag, the reply-time badge, URL counting and rate limits."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from catalog.inquiries import limits as inquiry_limits
from catalog.inquiries.reply_time import reply_time_badge, working_days_between
from catalog.inquiries.selectors import is_unanswered_too_long, supplier_reply_badge
from tests.factories.inquiries import InquiryFactory
from tests.factories.showcase import VerifiedCompanyFactory

FRIDAY = datetime.date(2026, 11, 27)
MONDAY = datetime.date(2026, 11, 30)
WEDNESDAY = datetime.date(2026, 12, 2)
THURSDAY = datetime.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def english():
    """Badge texts are compared in English (msgids); zh-hant is the site default."""
    with translation.override("en"):
        yield


class TestWorkingDays:
    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (FRIDAY, FRIDAY, 0),
            (FRIDAY, MONDAY, 1),  # Saturday and Sunday do not count
            (FRIDAY, WEDNESDAY, 3),
            (MONDAY, THURSDAY, 3),
            (FRIDAY, FRIDAY + datetime.timedelta(days=14), 10),
            (MONDAY, FRIDAY, 0),  # end before start
        ],
    )
    def test_counts_monday_to_friday(self, start, end, expected):
        """Working days after ``start`` up to ``end``: weekends are skipped."""
        assert working_days_between(start, end) == expected

    def test_flag_after_three_working_days_only(self, db):
        """Confirmed on a Friday: not flagged on Tuesday (2 working days), flagged on Wednesday (3)."""
        confirmed = timezone.make_aware(datetime.datetime(2026, 11, 27, 10, 0))
        inquiry = InquiryFactory(email_confirmed_at=confirmed)
        assert not is_unanswered_too_long(inquiry, today=WEDNESDAY - datetime.timedelta(days=1))
        assert is_unanswered_too_long(inquiry, today=WEDNESDAY)

    def test_answered_closed_and_unconfirmed_inquiries_are_not_flagged(self, db):
        long_ago = timezone.now() - datetime.timedelta(days=30)
        answered = InquiryFactory(email_confirmed_at=long_ago, first_replied_at=long_ago, status="answered")
        closed = InquiryFactory(email_confirmed_at=long_ago, status="closed")
        unconfirmed = InquiryFactory(email_confirmed_at=None, status="unconfirmed", created_at=long_ago)
        for inquiry in (answered, closed, unconfirmed):
            assert not is_unanswered_too_long(inquiry)


@pytest.mark.usefixtures("english")
class TestReplyTimeBadge:
    @pytest.mark.parametrize(
        ("hours", "text"),
        [
            ([1, 2, 30], "Usually replies within a few hours"),
            ([10, 20, 23], "Usually replies within a day"),
            ([30, 50, 70], "Usually replies within three days"),
            ([100, 120, 150], "Usually replies within a week"),
            ([200, 300], "Usually replies in more than a week"),
        ],
    )
    def test_median_picks_the_badge(self, hours, text):
        assert str(reply_time_badge(datetime.timedelta(hours=h) for h in hours)) == text

    def test_no_replies_no_badge(self):
        assert reply_time_badge([]) is None

    def test_supplier_badge_uses_the_median_first_reply_of_the_last_90_days(self, db):
        """Two fast replies within 90 days give "within a few hours"; a slow one 120 days ago is ignored."""
        company = VerifiedCompanyFactory()
        now = timezone.now()
        for days_ago, reply_hours in ((5, 1), (10, 2), (120, 400)):
            confirmed = now - datetime.timedelta(days=days_ago)
            InquiryFactory(
                company=company,
                email_confirmed_at=confirmed,
                first_replied_at=confirmed + datetime.timedelta(hours=reply_hours),
                status="answered",
            )
        assert str(supplier_reply_badge(company=company)) == "Usually replies within a few hours"
        assert supplier_reply_badge(company=VerifiedCompanyFactory()) is None


class TestLimits:
    @pytest.mark.parametrize(
        ("text", "count"),
        [
            ("No links here.", 0),
            ("See https://example.com and http://b.example/x?y=1", 2),
            ("www.a.example, HTTP://B.EXAMPLE, https://c.example", 3),
        ],
    )
    def test_count_urls(self, text, count):
        assert inquiry_limits.count_urls(text) == count

    def test_rate_limit_allows_the_limit_then_refuses(self):
        """Five attempts per IP pass, the sixth does not; another IP is counted on its own."""
        results = [inquiry_limits.hit(inquiry_limits.PER_IP, "192.0.2.1") for _ in range(6)]
        assert results == [True] * 5 + [False]
        assert inquiry_limits.hit(inquiry_limits.PER_IP, "192.0.2.2")

    def test_email_limit_ignores_case(self):
        for _ in range(10):
            assert inquiry_limits.hit(inquiry_limits.PER_EMAIL, "Buyer@Example.com")
        assert not inquiry_limits.hit(inquiry_limits.PER_EMAIL, "buyer@example.com")
