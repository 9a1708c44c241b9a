"""Each bureau report is a fixed set of aggregate queries: as many queries for two cohorts as for one; the
filters' program and cohort choices come from one read of the programs."""

import pytest
from django.urls import reverse

from tests.factories.accounts import StaffFactory
from tests.factories.reports import build_cohort
from tests.query_counts import assert_constant_queries, page_queries

pytestmark = pytest.mark.django_db

SLUGS = ("applications", "companies", "showcase", "inquiries", "payments", "outcomes")


@pytest.mark.parametrize("slug", SLUGS)
def test_a_report_does_not_query_per_row(client, cohort, slug):
    """The known cohort, then the same again (twice the companies, applications, products, inquiries and
    payments): the same queries for the report's table and chart."""
    client.force_login(StaffFactory(is_superuser=True))
    assert_constant_queries(client, reverse(f"reports_{slug}"), grow=build_cohort)


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("params", ["", "?cohort=2026", "?program={program}&cohort=2025"])
def test_a_report_reads_the_programs_for_its_filters_once(client, cohort, slug, params):
    """The program and the cohort choices from one query, chosen or not (validating and rendering the form
    read nothing again; a chosen program is looked up), and no locale lookup; the applications funnel reads
    its programs' figures in one more."""
    client.force_login(StaffFactory(is_superuser=True))
    url = reverse(f"reports_{slug}") + params.format(program=cohort["starter"].pk)
    client.get(url)
    queries = page_queries(client, url)
    programs = [sql for sql in queries if 'FROM "coaching_programpage" INNER JOIN "wagtailcore_page"' in sql]
    expected = 1 + (slug == "applications") + ("program=" in params)
    assert len(programs) == expected, "\n".join(programs)
    assert [sql for sql in queries if 'FROM "wagtailcore_locale" WHERE' in sql] == []
