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
