"""Every figure of every report, on the known cohort of conftest.py (PostgreSQL in CI)."""

import datetime
from decimal import Decimal

import pytest

from portal.companies.models import Company
from portal.markets import District
from reports import selectors
from tests.factories.reports import NOW, at

pytestmark = pytest.mark.django_db


def scope(**kwargs):
    return selectors.Scope(companies=Company.objects.all(), **kwargs)


def test_applications_funnel_counts_each_stage_time_in_status_and_filling(cohort):
    """Per program: applications, every stage reached, mean days in each status, capacity, places, waitlist."""
    rows = selectors.applications(scope(), now=NOW)
    assert rows == [
        {
            "program": "Export Starter",
            "program_id": cohort["starter"].pk,
            "cohort": 2025,
            "applications": 4,
            "reached_draft": 4,
            "reached_submitted": 3,
            "reached_in_review": 3,
            "reached_accepted": 2,
            "reached_enrolled": 2,
            "reached_completed": 1,
            "days_submitted": 2.7,
            "days_in_review": 4.3,
            "days_shortlisted": 2.0,
            "days_waitlisted": 91.5,
            "days_accepted": 2.0,
            "days_enrolled": 89.8,
            "capacity": 2,
            "places_taken": 2,
            "places_left": 0,
            "filled_percent": 100,
            "waitlisted": 1,
        },
        {
            "program": "Halal Track",
            "program_id": cohort["halal"].pk,
            "cohort": 2026,
            "applications": 1,
            "reached_draft": 1,
            "reached_submitted": 1,
            "reached_in_review": 1,
            "reached_accepted": 0,
            "reached_enrolled": 0,
            "reached_completed": 0,
            "days_submitted": 2.0,
            "days_in_review": 1.0,
            "days_shortlisted": None,
            "days_waitlisted": None,
            "days_accepted": None,
            "days_enrolled": None,
            "capacity": 3,
            "places_taken": 0,
            "places_left": 3,
            "filled_percent": 0,
            "waitlisted": 0,
        },
    ]


def test_applications_funnel_filters_by_cohort_district_and_period(cohort):
    """A cohort keeps its programs; a district keeps its companies' applications while the program's filling
    stays the program's; a period keeps the applications started in it."""
    assert [row["program"] for row in selectors.applications(scope(cohort=2026), now=NOW)] == ["Halal Track"]
    zhongzheng = selectors.Scope(companies=Company.objects.filter(district=District.ZHONGZHENG))
    (row,) = selectors.applications(zhongzheng, now=NOW)
    assert (row["applications"], row["reached_accepted"], row["places_taken"], row["waitlisted"]) == (2, 1, 2, 1)
    (row,) = selectors.applications(scope(start=at(2025, 3, 2, 0), end=at(2025, 3, 3, 0)), now=NOW)
    assert (row["applications"], row["reached_submitted"]) == (2, 2)


def test_companies_report_by_district_and_industry_and_the_waiting_list(cohort):
    """Registered, verified and awaiting per district and industry; the waiting companies oldest first."""
    report = selectors.companies_overview(scope(), now=NOW)
    assert report["rows"] == [
        {
            "dimension": "district",
            "value": "zhongzheng",
            "label": "Zhongzheng",
            "registered": 2,
            "verified": 1,
            "awaiting": 1,
        },
        {"dimension": "district", "value": "datong", "label": "Datong", "registered": 2, "verified": 1, "awaiting": 1},
        {
            "dimension": "industry",
            "value": "food",
            "label": "Food and beverage",
            "registered": 3,
            "verified": 1,
            "awaiting": 2,
        },
        {
            "dimension": "industry",
            "value": "beauty",
            "label": "Beauty and personal care",
            "registered": 1,
            "verified": 1,
            "awaiting": 0,
        },
    ]
    assert [(row["name"], row["days_waiting"]) for row in report["waiting"]] == [("丁公司", 159), ("丙公司", 132)]


def test_companies_report_period_counts_registrations_and_verifications_in_it(cohort):
    """Registered and verified count only inside the period; awaiting is the state now."""
    report = selectors.companies_overview(scope(start=at(2025, 1, 15, 0), end=at(2025, 2, 10, 0)), now=NOW)
    by_value = {row["value"]: row for row in report["rows"]}
    assert (by_value["zhongzheng"]["registered"], by_value["zhongzheng"]["verified"]) == (1, 1)
    assert (by_value["datong"]["registered"], by_value["datong"]["verified"], by_value["datong"]["awaiting"]) == (
        1,
        0,
        1,
    )


