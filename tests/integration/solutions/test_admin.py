"""Staff manage consultation requests in the Wagtail admin: filters, CSV export, status changes."""

import csv
import io

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from wagtail.test.utils.form_data import rich_text

from catalog.solutions.models import ConsultationRequest, Provider, SolutionCategoryPage
from tests.factories.accounts import StaffFactory
from tests.factories.companies import MembershipFactory
from tests.factories.solutions import ConsultationRequestFactory, ProviderFactory, request_desk_user

pytestmark = pytest.mark.django_db

INDEX = "/admin/consultationrequest/"


@pytest.fixture
def requests(catalog):
    """Three requests: two for the ASEAN shipping provider (new, introduced), one for halal (new)."""
    return {
        "ship_new": ConsultationRequestFactory(solution_page=catalog.ship_asean),
        "ship_introduced": ConsultationRequestFactory(solution_page=catalog.ship_asean, status="introduced"),
        "halal_new": ConsultationRequestFactory(solution_page=catalog.halal),
    }


def export_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


class TestPermissions:
    def test_anonymous_is_sent_to_log_in(self, client, requests):
        """The admin listing needs a login."""
        response = client.get(INDEX)
        assert response.status_code == 302

    def test_company_member_is_kept_out(self, client, requests):
        """A company member without admin access cannot see the requests or change a status."""
        client.force_login(MembershipFactory().user)
        assert client.get(INDEX).status_code in (302, 403)
        response = client.post(
            f"{INDEX}status/{requests['ship_new'].pk}/", {"status": "introduced", "expected_status": "new"}
        )
        assert response.status_code in (302, 403)
        requests["ship_new"].refresh_from_db()
        assert requests["ship_new"].status == "new"

    def test_staff_see_the_list_without_an_add_button(self, client, requests):
        """Staff see every request; requests come from companies, so there is no "add" view."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.get(INDEX)
        assert response.status_code == 200
        assert response.content.decode().count("東南亞物流") >= 2
        assert f"{INDEX}new/" not in response.content.decode()
        with pytest.raises(NoReverseMatch):
            reverse("consultationrequest:add")

    def test_staff_who_may_only_view_cannot_change_a_status(self, client, requests):
        """Admin access with the view permission only: the list opens, the status view sends them away."""
        client.force_login(request_desk_user("view_consultationrequest"))
        assert client.get(INDEX).status_code == 200
        url = f"{INDEX}status/{requests['ship_new'].pk}/"
        assert client.get(url).url == "/admin/"
        assert client.post(url, {"status": "introduced", "expected_status": "new"}).url == "/admin/"
        requests["ship_new"].refresh_from_db()
        assert requests["ship_new"].status == "new"

    def test_staff_with_the_change_permission_move_a_request(self, client, requests):
        """Not only superusers: the change permission is enough, and the history names who moved it."""
        desk = request_desk_user("view_consultationrequest", "change_consultationrequest")
        client.force_login(desk)
        request = requests["ship_new"]
        response = client.post(f"{INDEX}status/{request.pk}/", {"status": "introduced", "expected_status": "new"})
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.status == "introduced"
        assert request.history.get().changed_by == desk


class TestFiltersAndExport:
    def test_filter_by_status(self, client, requests):
        """?status=introduced lists only the introduced request."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.get(INDEX, {"status": "introduced", "export": "csv"})
        rows = export_rows(response)
        assert [int(row["Reference"]) for row in rows] == [requests["ship_introduced"].pk]

    def test_filter_by_provider_and_export_csv(self, client, catalog, requests):
        """The CSV export follows the provider filter and carries the request details."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.get(INDEX, {"provider": catalog.halal.provider.pk, "export": "csv"})
        assert response.status_code == 200
        assert "consultation-requests.csv" in response["Content-Disposition"]
        rows = export_rows(response)
        assert [int(row["Reference"]) for row in rows] == [requests["halal_new"].pk]
        assert rows[0]["Message"] == requests["halal_new"].message

    def test_provider_filter_is_offered(self, client, catalog, requests):
        """The listing offers a provider filter with the providers as choices."""
        ProviderFactory(name="Unused provider")
        client.force_login(StaffFactory(admin_language="en"))
        html = client.get(INDEX).content.decode()
        assert 'name="provider"' in html
        assert 'name="status"' in html


class TestStatusAction:
    def test_staff_move_a_request_and_the_requester_is_told(self, client, requests, django_capture_on_commit_callbacks):
        """Staff choose "introduced"; the service records it and e-mails the requester."""
        request = requests["ship_new"]
        client.force_login(StaffFactory(admin_language="en"))
        page = client.get(f"{INDEX}status/{request.pk}/")
        assert page.status_code == 200
        assert 'value="introduced"' in page.content.decode()
        assert 'type="hidden" name="expected_status" value="new"' in page.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"{INDEX}status/{request.pk}/", {"status": "introduced", "expected_status": "new"})
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.status == "introduced"
        assert [m.to for m in mail.outbox] == [[request.requested_by.email]]

    def test_a_move_that_is_not_allowed_is_refused(self, client, requests):
        """Posting "new" for an introduced request is rejected by the form; the status stays."""
        request = requests["ship_introduced"]
        client.force_login(StaffFactory(admin_language="en"))
        response = client.post(f"{INDEX}status/{request.pk}/", {"status": "new", "expected_status": "introduced"})
        assert response.status_code == 200
        request.refresh_from_db()
        assert request.status == "introduced"

    def test_a_post_without_the_status_it_was_based_on_is_refused(self, client, requests):
        """Bad input: no (or an unknown) expected_status is a form error; the status stays."""
        request = requests["ship_new"]
        client.force_login(StaffFactory(admin_language="en"))
        for data in ({"status": "introduced"}, {"status": "introduced", "expected_status": "bogus"}):
            response = client.post(f"{INDEX}status/{request.pk}/", data)
            assert response.status_code == 200
        request.refresh_from_db()
        assert request.status == "new"
        assert not request.history.exists()

    def test_a_move_from_a_stale_page_is_refused_with_a_message(
        self, client, requests, django_capture_on_commit_callbacks
    ):
        """The page showed "new"; another staff member closed the request meanwhile. Introducing it from the
        stale page is refused, nobody is e-mailed, and the page shows why and the status as it is now."""
        request = requests["ship_new"]
        client.force_login(StaffFactory(admin_language="en"))
        request.set_status(ConsultationRequest.Status.CLOSED, by=StaffFactory())
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"{INDEX}status/{request.pk}/", {"status": "introduced", "expected_status": "new"}, follow=True
            )
        html = response.content.decode()
        assert response.redirect_chain == [(f"{INDEX}status/{request.pk}/", 302)]
        assert "This request was changed by someone else in the meantime" in html
        assert "can no longer change" in html
        assert mail.outbox == []
        request.refresh_from_db()
        assert (request.status, request.introduced_at) == ("closed", None)
        assert request.history.count() == 1

    def test_closed_request_has_no_status_choices(self, client, requests):
        """A closed request explains that its status can no longer change."""
        request = requests["ship_introduced"]
        request.set_status(ConsultationRequest.Status.CLOSED, by=StaffFactory())
        client.force_login(StaffFactory(admin_language="en"))
        html = client.get(f"{INDEX}status/{request.pk}/").content.decode()
        assert "can no longer change" in html

    def test_inspect_view_shows_the_request(self, client, requests):
        """Staff can read a request's details, including the message."""
        request = requests["halal_new"]
        client.force_login(StaffFactory(admin_language="en"))
        response = client.get(f"{INDEX}inspect/{request.pk}/")
        assert response.status_code == 200
        assert request.message in response.content.decode()

    def test_inspect_view_lists_the_status_history(self, client, requests):
        """Who moved the request is read from its history (there is no "status changed by" column any more)."""
        request = requests["halal_new"]
        request.set_status(ConsultationRequest.Status.CLOSED, by=StaffFactory(), note="No longer needed")
        client.force_login(StaffFactory(admin_language="en"))
        html = client.get(f"{INDEX}inspect/{request.pk}/").content.decode()
        assert "New → Closed (No longer needed)" in html


