"""The Wagtail dashboard of each staff group: "new applications" for the review groups, "companies awaiting
verification" for Company officers, each linking to the filtered admin list; Verify on the company page."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from coaching.models import Application
from portal.companies.models import Company
from tests.factories.accounts import UserFactory
from tests.factories.coaching import submitted
from tests.factories.companies import CompanyFactory

pytestmark = pytest.mark.django_db

APPLICATIONS_PANEL = 'id="new-applications-section"'
COMPANIES_PANEL = 'id="companies-awaiting-verification-section"'

# group → (sees the applications panel, sees the companies panel)
EXPECTED = {
    "Program managers": (True, False),
    "Decision makers": (True, False),
    "Reviewers": (True, False),
    "Company officers": (False, True),
    "Payments officers": (False, False),
    "Showcase moderators": (False, False),
    "Bureau analysts": (False, False),
    "Editors": (False, False),
}


def staff_client(settings, group_name):
    settings.REQUIRE_STAFF_MFA = False
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def waiting():
    unverified = CompanyFactory(name_zh="等待驗證公司", name_en="Waiting Verification Ltd", verified_at=None)
    application = submitted()
    resubmitted = submitted(status=Application.Status.RESUBMITTED)
    in_review = submitted(status=Application.Status.IN_REVIEW)
    return unverified, application, resubmitted, in_review


@pytest.mark.parametrize("group_name", EXPECTED)
def test_each_staff_group_sees_its_panels(settings, waiting, group_name):
    """Review groups see the new applications, Company officers the unverified companies, others neither."""
    sees_applications, sees_companies = EXPECTED[group_name]
    html = staff_client(settings, group_name).get(reverse("wagtailadmin_home")).content.decode()
    assert (APPLICATIONS_PANEL in html) is sees_applications
    assert (COMPANIES_PANEL in html) is sees_companies


def test_the_applications_panel_lists_submitted_and_resubmitted_and_links_to_the_list(settings, waiting):
    """Managers see both waiting applications (not the one in review) and a link to the filtered list."""
    _company, application, resubmitted, in_review = waiting
    html = staff_client(settings, "Program managers").get(reverse("wagtailadmin_home")).content.decode()
    assert "2 new applications" in html
    assert reverse("coaching_applications:detail", args=[application.pk]) in html
    assert reverse("coaching_applications:detail", args=[resubmitted.pk]) in html
    assert reverse("coaching_applications:detail", args=[in_review.pk]) not in html
    assert reverse("coaching_applications:index") + "?status=submitted" in html


def test_a_reviewer_counts_only_the_applications_assigned_to_them(settings, waiting):
    """A reviewer with no assignment sees the panel with nothing to review, never other people's work."""
    _company, application, _resubmitted, _in_review = waiting
    html = staff_client(settings, "Reviewers").get(reverse("wagtailadmin_home")).content.decode()
    assert "0 new applications" in html
    assert reverse("coaching_applications:detail", args=[application.pk]) not in html


def test_the_companies_panel_links_to_verify_and_to_the_unverified_list(settings, waiting):
    """Company officers see the unverified company with its Verify link and a link to the filtered list."""
    company = waiting[0]
    html = staff_client(settings, "Company officers").get(reverse("wagtailadmin_home")).content.decode()
    assert "Waiting Verification Ltd" in html or "等待驗證公司" in html
    assert reverse("companies_admin:verify", args=[company.pk]) in html
    list_url = reverse("companies_admin:index") + "?verified=false"
    assert list_url in html
    listing = staff_client(settings, "Company officers").get(list_url).content.decode()
    assert reverse("companies_admin:edit", args=[company.pk]) in listing


def test_verify_is_a_button_on_the_company_page_until_verified(settings, waiting):
    """The edit and inspect pages of an unverified company carry a Verify button; a verified one does not."""
    company = waiting[0]
    client = staff_client(settings, "Company officers")
    verify_url = reverse("companies_admin:verify", args=[company.pk])
    for name in ("companies_admin:edit", "companies_admin:inspect"):
        assert verify_url in client.get(reverse(name, args=[company.pk])).content.decode(), name
    client.post(verify_url)
    assert Company.objects.get(pk=company.pk).is_verified
    assert verify_url not in client.get(reverse("companies_admin:edit", args=[company.pk])).content.decode()


def test_staff_without_change_permission_get_no_verify_button(settings, waiting):
    """Bureau analysts may not change companies: no panel, and the company page is refused, not a 500."""
    company = waiting[0]
    client = staff_client(settings, "Bureau analysts")
    response = client.get(reverse("companies_admin:edit", args=[company.pk]))
    assert response.status_code in (302, 403)
    assert reverse("companies_admin:verify", args=[company.pk]) not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client, waiting):
    """The dashboard is not shown to anonymous visitors."""
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "login" in response["Location"]
