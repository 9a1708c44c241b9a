"""Staff see and handle personal-data requests in the Wagtail admin; each step is in the audit log."""

import pytest
from wagtail.models import ModelLogEntry

from privacy.models import ConsentText, DataRequest
from tests.factories.accounts import StaffFactory

from .conftest import privacy_desk_user

pytestmark = pytest.mark.django_db

INDEX = "/admin/datarequest/"


def handle_url(data_request):
    return f"{INDEX}handle/{data_request.pk}/"


@pytest.fixture
def erasure(person):
    return DataRequest.objects.create(kind="erasure", email=person.user.email, user=person.user, language="en")


class TestRequestsInTheAdmin:
    def test_anonymous_is_sent_to_log_in(self, client, erasure):
        """The listing and the handling page need a login."""
        for url in (INDEX, handle_url(erasure)):
            response = client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_a_user_without_admin_access_is_kept_out(self, client, erasure, person):
        """The person who asked cannot open the admin, nor approve their own request."""
        client.force_login(person.user)
        assert client.get(INDEX).status_code == 302
        client.post(handle_url(erasure), {"action": "approve", "expected_status": "requested"})
        erasure.refresh_from_db()
        assert erasure.status == "requested"

    def test_staff_who_may_only_view_cannot_handle(self, client, erasure):
        """With the view permission the list opens; the handling page sends them away."""
        client.force_login(privacy_desk_user("view_datarequest"))
        assert client.get(INDEX).status_code == 200
        assert client.get(handle_url(erasure)).url == "/admin/"
        client.post(handle_url(erasure), {"action": "approve", "expected_status": "requested"})
        erasure.refresh_from_db()
        assert erasure.status == "requested"

    def test_staff_approve_then_carry_out_each_step_audited(self, client, erasure, person):
        """Approve, then erase: the account is anonymised; both steps and both moves are in the audit log."""
        desk = privacy_desk_user("view_datarequest", "change_datarequest")
        client.force_login(desk)
        listing = client.get(INDEX)
        assert handle_url(erasure) in listing.content.decode()
        assert client.post(handle_url(erasure), {"action": "approve", "expected_status": "requested"}).url == INDEX
        assert client.post(handle_url(erasure), {"action": "complete", "expected_status": "approved"}).url == INDEX
        erasure.refresh_from_db()
        person.user.refresh_from_db()
        assert erasure.status == "completed" and not person.user.is_active
        actions = set(
            ModelLogEntry.objects.filter(object_id=str(erasure.pk), user=desk).values_list("action", flat=True)
        )
        assert {"privacy.erasure_approved", "privacy.erasure_completed", "portal.status_change"} <= actions

    def test_bad_input(self, client, erasure):
        """A refusal without a reason, a step the status does not allow, a stale page: a message, no change."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.post(handle_url(erasure), {"action": "refuse", "note": "", "expected_status": "requested"})
        assert response.status_code == 200 and "Say why" in response.content.decode()
        response = client.post(handle_url(erasure), {"action": "complete", "expected_status": "requested"})
        assert "not possible" in response.content.decode()
        response = client.post(handle_url(erasure), {"action": "approve", "expected_status": "approved"})
        assert response.status_code == 302 and response.url == handle_url(erasure)
        erasure.refresh_from_db()
        assert erasure.status == "requested"

    def test_the_last_owner_refusal_shows_in_the_admin(self, client, erasure, person):
        """A person who became a company's last owner since asking: staff see why and cannot approve."""
        from tests.factories.companies import OwnerFactory

        OwnerFactory(user=person.user, company__name_zh="阿里山茶行")
        client.force_login(StaffFactory(admin_language="en"))
        assert "阿里山茶行" in client.get(handle_url(erasure)).content.decode()
        response = client.post(handle_url(erasure), {"action": "approve", "expected_status": "requested"})
        assert "last owner" in response.content.decode()
        erasure.refresh_from_db()
        assert erasure.status == "requested"

    def test_an_unknown_request(self, client, db):
        """A request id that does not exist: 404."""
        client.force_login(StaffFactory(admin_language="en"))
        assert client.get(f"{INDEX}handle/999999/", follow=True).status_code == 404

    def test_staff_list_notice_versions_and_consents(self, client, db):
        """The notice versions and the consents are listed for staff; a version cannot be deleted."""
        client.force_login(StaffFactory(admin_language="en"))
        assert "2026-12" in client.get("/admin/consenttext/").content.decode()
        assert client.get("/admin/consent/").status_code == 200
        version = ConsentText.objects.get()
        assert client.get(f"/admin/consenttext/delete/{version.pk}/", follow=True).status_code == 404
        assert ConsentText.objects.filter(pk=version.pk).exists()
