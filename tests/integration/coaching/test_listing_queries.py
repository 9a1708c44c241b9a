"""Coaching's lists make the same number of queries whatever the number of rows: the program index, the
applicant's "My applications" and the staff review list in the Wagtail admin."""

import pytest
from wagtail.models import Locale

from coaching.models import Application
from tests.factories.coaching import (
    ApplicationFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    assign,
    reviewer,
    submitted,
)
from tests.factories.companies import MembershipFactory
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_the_program_index_does_not_query_per_program(client):
    """Three programs or twelve (open, upcoming, paid and free): the same queries."""
    index = ProgramIndexPageFactory()
    ProgramPageFactory.create_batch(3, parent=index)

    def grow():
        ProgramPageFactory.create_batch(6, parent=index)
        ProgramPageFactory.create_batch(3, parent=index, fee=1500)

    assert_constant_queries(client, index.url, grow=grow)


def test_my_applications_does_not_query_per_application(client):
    """Three applications or twelve, each with its status history, to programs written in Chinese read on the
    English site: the same queries."""
    member = MembershipFactory().user
    company = member.memberships.get().company
    Locale.objects.get_or_create(language_code="en")
    client.force_login(member)

    def add(count):
        for _number in range(count):
            program = ProgramPageFactory(fee=1500)
            submitted(company=company, created_by=member, program=program, status=Application.Status.ACCEPTED)

    add(3)
    assert_constant_queries(client, "/en/applications/", grow=lambda: add(9))


def test_the_staff_review_list_does_not_query_per_application(client):
    """Three submitted applications or twelve, each scored by an assigned reviewer: the same queries."""
    staff = reviewer()
    client.force_login(staff)
    program = ProgramPageFactory()

    def add(count):
        for _number in range(count):
            application = submitted(program=program)
            assign(application, staff)

    add(3)
    ApplicationFactory(program=program)  # a draft: not listed
    assert_constant_queries(client, "/admin/coaching/applications/", grow=lambda: add(9))
