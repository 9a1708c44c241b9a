"""Each bureau report is a fixed set of aggregate queries: as many queries for two cohorts as for one."""

import pytest
from django.urls import reverse

from tests.factories.accounts import StaffFactory
from tests.factories.reports import build_cohort
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db

SLUGS = ("applications", "companies", "showcase", "inquiries", "payments", "outcomes")


@pytest.mark.parametrize("slug", SLUGS)
def test_a_report_does_not_query_per_row(client, cohort, slug):
    """The known cohort, then the same again (twice the companies, applications, products, inquiries and
    payments): the same queries for the report's table and chart."""
    client.force_login(StaffFactory(is_superuser=True))
    assert_constant_queries(client, reverse(f"reports_{slug}"), grow=build_cohort)
