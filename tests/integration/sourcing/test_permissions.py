"""Who sees what: the buyer's link shows only that request; a supplier sees only requests matched to it and
only its own quote; an unmatched supplier can neither see nor quote; staff moderate in the admin. Every view
for anonymous visitors, the wrong user, the right user and staff."""

import datetime

import pytest
from django.utils import timezone

from catalog.sourcing.models import Quote, QuoteRequest
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.sourcing import QuoteRequestFactory, match, quote_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def rfq(market):
    """An open Thai request in Food matched to Alpha and Beta, both of which quoted."""
    quote_request = QuoteRequestFactory(category=market.food, required_certificates=["HALAL"])
    for s in (market.thai_reader, market.chinese_reader):
        match(quote_request, s.company)
    alpha = quote_on(quote_request, market.thai_reader.company, price="111.00", product=market.thai_reader.product)
    beta = quote_on(quote_request, market.chinese_reader.company, price="222.00")
    return quote_request, alpha, beta


def supplier_url(company, quote_request=None):
    base = f"/en/rfq/supplier/{company.pk}/"
    return f"{base}{quote_request.pk}/" if quote_request else base


class TestSupplierPages:
    def test_anonymous_is_sent_to_sign_in(self, client, market, rfq):
        """Both supplier pages ask an anonymous visitor to sign in."""
        quote_request, _alpha, _beta = rfq
        for url in (supplier_url(market.thai_reader.company), supplier_url(market.thai_reader.company, quote_request)):
            response = client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_right_user_sees_own_quote_only(self, client, market, rfq):
        """Alpha's member sees the request and Alpha's price, never Beta's."""
        quote_request, _alpha, _beta = rfq
        client.force_login(market.thai_reader.member)
        for url in (supplier_url(market.thai_reader.company), supplier_url(market.thai_reader.company, quote_request)):
            response = client.get(url)
            assert response.status_code == 200
            assert quote_request.reference in response.content.decode()
        html = client.get(supplier_url(market.thai_reader.company, quote_request)).content.decode()
        assert "TWD 111" in html and "TWD 222" not in html and "Beta" not in html

    def test_wrong_user_gets_404_for_another_company(self, client, market, rfq):
        """Beta's member cannot open Alpha's pages."""
        quote_request, _alpha, _beta = rfq
        client.force_login(market.chinese_reader.member)
        assert client.get(supplier_url(market.thai_reader.company)).status_code == 404
        assert client.get(supplier_url(market.thai_reader.company, quote_request)).status_code == 404

    def test_unmatched_supplier_can_neither_see_nor_quote(self, client, market, rfq):
        """Delta (halal not recognised in Thailand) was not matched: no listing row, 404, and a POST quotes nothing."""
        quote_request, _alpha, _beta = rfq
        delta = market.wrong_halal
        client.force_login(delta.member)
        assert quote_request.reference not in client.get(supplier_url(delta.company)).content.decode()
        assert client.get(supplier_url(delta.company, quote_request)).status_code == 404
        response = client.post(
            supplier_url(delta.company, quote_request),
            {
                "tier1_quantity": "1",
                "tier1_price": "1",
                "moq": "1",
                "lead_time_days": "1",
                "sample_offer": "none",
                "valid_until": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
            },
        )
        assert response.status_code == 404
        assert not Quote.objects.filter(company=delta.company).exists()

    def test_staff_is_not_a_member(self, client, market, rfq):
        """Staff use the admin: the supplier's pages are 404 for them."""
        quote_request, _alpha, _beta = rfq
        client.force_login(StaffFactory(is_superuser=True))
        assert client.get(supplier_url(market.thai_reader.company)).status_code == 404
        assert client.get(supplier_url(market.thai_reader.company, quote_request)).status_code == 404

    def test_hidden_request_disappears_for_suppliers(self, client, market, rfq):
        """A request staff hid is no longer listed nor opened."""
        quote_request, _alpha, _beta = rfq
        QuoteRequest.objects.filter(pk=quote_request.pk).update(status=QuoteRequest.Status.HIDDEN)
        client.force_login(market.thai_reader.member)
        assert quote_request.reference not in client.get(supplier_url(market.thai_reader.company)).content.decode()
        assert client.get(supplier_url(market.thai_reader.company, quote_request)).status_code == 404


