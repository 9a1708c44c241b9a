"""Coaching records: sessions and outcome milestones for enrolled companies, seen by the company and staff."""

import pytest
from django.urls import reverse

from coaching import services
from coaching.models import Application, ApplicationError, CoachingSession, Milestone
from tests.factories.coaching import manager, submitted
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db
S = Application.Status


def test_records_only_for_enrolled_companies(client):
    """Sessions cannot be recorded before enrolment; the admin says why and saves nothing."""
    application = submitted(status=S.ACCEPTED)
    with pytest.raises(ApplicationError):
        services.session_record(application=application, by=None, date="2026-12-01", topic="Too early")
    client.force_login(manager())
    response = client.post(
        reverse("coaching_applications:session_add", args=[application.pk]),
        {"date": "2026-12-01", "topic": "Too early", "attendance": "attended"},
        follow=True,
    )
    assert "only for enrolled companies" in response.content.decode()
    assert not CoachingSession.objects.exists()


def test_sales_band_milestone_needs_a_band(client):
    """A 'sales band reached' milestone without the band is refused with a message."""
    application = submitted(status=S.ENROLLED)
    client.force_login(manager())
    response = client.post(
        reverse("coaching_applications:milestone_add", args=[application.pk]),
        {"kind": "sales_band", "achieved_on": "2026-12-01"},
        follow=True,
    )
    assert "Choose the sales band" in response.content.decode()
    assert not Milestone.objects.exists()


def test_company_sees_its_records_and_others_do_not(client):
    """The company's members see the sessions and outcomes; members of other companies get 404."""
    application = submitted(status=S.ENROLLED)
    services.session_record(application=application, by=None, date="2026-12-01", topic="Lazada ads")
    services.milestone_record(
        application=application, by=None, kind="sales_band", achieved_on="2026-12-20", sales_band="1m_5m"
    )
    client.force_login(MembershipFactory(company=application.company).user)
    for lang in ("en", "zh-hant"):
        body = client.get(f"/{lang}/applications/{application.pk}/").content.decode()
        assert "Lazada ads" in body
    client.force_login(MembershipFactory().user)
    assert client.get(f"/en/applications/{application.pk}/").status_code == 404
