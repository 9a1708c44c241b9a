"""Staff list, filter, search and verify companies in the Wagtail admin; others are kept out."""

import pytest
from django.contrib.auth.models import Group, Permission

from portal.companies.models import Company
from tests.factories.companies import CompanyFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/companies/"


@pytest.fixture(autouse=True)
def _english_admin_without_staff_mfa(client, settings):
    """Messages are compared in English (the admin otherwise speaks the default zh-hant)."""
    settings.REQUIRE_STAFF_MFA = False
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def companies():
    return [
        CompanyFactory(name_zh="信義食品", name_en="Xinyi Foods", district="xinyi", industry="food"),
        CompanyFactory(name_zh="內湖電子", name_en="Neihu Electronics", district="neihu", industry="electronics"),
        CompanyFactory(name_zh="大安茶行", name_en="Da'an Tea", district="daan", industry="food"),
    ]


def names(response):
    return {company.name_zh for company in response.context["object_list"]}


def test_admin_menu_has_companies(client, staff):
    client.force_login(staff)
    assert f'"url": "{INDEX}"' in client.get("/admin/").content.decode()


def test_staff_list_filter_and_search(client, staff, companies):
    client.force_login(staff)
    assert names(client.get(INDEX)) == {"信義食品", "內湖電子", "大安茶行"}
    assert names(client.get(INDEX, {"district": "neihu"})) == {"內湖電子"}
    assert names(client.get(INDEX, {"industry": "food"})) == {"信義食品", "大安茶行"}
    assert names(client.get(INDEX, {"q": "Neihu"})) == {"內湖電子"}
    assert names(client.get(INDEX, {"q": "茶行"})) == {"大安茶行"}
    assert names(client.get(INDEX, {"q": companies[0].ubn})) == {"信義食品"}


def test_staff_filter_by_verified(client, staff, companies):
    companies[0].verified_at = companies[0].created_at
    companies[0].save()
    client.force_login(staff)
    assert names(client.get(INDEX, {"verified": "true"})) == {"信義食品"}
    assert names(client.get(INDEX, {"verified": "false"})) == {"內湖電子", "大安茶行"}


def test_staff_verify_action_records_who_and_when(client, staff, companies):
    company = companies[1]
    client.force_login(staff)
    listing = client.get(INDEX).content.decode()
    assert f"{INDEX}verify/{company.pk}/" in listing
    confirm = client.get(f"{INDEX}verify/{company.pk}/")
    assert confirm.status_code == 200
    assert company.ubn in confirm.content.decode()
    response = client.post(f"{INDEX}verify/{company.pk}/")
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.verified_by == staff
    assert company.verified_at is not None
    assert f"{INDEX}verify/{company.pk}/" not in client.get(INDEX).content.decode()


def test_verifying_twice_keeps_the_first_record(client, staff, companies):
    company = companies[0]
    client.force_login(staff)
    client.post(f"{INDEX}verify/{company.pk}/")
    company.refresh_from_db()
    first = (company.verified_at, company.verified_by_id)
    response = client.post(f"{INDEX}verify/{company.pk}/", follow=True)
    assert "already verified" in response.content.decode()
    company.refresh_from_db()
    assert (company.verified_at, company.verified_by_id) == first


def test_staff_edits_target_markets_as_checkboxes(client, staff, companies):
    company = companies[0]
    client.force_login(staff)
    html = client.get(f"{INDEX}edit/{company.pk}/").content.decode()
    assert 'type="checkbox" name="target_markets"' in html
    assert "verified_by" not in html


def test_anonymous_is_sent_to_login(client, companies):
    for path in (INDEX, f"{INDEX}verify/{companies[0].pk}/"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response.url


def test_non_staff_refused(client, outsider, companies):
    """A signed-in SME user without admin access cannot list or verify companies."""
    client.force_login(outsider)
    assert client.get(INDEX).status_code == 302
    response = client.post(f"{INDEX}verify/{companies[0].pk}/")
    assert response.status_code == 302
    assert not Company.objects.filter(verified_at__isnull=False).exists()


def test_admin_user_without_company_permission_cannot_verify(client, outsider, companies):
    """An editor with admin access but no company permission is refused the list and the verify action."""
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    outsider.groups.add(group)
    client.force_login(outsider)
    assert client.get(INDEX).status_code in (302, 403)
    assert client.post(f"{INDEX}verify/{companies[0].pk}/").status_code in (302, 403)
    assert not Company.objects.filter(verified_at__isnull=False).exists()


def test_verify_unknown_company_is_404(client, staff):
    """Ends in 404 (Django's LocaleMiddleware first tries the /zh-hant/-prefixed path, as for any admin 404)."""
    client.force_login(staff)
    assert client.get(f"{INDEX}verify/999999/", follow=True).status_code == 404


def test_csv_export_escapes_formulas(client, staff):
    """A company name that a spreadsheet would run as a formula is exported with a leading apostrophe (CSV)."""
    CompanyFactory(name_en='=HYPERLINK("http://evil.example","x")')
    client.force_login(staff)
    response = client.get(INDEX, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(" in content
    assert ",=HYPERLINK(" not in content and '"=HYPERLINK(' not in content