class TestBuyerLink:
    def test_link_shows_only_its_request_and_anyone_with_it_may_open_it(self, client, market, rfq):
        """Anonymous, signed-in and staff visitors with the link see that request; another request's link shows
        the other one; an unknown token is 404."""
        quote_request, _alpha, _beta = rfq
        other = QuoteRequestFactory(category=market.food, description="Dried mango for Hanoi")
        for user in (None, UserFactory(), StaffFactory()):
            if user:
                client.force_login(user)
            html = client.get(f"/en/rfq/r/{quote_request.token}/").content.decode()
            assert quote_request.reference in html and other.reference not in html and "Dried mango" not in html
        assert client.get("/en/rfq/r/not-a-token/").status_code == 404

    def test_buyer_cannot_decide_on_a_quote_of_another_request(self, client, market, rfq):
        """The token of one request does not reach the quotes of another."""
        quote_request, alpha, _beta = rfq
        other = QuoteRequestFactory(category=market.food)
        response = client.post(f"/en/rfq/r/{other.token}/quotes/{alpha.pk}/accept/")
        assert response.status_code == 302
        alpha.refresh_from_db()
        assert alpha.status == Quote.Status.SUBMITTED
        assert client.post(f"/en/rfq/r/not-a-token/quotes/{alpha.pk}/accept/").status_code == 404
        assert client.get(f"/en/rfq/r/{quote_request.token}/quotes/{alpha.pk}/accept/").status_code == 405

    def test_unconfirmed_and_hidden_requests_are_404(self, client, market):
        """Before confirmation the buyer's page does not exist; after staff hid it, neither page does."""
        fresh = QuoteRequestFactory(category=market.food, status=QuoteRequest.Status.UNCONFIRMED, confirmed_at=None)
        assert client.get(f"/en/rfq/r/{fresh.token}/").status_code == 404
        assert client.get(f"/en/rfq/confirm/{fresh.token}/").status_code == 200
        hidden = QuoteRequestFactory(category=market.food, status=QuoteRequest.Status.HIDDEN)
        assert client.get(f"/en/rfq/r/{hidden.token}/").status_code == 404
        assert client.get(f"/en/rfq/confirm/{hidden.token}/").status_code == 404

    def test_my_requests_follow_the_account_email(self, client, market, rfq):
        """Anonymous: sign in; a user sees the requests posted with their address only; staff likewise."""
        quote_request, _alpha, _beta = rfq
        response = client.get("/en/rfq/mine/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        client.force_login(UserFactory())
        assert 'href="/en/rfq/mine/"' in client.get("/en/").content.decode()  # in the account menu
        assert quote_request.reference not in client.get("/en/rfq/mine/").content.decode()
        client.force_login(UserFactory(email=quote_request.email.upper()))
        html = client.get("/en/rfq/mine/").content.decode()
        assert quote_request.reference in html and quote_request.token in html
        client.force_login(StaffFactory())
        assert quote_request.reference not in client.get("/en/rfq/mine/").content.decode()


class TestAdminModeration:
    def test_listing_and_hide_for_each_kind_of_user(self, client, market, rfq, django_capture_on_commit_callbacks):
        """Anonymous → sign in; a user without admin access is refused; staff with the permission list the
        requests with filters and hide one with a note, which the status history and audit log record."""
        from wagtail.models import ModelLogEntry

        quote_request, _alpha, _beta = rfq
        hide_url = f"/admin/rfq/{quote_request.pk}/hide/"
        assert client.get("/admin/sourcing_quoterequest/").status_code == 302
        assert client.get(hide_url).status_code == 302
        client.force_login(UserFactory())
        assert client.get(hide_url).status_code == 302
        client.force_login(StaffFactory(is_superuser=True))
        listing = client.get("/admin/sourcing_quoterequest/?status=open")
        assert listing.status_code == 200 and quote_request.description[:20] in listing.content.decode()
        assert client.get(hide_url).status_code == 200
        response = client.post(hide_url, {"note": ""})
        assert response.status_code == 400
        quote_request.refresh_from_db()
        assert quote_request.status == QuoteRequest.Status.OPEN
        response = client.post(hide_url, {"note": "Counterfeit goods"})
        assert response.status_code == 302
        quote_request.refresh_from_db()
        assert (
            quote_request.status == QuoteRequest.Status.HIDDEN and quote_request.moderation_note == "Counterfeit goods"
        )
        assert quote_request.history.get().note == "Counterfeit goods"
        assert ModelLogEntry.objects.for_instance(quote_request).filter(action="portal.status_change").exists()
        assert client.get(f"/en/rfq/r/{quote_request.token}/").status_code == 404

    def test_staff_without_the_permission_cannot_hide(self, client, market, rfq):
        """Admin access alone does not let a staff member hide a request."""
        from django.contrib.auth.models import Permission

        quote_request, _alpha, _beta = rfq
        staff = StaffFactory(is_superuser=False)
        staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(staff)
        response = client.get(f"/admin/rfq/{quote_request.pk}/hide/")
        assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"
        assert client.post(f"/admin/rfq/{quote_request.pk}/hide/", {"note": "Spam"}).status_code == 302
        quote_request.refresh_from_db()
        assert quote_request.status == QuoteRequest.Status.OPEN


class TestShowingAgain:
    def hidden(self, client, quote_request, note="Looked like spam"):
        from catalog.sourcing import services

        services.request_hide(quote_request=quote_request, by=StaffFactory(), note=note)
        quote_request.refresh_from_db()
        return f"/admin/rfq/{quote_request.pk}/show/"

    def test_each_kind_of_user_and_a_missing_note(self, client, market, rfq):
        """Anonymous → sign in; a user without admin access and staff without the permission are refused; staff
        with it must give a note (400, still hidden), then the request is open again with its quotes, its
        confirmation time kept, and the history and audit log record who and why."""
        from django.contrib.auth.models import Permission
        from wagtail.models import ModelLogEntry

        quote_request, _alpha, _beta = rfq
        confirmed_at = quote_request.confirmed_at
        url = self.hidden(client, quote_request)
        assert client.get(url).status_code == 302
        client.force_login(UserFactory())
        assert client.post(url, {"note": "x"}).status_code == 302
        staff = StaffFactory(is_superuser=False)
        staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(staff)
        assert client.post(url, {"note": "x"}).status_code == 302
        quote_request.refresh_from_db()
        assert quote_request.status == QuoteRequest.Status.HIDDEN
        client.force_login(StaffFactory(is_superuser=True))
        listing = client.get("/admin/sourcing_quoterequest/?status=hidden").content.decode()
        assert url in listing
        assert client.get(url).status_code == 200
        response = client.post(url, {"note": "  "})
        assert response.status_code == 400
        quote_request.refresh_from_db()
        assert quote_request.status == QuoteRequest.Status.HIDDEN
        assert client.post(url, {"note": "The buyer is real: checked by phone"}).status_code == 302
        quote_request.refresh_from_db()
        assert quote_request.status == QuoteRequest.Status.OPEN
        assert quote_request.confirmed_at == confirmed_at and quote_request.moderation_note == ""
        assert quote_request.history.order_by("-pk").first().note == "The buyer is real: checked by phone"
        assert ModelLogEntry.objects.for_instance(quote_request).filter(action="portal.status_change").count() == 2
        assert client.get(f"/en/rfq/r/{quote_request.token}/").status_code == 200
        client.force_login(market.thai_reader.member)
        assert client.get(supplier_url(market.thai_reader.company, quote_request)).status_code == 200

    def test_a_request_whose_deadline_passed_comes_back_closed(self, client, rfq):
        """A request hidden while open whose deadline is over by now is shown again closed, for the deadline."""
        quote_request, _alpha, _beta = rfq
        url = self.hidden(client, quote_request)
        QuoteRequest.objects.filter(pk=quote_request.pk).update(
            deadline=timezone.localdate() - datetime.timedelta(days=1)
        )
        client.force_login(StaffFactory(is_superuser=True))
        assert client.post(url, {"note": "Not spam after all"}).status_code == 302
        quote_request.refresh_from_db()
        assert quote_request.status == QuoteRequest.Status.CLOSED
        assert quote_request.close_reason == QuoteRequest.CloseReason.DEADLINE and quote_request.closed_at

    def test_a_request_that_is_not_hidden_cannot_be_shown_again(self, client, rfq):
        """The page of a visible request offers no form, and a POST says it is not hidden (400, unchanged)."""
        quote_request, _alpha, _beta = rfq
        client.force_login(StaffFactory(is_superuser=True))
        url = f"/admin/rfq/{quote_request.pk}/show/"
        page = client.get(url).content.decode()
        assert "help-warning" in page and 'name="note"' not in page
        response = client.post(url, {"note": "why"})
        assert response.status_code == 400 and "help-warning" in response.content.decode()
        quote_request.refresh_from_db()
        assert quote_request.status == QuoteRequest.Status.OPEN
