"""Coaching outcomes with figures: the coach records them per milestone, the company confirms them."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from coaching import services
from coaching.models import Application, Milestone
from tests.factories.accounts import StaffFactory
from tests.factories.coaching import manager, submitted
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db
S = Application.Status

FIGURES = {
    "kind": "first_export_order",
    "achieved_on": "2026-11-20",
    "export_revenue": "125000.50",
    "export_revenue_currency": "THB",
    "markets_entered": ["TH", "MY"],
    "marketplaces": "Shopee, Lazada",
    "export_orders": "4",
    "jobs_created": "2",
}


@pytest.fixture
def milestone():
    application = submitted(status=S.ENROLLED)
    return services.milestone_record(
        application=application,
        by=None,
        kind="first_export_order",
        achieved_on="2026-11-20",
        export_revenue=Decimal("1000"),
        export_revenue_currency="TWD",
        export_orders=1,
    )


def confirm_url(milestone):
    return reverse("coaching:milestone_confirm", args=[milestone.application_id, milestone.pk])


def test_the_coach_records_every_figure(client):
    """Revenue with its currency, markets, marketplaces, orders and jobs are stored as entered."""
    application = submitted(status=S.ENROLLED)
    client.force_login(manager())
    client.post(reverse("coaching_applications:milestone_add", args=[application.pk]), FIGURES)
    milestone = Milestone.objects.get()
    assert (milestone.export_revenue, milestone.export_revenue_currency) == (Decimal("125000.50"), "THB")
    assert milestone.markets_entered == ["TH", "MY"]
    assert milestone.marketplace_list() == ["Shopee", "Lazada"]
    assert (milestone.export_orders, milestone.jobs_created, milestone.confirmed_at) == (4, 2, None)


def test_revenue_without_a_currency_is_refused(client):
    """An amount without its currency is refused with a message and nothing is saved."""
    application = submitted(status=S.ENROLLED)
    client.force_login(manager())
    response = client.post(
        reverse("coaching_applications:milestone_add", args=[application.pk]),
        {**FIGURES, "export_revenue_currency": ""},
        follow=True,
    )
    assert "Choose the currency of the export revenue" in response.content.decode()
    assert not Milestone.objects.exists()


def test_anonymous_visitors_cannot_confirm(client, milestone):
    """Anonymous: sent to the login page, nothing confirmed."""
    response = client.post(confirm_url(milestone))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    milestone.refresh_from_db()
    assert milestone.confirmed_at is None


def test_members_of_other_companies_get_404(client, milestone):
    """Wrong user: 404, nothing confirmed."""
    client.force_login(MembershipFactory().user)
    assert client.post(confirm_url(milestone)).status_code == 404
    milestone.refresh_from_db()
    assert milestone.confirmed_at is None


def test_staff_cannot_confirm_for_the_company(client, milestone):
    """Staff who are not members of the company cannot confirm its figures (404)."""
    client.force_login(StaffFactory())
    assert client.post(confirm_url(milestone)).status_code == 404
    milestone.refresh_from_db()
    assert milestone.confirmed_at is None


def test_a_member_confirms_once_and_it_is_logged(client, milestone):
    """The company's member confirms: time, person and an audit-log entry; a second try says it is done."""
    member = MembershipFactory(company=milestone.application.company).user
    client.force_login(member)
    page = client.get(reverse("coaching:detail", args=[milestone.application_id])).content.decode()
    assert "Confirm these figures" in page
    response = client.post(confirm_url(milestone), follow=True)
    assert "the figures are confirmed" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.confirmed_by == member
    assert milestone.confirmed_at is not None
    entry = ModelLogEntry.objects.get(action=services.MILESTONE_CONFIRMED)
    assert (entry.user, entry.object_id) == (member, str(milestone.application_id))
    again = client.post(confirm_url(milestone), follow=True)
    assert "already confirmed" in again.content.decode()


def test_unknown_milestone_is_404(client, milestone):
    """Bad input: a milestone of another application is 404."""
    member = MembershipFactory(company=milestone.application.company).user
    client.force_login(member)
    other = services.milestone_record(
        application=submitted(status=S.ENROLLED), by=None, kind="other", achieved_on="2026-11-20"
    )
    assert (
        client.post(reverse("coaching:milestone_confirm", args=[milestone.application_id, other.pk])).status_code == 404
    )
    assert client.get(confirm_url(milestone)).status_code == 405
