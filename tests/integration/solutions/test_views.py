"""Asking for an introduction, "My requests" and rating: permissions and bad input, through full requests."""

import pytest
from django.core import mail

from catalog.solutions.models import ConsultationRequest, Need, ProviderRating, Timing
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.solutions import ConsultationRequestFactory

pytestmark = pytest.mark.django_db


def request_url(page, language="zh-hant"):
    return f"/{language}/my/consultations/new/{page.pk}/"


def form_data(membership, **overrides):
    return {
        "company": membership.company.pk,
        "need": Need.LOGISTICS,
        "market": "TH",
        "timing": Timing.SOON,
        "message": "We sell tea and want to ship to Bangkok.",
        "consent": "on",
        **overrides,
    }


def closed_request(catalog, membership):
    request = ConsultationRequestFactory(
        company=membership.company, requested_by=membership.user, solution_page=catalog.ship_asean
    )
    staff = StaffFactory()
    request.set_status("introduced", by=staff)
    request.set_status("closed", by=staff)
    return request


class TestAskForAnIntroduction:
    def test_anonymous_is_sent_to_log_in(self, client, catalog):
        """Anonymous visitors are redirected to the login page and come back afterwards."""
        response = client.get(request_url(catalog.ship_asean))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert "next=" in response["Location"]

    def test_user_without_company_is_told_to_register_one(self, client, catalog):
        """A signed-in user with no company sees why they cannot ask and a link to register a company."""
        client.force_login(UserFactory())
        response = client.get(request_url(catalog.ship_asean, "en"))
        assert response.status_code == 403
        assert "Register your company first" in response.content.decode()

    def test_staff_without_company_cannot_ask(self, client, catalog):
        """Bureau staff are not a company: they get the same explanation and nothing is saved."""
        client.force_login(StaffFactory())
        response = client.post(request_url(catalog.ship_asean, "en"), {"consent": "on"})
        assert response.status_code == 403
        assert ConsultationRequest.objects.count() == 0

    def test_member_sees_the_form_with_the_offering_need_preselected(self, client, catalog, membership):
        """The form shows labelled fields, the member's company and the category's need."""
        client.force_login(membership.user)
        response = client.get(request_url(catalog.halal, "en"))
        assert response.status_code == 200
        html = response.content.decode()
        assert '<label class="govuk-label" for="id_message">' in html
        assert f'<option value="{Need.COMPLIANCE}" selected>' in html
        assert membership.company.name_zh in html

    def test_member_sends_a_request(self, client, catalog, membership, django_capture_on_commit_callbacks):
        """A valid request is saved, e-mailed, and the member lands on "My requests" with a confirmation."""
        client.force_login(membership.user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(request_url(catalog.ship_asean, "en"), form_data(membership), follow=True)
        assert response.redirect_chain[-1][0] == "/en/my/consultations/"
        request = ConsultationRequest.objects.get()
        assert (request.company, request.requested_by, request.language) == (
            membership.company,
            membership.user,
            "en",
        )
        assert "東南亞物流" in response.content.decode()
        assert catalog.ship_asean.provider.contact_email in [m.to[0] for m in mail.outbox]

    def test_member_cannot_ask_for_another_company(self, client, catalog, membership):
        """Choosing a company the user does not belong to is rejected on the company field."""
        other = MembershipFactory()
        client.force_login(membership.user)
        response = client.post(request_url(catalog.ship_asean, "en"), form_data(membership, company=other.company.pk))
        assert response.status_code == 400
        assert 'id="id_company_error"' in response.content.decode()
        assert ConsultationRequest.objects.count() == 0

    def test_without_consent_the_error_is_shown_on_the_consent_field(self, client, catalog, membership):
        """No consent: 400, a message tied to the checkbox, nothing saved."""
        client.force_login(membership.user)
        data = form_data(membership)
        del data["consent"]
        response = client.post(request_url(catalog.ship_asean, "en"), data)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'id="id_consent_error"' in html
        assert "without it we cannot introduce you" in html
        assert 'aria-describedby="id_consent_helptext id_consent_error"' in html
        assert ConsultationRequest.objects.count() == 0

    def test_missing_message_is_reported(self, client, catalog, membership):
        """An empty message is reported on the message field; nothing saved."""
        client.force_login(membership.user)
        response = client.post(request_url(catalog.ship_asean, "en"), form_data(membership, message=""))
        assert response.status_code == 400
        assert 'id="id_message_error"' in response.content.decode()
        assert ConsultationRequest.objects.count() == 0

    def test_duplicate_open_request_is_refused_with_a_message(self, client, catalog, membership):
        """A second request while the first is open: a clear message, still one request."""
        ConsultationRequestFactory(company=membership.company, solution_page=catalog.ship_asean)
        client.force_login(membership.user)
        response = client.post(request_url(catalog.ship_asean, "en"), form_data(membership))
        assert response.status_code == 400
        assert "already has an open request" in response.content.decode()
        assert ConsultationRequest.objects.count() == 1

    def test_unpublished_offering_takes_no_request(self, client, catalog, membership):
        """An unpublished offering: a clear "not available" page, nothing saved."""
        catalog.ship_asean.unpublish()
        client.force_login(membership.user)
        response = client.post(request_url(catalog.ship_asean, "en"), form_data(membership))
        assert response.status_code == 404
        assert "not published at the moment" in response.content.decode()
        assert ConsultationRequest.objects.count() == 0

    def test_unknown_offering_is_not_found(self, client, catalog, membership):
        """A page id that is not an offering is a 404."""
        client.force_login(membership.user)
        assert client.get(request_url(catalog.index)).status_code == 404


class TestMyRequests:
    def test_anonymous_is_sent_to_log_in(self, client):
        """Anonymous visitors are redirected to the login page."""
        response = client.get("/en/my/consultations/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_member_sees_their_company_requests_with_status(self, client, catalog, membership):
        """Members see each request of their company with its status, in zh-hant and en."""
        ConsultationRequestFactory(company=membership.company, solution_page=catalog.halal, status="introduced")
        client.force_login(membership.user)
        for language in ("zh-hant", "en"):
            response = client.get(f"/{language}/my/consultations/")
            assert response.status_code == 200
            html = response.content.decode()
            assert "清真認證" in html
            assert "status--introduced" in html

    def test_other_company_and_staff_do_not_see_them(self, client, catalog, membership):
        """A member of another company and a staff user see none of this company's requests."""
        ConsultationRequestFactory(company=membership.company, solution_page=catalog.halal)
        for user in (MembershipFactory().user, StaffFactory()):
            client.force_login(user)
            html = client.get("/en/my/consultations/").content.decode()
            assert "清真認證" not in html

    def test_closed_request_offers_a_rating_link(self, client, catalog, membership):
        """A closed, introduced request shows "Rate the provider"."""
        request = closed_request(catalog, membership)
        client.force_login(membership.user)
        html = client.get("/en/my/consultations/").content.decode()
        assert f"/en/my/consultations/{request.pk}/rate/" in html


class TestRateProvider:
    def rate_url(self, request):
        return f"/en/my/consultations/{request.pk}/rate/"

    def test_anonymous_is_sent_to_log_in(self, client, catalog, membership):
        """Anonymous visitors are redirected to the login page."""
        response = client.get(self.rate_url(closed_request(catalog, membership)))
        assert response.status_code == 302

    def test_other_company_and_staff_get_not_found(self, client, catalog, membership):
        """Outside the requesting company the request does not exist (404), and nothing is saved."""
        request = closed_request(catalog, membership)
        for user in (MembershipFactory().user, StaffFactory()):
            client.force_login(user)
            assert client.post(self.rate_url(request), {"score": 5}).status_code == 404
        assert ProviderRating.objects.count() == 0

    def test_member_rates_once(self, client, catalog, membership):
        """The member rates 4 with a comment; a second attempt is refused with a message."""
        request = closed_request(catalog, membership)
        client.force_login(membership.user)
        response = client.post(self.rate_url(request), {"score": 4, "comment": "Quick and clear"})
        assert response.status_code == 302
        rating = ProviderRating.objects.get()
        assert (rating.score, rating.comment, rating.rated_by) == (4, "Quick and clear", membership.user)
        again = client.post(self.rate_url(request), {"score": 1})
        assert again.status_code == 400
        assert "already rated" in again.content.decode()
        assert ProviderRating.objects.count() == 1

    def test_open_request_cannot_be_rated(self, client, catalog, membership):
        """Before closing, the page explains why and a forced POST saves nothing."""
        request = ConsultationRequestFactory(company=membership.company, solution_page=catalog.ship_asean)
        client.force_login(membership.user)
        page = client.get(self.rate_url(request))
        assert "once the request is closed" in page.content.decode()
        assert 'name="score"' not in page.content.decode()
        response = client.post(self.rate_url(request), {"score": 5})
        assert response.status_code == 400
        assert "once the request is closed" in response.content.decode()
        assert ProviderRating.objects.count() == 0

    def test_score_is_required(self, client, catalog, membership):
        """No score: an error on the score field; nothing saved."""
        request = closed_request(catalog, membership)
        client.force_login(membership.user)
        response = client.post(self.rate_url(request), {"comment": "Good"})
        assert response.status_code == 400
        assert 'id="id_score_error"' in response.content.decode()
        assert ProviderRating.objects.count() == 0