class TestProviderSnippet:
    def test_staff_list_providers(self, client, catalog):
        """Providers are managed as snippets."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.get("/admin/snippets/solutions/provider/")
        assert response.status_code == 200
        assert catalog.halal.provider.name in response.content.decode()

    def test_staff_search_providers(self, client, catalog):
        """Searching the provider listing by name finds the provider and leaves the others out."""
        ProviderFactory(name="Bangkok Freight")
        ProviderFactory(name="Jakarta Halal")
        client.force_login(StaffFactory(admin_language="en"))
        html = client.get("/admin/snippets/solutions/provider/", {"q": "Bangkok"}).content.decode()
        assert "Bangkok Freight" in html
        assert "Jakarta Halal" not in html

    def test_staff_create_a_provider_with_markets(self, client, catalog):
        """The provider form takes markets as checkboxes and stores their codes."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.post(
            "/admin/snippets/solutions/provider/add/",
            {
                "name": "Bangkok Freight",
                "description": "",
                "website": "https://freight.example.com",
                "markets": ["TH", "MY"],
                "verified_at": "2026-10-01",
                "contact_email": "intro@freight.example.com",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        provider = Provider.objects.get(name="Bangkok Freight")
        assert provider.markets == ["TH", "MY"]


class TestPageEditing:
    def test_offering_edit_form_shows_market_checkboxes(self, client, catalog):
        """Editors edit an offering's markets with one checkbox per market."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.get(f"/admin/pages/{catalog.ship_asean.pk}/edit/")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'type="checkbox" name="markets" value="TH"' in html
        assert 'name="free_for_coached"' in html

    def test_staff_edit_and_publish_an_offering(self, client, catalog):
        """Publishing an edited offering stores the new markets and free flag."""
        page = catalog.ship_vietnam
        client.force_login(StaffFactory(admin_language="en"))
        data = {
            "title": page.title,
            "slug": page.slug,
            "provider": page.provider.pk,
            "summary": page.summary,
            "includes": rich_text("<p>Door to door.</p>"),
            "markets": ["VN", "KH"],
            "languages": page.languages,
            "price_range": page.price_range,
            "free_for_coached": "on",
            "eligibility": rich_text(""),
            "how_it_works": rich_text(""),
            "contact": rich_text(""),
            "action-publish": "action-publish",
        }
        response = client.post(f"/admin/pages/{page.pk}/edit/", data)
        assert response.status_code == 302, response.content.decode()[:3000]
        page.refresh_from_db()
        assert page.markets == ["VN", "KH"]
        assert page.free_for_coached is True

    def test_creating_a_second_category_for_the_same_need_is_refused(self, client, catalog):
        """Adding a logistics category next to the existing one shows an error on the need field; nothing is created."""
        client.force_login(StaffFactory(admin_language="en"))
        url = f"/admin/pages/add/solutions/solutioncategorypage/{catalog.index.pk}/"
        data = {"title": "More logistics", "slug": "more-logistics", "need": "logistics", "intro": rich_text("")}
        response = client.post(url, data)
        assert response.status_code == 200
        assert "already answers this need" in response.content.decode()
        assert not SolutionCategoryPage.objects.filter(slug="more-logistics").exists()
        response = client.post(url, {**data, "need": "training", "action-publish": "action-publish"})
        assert response.status_code == 302
        assert SolutionCategoryPage.objects.filter(slug="more-logistics", need="training").exists()