def test_showcase_report_live_pending_age_and_expiring_certificates(cohort):
    """Per category live and pending products, the oldest pending one's age; certificates expiring in 30 days."""
    report = selectors.showcase_overview(scope(), now=NOW)
    assert report["rows"] == [
        {"category": "Snacks", "path": "snacks", "live": 1, "pending": 0, "oldest_pending_days": None},
        {"category": "Teas", "path": "teas", "live": 0, "pending": 1, "oldest_pending_days": 10},
    ]
    assert [certificate.valid_until for certificate in report["expiring"]] == [datetime.date(2025, 6, 20)]


def test_inquiry_report_counts_working_days_without_weekends_and_holidays(cohort):
    """Received, confirmed, answered within 1 and 3 working days (National Day is not one), median hours."""
    assert selectors.inquiries_overview(scope()) == [
        {
            "supplier": "乙公司",
            "company_id": cohort["b"].pk,
            "received": 1,
            "confirmed": 0,
            "answered_within_1": 0,
            "answered_within_3": 0,
            "median_reply_hours": None,
        },
        {
            "supplier": "甲公司",
            "company_id": cohort["a"].pk,
            "received": 4,
            "confirmed": 3,
            "answered_within_1": 1,
            "answered_within_3": 1,
            "median_reply_hours": 96.0,
        },
    ]


def test_money_report_per_purpose_and_currency_with_twd(cohort):
    """Sample orders and program fees: count, paid, refunded, amounts, and what was kept in TWD."""
    assert selectors.money(scope()) == [
        {
            "purpose": "sample_order",
            "purpose_label": "Sample order",
            "currency": "THB",
            "count": 1,
            "paid": 1,
            "refunded": 1,
            "amount_paid": Decimal("5000.00"),
            "amount_refunded": Decimal("1000.00"),
            "amount_kept": Decimal("4000.00"),
            "amount_kept_twd": Decimal("3600"),
        },
        {
            "purpose": "sample_order",
            "purpose_label": "Sample order",
            "currency": "TWD",
            "count": 2,
            "paid": 1,
            "refunded": 0,
            "amount_paid": Decimal("1500.00"),
            "amount_refunded": Decimal("0.00"),
            "amount_kept": Decimal("1500.00"),
            "amount_kept_twd": Decimal("1500"),
        },
        {
            "purpose": "program_fee",
            "purpose_label": "Program fee",
            "currency": "TWD",
            "count": 1,
            "paid": 1,
            "refunded": 0,
            "amount_paid": Decimal("2000.00"),
            "amount_refunded": Decimal("0.00"),
            "amount_kept": Decimal("2000.00"),
            "amount_kept_twd": Decimal("2000"),
        },
    ]


def test_outcome_funnel_per_cohort_year_with_the_companies_behind_each_number(cohort):
    """Cohort → verified → live listing → inquiry → paid sample → confirmed export outcome; per company."""
    funnel = selectors.outcome_funnel(scope())
    assert funnel["summary"] == [
        {
            "cohort": 2025,
            "companies": 2,
            "verified": 2,
            "listed": 1,
            "inquiry": 1,
            "paid_sample": 1,
            "export_outcome": 1,
        }
    ]
    rows = {row["company"]: row for row in funnel["companies"]}
    assert set(rows) == {"甲公司", "乙公司"}
    assert rows["甲公司"] == {
        "cohort": 2025,
        "company": "甲公司",
        "ubn": cohort["a"].ubn,
        "district": "Zhongzheng",
        "industry": "Food and beverage",
        "verified": True,
        "listed": True,
        "inquiry": True,
        "paid_sample": True,
        "export_outcome": True,
        "export_revenue_twd": Decimal("104500"),
        "export_revenue": "5,000.00 THB, 100,000.00 TWD",
        "export_orders": 3,
        "jobs_created": 2,
        "markets_entered": "TH, MY",
        "marketplaces": "Shopee, Lazada",
    }
    assert (rows["乙公司"]["verified"], rows["乙公司"]["listed"], rows["乙公司"]["inquiry"]) == (True, False, False)
    assert (rows["乙公司"]["paid_sample"], rows["乙公司"]["export_outcome"], rows["乙公司"]["export_orders"]) == (
        False,
        False,
        0,
    )
