"""The report views: who may open each, the filters, bad input, and the CSV/XLSX downloads."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.reports import staff_in

pytestmark = pytest.mark.django_db

SLUGS = ("applications", "companies", "showcase", "inquiries", "payments", "outcomes")
GROUP_REPORTS = {
    "Program managers": {"applications", "outcomes"},
    "Decision makers": {"applications", "outcomes"},
    "Showcase moderators": {"showcase", "inquiries"},
    "Payments officers": {"payments"},
    "Company officers": {"companies"},
    "Bureau analysts": set(SLUGS),
}


def url(slug):
    return reverse(f"reports_{slug}")


def refused(response):
    """Wagtail's admin answers a refused view with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("slug", SLUGS)
def test_anonymous_visitors_are_sent_to_the_login(client, slug):
    """No report for anonymous visitors: the admin asks them to sign in."""
    response = client.get(url(slug))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("slug", SLUGS)
def test_sme_members_get_no_report(client, slug):
    """A company member without admin access never reaches a report."""
    client.force_login(MembershipFactory().user)
    response = client.get(url(slug))
    assert response.status_code in (302, 403)
    assert b"report-chart" not in response.content


@pytest.mark.parametrize("group", GROUP_REPORTS)
def test_each_staff_group_sees_only_its_reports(client, group):
    """A group's members open its reports and are refused the others; the menu lists only theirs."""
    client.force_login(staff_in(group))
    for slug in SLUGS:
        response = client.get(url(slug))
        if slug in GROUP_REPORTS[group]:
            assert response.status_code == 200, (group, slug)
        else:
            assert refused(response), (group, slug)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    for slug in SLUGS:
        assert (url(slug) in menu) == (slug in GROUP_REPORTS[group]), (group, slug)


def test_staff_without_a_report_group_are_refused(client):
    """Admin access alone opens no report."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert refused(client.get(url("applications")))


@pytest.mark.parametrize("slug", SLUGS)
def test_superusers_open_every_report_with_its_table_and_chart(client, cohort, slug):
    """Each report renders its table and its chart's figures for a superuser."""
    client.force_login(StaffFactory())
    response = client.get(url(slug))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'id="report-chart-{slug}-data"' in content
    assert "<table" in content


def test_filters_change_the_figures(client, cohort):
    """The cohort filter keeps that cohort's programs only."""
    client.force_login(staff_in("Program managers"))
    response = client.get(url("applications"), {"cohort": 2026})
    assert [row["program"] for row in response.context["object_list"]] == ["Halal Track"]


@pytest.mark.parametrize(
    "params",
    [{"start": "not-a-date"}, {"start": "2025-06-01", "end": "2025-01-01"}, {"cohort": "abc"}, {"district": "mars"}],
)
def test_bad_filters_give_a_message_and_no_figures(client, cohort, params):
    """A filter that does not validate says why and shows no (unfiltered, misleading) figures; never a 500."""
    client.force_login(staff_in("Program managers"))
    response = client.get(url("applications"), params)
    assert response.status_code == 200
    assert response.context["object_list"] == []
    messages = [str(message) for message in response.context["messages"]]
    assert messages


def test_xlsx_export_holds_the_table_with_numbers(client, cohort):
    """The XLSX has the report's headings and its figures as numbers."""
    client.force_login(staff_in("Bureau analysts"))
    response = client.get(url("applications"), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Program", "Cohort", "Applications", "Started (draft)")
    assert rows[1][:4] == ("Export Starter", 2025, 4, 4)
    assert rows[2][:4] == ("Halal Track", 2026, 1, 1)


def test_csv_export_of_the_outcome_funnel_lists_the_companies(client, cohort):
    """The outcome funnel's CSV has one line per company of the cohort with its facts and figures."""
    client.force_login(staff_in("Bureau analysts"))
    response = client.get(url("outcomes"), {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Cohort,Company,Unified business number")
    body = [line for line in lines[1:] if "甲公司" in line]
    assert len(body) == 1
    assert ",yes,yes,yes,yes,yes,104500," in body[0]
    assert len(lines) == 3


def test_csv_export_neutralises_formulas(client, cohort):
    """A company name that starts like a formula is written as text in the CSV."""
    cohort["a"].name_zh = "=HYPERLINK(1)"
    cohort["a"].save()
    client.force_login(staff_in("Bureau analysts"))
    body = b"".join(client.get(url("outcomes"), {"export": "csv"}).streaming_content).decode()
    assert "'=HYPERLINK(1)" in body
