"""Coaching's lists make the same number of queries whatever the number of rows: the program index, the
applicant's "My applications" and the staff review list in the Wagtail admin (whose filters and bulk actions
read their programs and reviewers once)."""

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
    user_with_permissions,
)
from tests.factories.companies import MembershipFactory
from tests.query_counts import assert_constant_queries, page_queries

REVIEW_LIST = "/admin/coaching/applications/"

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
    assert_constant_queries(client, REVIEW_LIST, grow=lambda: add(9))


def translated_program(title):
    """A Chinese program with a live English translation titled ``title``."""
    program = ProgramPageFactory()
    english = program.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english = english.specific
    english.title = title
    english.save_revision().publish()
    return program


def manager_and_decider():
    """Sees the whole list with its bulk actions, the reviewer choice included."""
    return user_with_permissions("manage_applications", "decide_application")


def test_the_staff_review_list_does_not_query_per_program_or_reviewer(client):
    """Programs in English translation, reviewers to filter by and to assign: one program and two reviewers,
    or four programs and six reviewers, with applications to each program: the same queries, the list
    filtered or not."""
    client.force_login(manager_and_decider())

    def add(programs, reviewers):
        for number in range(programs):
            program = translated_program(f"Program {number}")
            submitted(program=program)
            submitted(program=program, status=Application.Status.IN_REVIEW)
        for _number in range(reviewers):
            reviewer()

    add(1, 2)
    assert_constant_queries(client, REVIEW_LIST, grow=lambda: add(3, 4))
    assert_constant_queries(client, f"{REVIEW_LIST}?status=submitted", grow=lambda: add(2, 1))


def test_the_staff_review_list_reads_its_choices_once(client):
    """The reviewers once for the filter and the bulk assignment; the programs for the filter's choices once
    (not again when the form is rendered), with their titles, and once for the rows with their titles and
    rubrics; no locale looked up (the active one is kept per process, the default one matched in the query)."""
    client.force_login(manager_and_decider())
    for number in range(2):
        assign(submitted(program=translated_program(f"Program {number}")), reviewer())
    client.get(REVIEW_LIST)
    queries = page_queries(client, REVIEW_LIST)
    assert len([sql for sql in queries if sql.startswith('SELECT DISTINCT "accounts_user"')]) == 1
    assert len([sql for sql in queries if 'FROM "coaching_programpage"' in sql]) == 4
    assert [sql for sql in queries if 'FROM "wagtailcore_locale" WHERE' in sql] == []
