"""Sample orders in the supplier dashboard: who sees them, the list and detail, shipping and delivery."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from catalog.orders.models import SampleOrder
from payments.models import Payment, Refund
from tests.factories.accounts import StaffFactory
from tests.factories.companies import MembershipFactory
from tests.factories.orders import PaidSampleOrderFactory, SampleOrderFactory
from tests.factories.showcase import VerifiedCompanyFactory

pytestmark = pytest.mark.django_db

Status = SampleOrder.Status


@pytest.fixture
def member():
    return MembershipFactory(company=VerifiedCompanyFactory()).user


@pytest.fixture
def company(member):
    return member.memberships.get().company


@pytest.fixture
def paid_order(company):
    return PaidSampleOrderFactory(company=company, buyer_name="Somchai Jaidee", buyer_email="somchai@example.com")


@pytest.fixture
def pending_order(company):
    return SampleOrderFactory(company=company, buyer_name="Nguyen Van An", country="VN")


def list_url(company, language="en"):
    return f"/{language}/dashboard/{company.pk}/orders/"


def detail_url(order, language="en"):
    return f"/{language}/dashboard/{order.company_id}/orders/{order.pk}/"


def ship(client, order, **data):
    return client.post(f"{detail_url(order)}ship/", {"carrier": "DHL Express", "tracking_number": "JD0123", **data})


def page_text(response):
    return response.content.decode()


class TestPermissions:
    def test_anonymous_is_sent_to_log_in_and_cannot_ship(self, client, paid_order):
        """Anonymous visitors are redirected to log in; a posted shipment changes nothing."""
        for url in (list_url(paid_order.company), detail_url(paid_order)):
            response = client.get(url)
            assert response.status_code == 302, url
            assert "/accounts/login/" in response["Location"]
        response = ship(client, paid_order)
        assert response.status_code == 302
        paid_order.refresh_from_db()
        assert (paid_order.status, paid_order.tracking_number) == (Status.PLACED, "")

    def test_member_of_another_company_gets_404_everywhere(
        self, client, paid_order, django_capture_on_commit_callbacks
    ):
        """Company B's member cannot list, read, ship or deliver company A's orders, nor reach them through B."""
        other = MembershipFactory()
        client.force_login(other.user)
        assert client.get(list_url(paid_order.company)).status_code == 404
        assert client.get(detail_url(paid_order)).status_code == 404
        with django_capture_on_commit_callbacks(execute=True):
            assert ship(client, paid_order).status_code == 404
            assert client.post(f"{detail_url(paid_order)}deliver/").status_code == 404
        through_own = f"/en/dashboard/{other.company.pk}/orders/{paid_order.pk}/"
        assert client.get(through_own).status_code == 404
        assert client.post(f"{through_own}ship/", {"carrier": "DHL", "tracking_number": "X1"}).status_code == 404
        paid_order.refresh_from_db()
        assert paid_order.status == Status.PLACED
        assert mail.outbox == []

    def test_other_companies_orders_are_not_listed(self, client, member, company, paid_order):
        """A member's list holds only their company's orders."""
        elsewhere = PaidSampleOrderFactory(reference="SO-2026-777777")
        client.force_login(member)
        html = page_text(client.get(list_url(company)))
        assert paid_order.reference in html
        assert elsewhere.reference not in html

    def test_staff_without_membership_gets_404(self, client, paid_order):
        """Staff see orders in the Wagtail admin; the dashboard is for the company's members only."""
        client.force_login(StaffFactory())
        assert client.get(list_url(paid_order.company)).status_code == 404
        assert client.get(detail_url(paid_order)).status_code == 404

    @pytest.mark.parametrize("language", ["zh-hant", "en"])
    def test_member_sees_list_and_detail_in_both_languages(self, client, member, paid_order, language):
        """The list and the detail page render for a member in Chinese and English."""
        client.force_login(member)
        listing = client.get(list_url(paid_order.company, language))
        assert listing.status_code == 200
        assert paid_order.reference in page_text(listing)
        detail = client.get(detail_url(paid_order, language))
        assert detail.status_code == 200
        assert paid_order.reference in page_text(detail)


class TestList:
    def test_newest_first_with_buyer_country_items_amount_status_and_paid_date(
        self, client, member, company, paid_order, pending_order
    ):
        """Both orders are listed, the newer (pending) one first, with what a supplier needs to know."""
        client.force_login(member)
        html = page_text(client.get(list_url(company)))
        assert html.index(pending_order.reference) < html.index(paid_order.reference)
        item = paid_order.items.get()
        for text in (
            "Somchai Jaidee",
            "Bangkok Fine Foods Co.",
            "Thailand",
            f"1 × {item.product_name} ({item.sku})",
            "1,500.00 TWD",
            "Paid",
            "Awaiting payment",
            date_format(timezone.localtime(paid_order.paid_at), "DATE_FORMAT"),
        ):
            assert text in html, text
        assert f'href="/en/dashboard/{company.pk}/orders/"' in html

    def test_status_filter_keeps_one_status(self, client, member, company, paid_order, pending_order):
        """?status=awaiting_payment shows the unpaid order only; ?status=paid the paid one only (both are placed:
        the filter reads the payment)."""
        client.force_login(member)
        html = page_text(client.get(list_url(company), {"status": "awaiting_payment"}))
        assert pending_order.reference in html
        assert paid_order.reference not in html
        html = page_text(client.get(list_url(company), {"status": "paid"}))
        assert paid_order.reference in html
        assert pending_order.reference not in html
        html = page_text(client.get(list_url(company), {"status": "shipped"}))
        assert "No sample orders with this status." in html

    def test_the_filter_offers_every_state_once(self, client, member, company):
        """The options are SampleOrder.State: fulfilment steps and, for placed orders, the payment's answer."""
        client.force_login(member)
        html = page_text(client.get(list_url(company)))
        for state in SampleOrder.State:
            assert html.count(f'<option value="{state.value}"') == 1, state

    def test_the_list_takes_the_same_number_of_queries_for_one_or_many_orders(self, client, member, company):
        """Payment facts come from subqueries and items from one prefetch: no query per row."""
        client.force_login(member)
        PaidSampleOrderFactory(company=company, payment__status=Payment.Status.PARTIALLY_REFUNDED)
        client.get(list_url(company))  # warm the caches (content types, session)
        with CaptureQueriesContext(connection) as one:
            assert client.get(list_url(company)).status_code == 200
        for index in range(5):
            factory = PaidSampleOrderFactory if index % 2 else SampleOrderFactory
            factory(company=company)
        with CaptureQueriesContext(connection) as six:
            html = page_text(client.get(list_url(company)))
        assert html.count("/orders/") >= 6
        assert len(six) == len(one), [query["sql"] for query in six]

    def test_an_unknown_status_is_reported_and_all_orders_are_shown(
        self, client, member, company, paid_order, pending_order
    ):
        """A made-up status is a field error on the filter, not a server error; every order is still listed."""
        client.force_login(member)
        response = client.get(list_url(company), {"status": "lost"})
        assert response.status_code == 200
        html = page_text(response)
        assert "Select a valid choice." in html
        assert paid_order.reference in html
        assert pending_order.reference in html


class TestDetail:
    def test_items_address_payment_and_refunds(self, client, member, paid_order):
        """The detail shows items, the buyer's address and country, the payment and the refunds issued."""
        payment = Payment.objects.get(object_id=paid_order.pk)
        payment.status = Payment.Status.PARTIALLY_REFUNDED
        payment.amount_refunded_minor = 50000
        payment.save()
        Refund.objects.create(payment=payment, stripe_refund_id="re_test_1", amount_minor=50000, reason="internal")
        client.force_login(member)
        html = page_text(client.get(detail_url(paid_order)))
        item = paid_order.items.get()
        for text in (
            item.product_name,
            item.sku,
            "99 Sukhumvit Road<br>Bangkok 10110",
            "Thailand",
            "somchai@example.com",
            "Partially refunded",
            "partially refunded: 500.00 TWD",
            "Refunds",
            "Mark shipped",
        ):
            assert text in html, text
        assert "internal" not in html

    def test_pending_order_is_visible_but_offers_no_shipping(self, client, member, pending_order):
        """An unpaid order can be read, but there is no shipping form, only an explanation."""
        client.force_login(member)
        html = page_text(client.get(detail_url(pending_order)))
        assert pending_order.reference in html
        assert "Viet Nam" in html or "Vietnam" in html
        assert "This order is not paid yet." in html
        assert "Mark shipped" not in html
        assert "The buyer has not started paying yet." in html


class TestShipping:
    def test_member_ships_a_paid_order_and_the_buyer_is_emailed_once(
        self, client, member, paid_order, django_capture_on_commit_callbacks
    ):
        """Carrier and tracking number are saved, the order is shipped, the buyer gets one e-mail."""
        client.force_login(member)
        with django_capture_on_commit_callbacks(execute=True):
            response = ship(client, paid_order)
        assert response.status_code == 302
        assert response["Location"] == detail_url(paid_order)
        paid_order.refresh_from_db()
        assert (paid_order.status, paid_order.carrier, paid_order.tracking_number) == (
            Status.SHIPPED,
            "DHL Express",
            "JD0123",
        )
        assert paid_order.shipped_at is not None
        assert [message.to for message in mail.outbox] == [["somchai@example.com"]]
        assert "JD0123" in mail.outbox[0].body
        html = page_text(client.get(detail_url(paid_order)))
        assert f"Order {paid_order.reference} is marked shipped" in html
        assert "Mark delivered" in html

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"tracking_number": ""}, "Enter the tracking number."),
            ({"carrier": "   "}, "Enter the carrier."),
        ],
    )
    def test_missing_carrier_or_tracking_is_refused(
        self, client, member, paid_order, data, message, django_capture_on_commit_callbacks
    ):
        """The form shows which field is missing (tied to the field); the order stays paid, nothing is sent."""
        client.force_login(member)
        with django_capture_on_commit_callbacks(execute=True):
            response = ship(client, paid_order, **data)
        assert response.status_code == 400
        html = page_text(response)
        assert message in html
        assert 'aria-invalid="true"' in html
        paid_order.refresh_from_db()
        assert (paid_order.status, paid_order.carrier, paid_order.tracking_number) == (Status.PLACED, "", "")
        assert mail.outbox == []

    def test_a_pending_order_cannot_be_shipped(self, client, member, pending_order, django_capture_on_commit_callbacks):
        """A forged shipment of an unpaid order is refused with a message; nothing is saved or sent."""
        client.force_login(member)
        with django_capture_on_commit_callbacks(execute=True):
            response = ship(client, pending_order, tracking_number="FORGED1")
        assert response.status_code == 302
        pending_order.refresh_from_db()
        assert (pending_order.status, pending_order.tracking_number) == (Status.PLACED, "")
        assert mail.outbox == []
        html = page_text(client.get(response["Location"]))
        assert "Only a paid order can be marked shipped" in html

    def test_shipping_twice_keeps_the_first_tracking_number(
        self, client, member, paid_order, django_capture_on_commit_callbacks
    ):
        """The second shipment is refused with a message: the first tracking number stays, one e-mail only."""
        client.force_login(member)
        with django_capture_on_commit_callbacks(execute=True):
            ship(client, paid_order)
            response = ship(client, paid_order, tracking_number="SECOND")
        html = page_text(client.get(response["Location"]))
        assert "Only a paid order can be marked shipped" in html
        paid_order.refresh_from_db()
        assert (paid_order.status, paid_order.tracking_number) == (Status.SHIPPED, "JD0123")
        assert len(mail.outbox) == 1

    def test_ship_is_post_only(self, client, member, paid_order):
        """Following a link cannot ship an order."""
        client.force_login(member)
        assert client.get(f"{detail_url(paid_order)}ship/").status_code == 405


class TestDelivery:
    def test_member_marks_a_shipped_order_delivered(self, client, member, company):
        """A shipped order becomes delivered, with the date recorded and a confirmation shown."""
        order = PaidSampleOrderFactory(company=company, status=Status.SHIPPED, carrier="DHL", tracking_number="T1")
        client.force_login(member)
        response = client.post(f"{detail_url(order)}deliver/", follow=True)
        order.refresh_from_db()
        assert order.status == Status.DELIVERED
        assert order.delivered_at is not None
        html = page_text(response)
        assert f"Order {order.reference} is marked delivered." in html
        assert "The samples were delivered." in html

    def test_a_paid_order_cannot_be_marked_delivered(self, client, member, paid_order):
        """Delivery before shipping is refused with a message; the order stays paid."""
        client.force_login(member)
        response = client.post(f"{detail_url(paid_order)}deliver/", follow=True)
        assert "Only a shipped order can be marked delivered" in page_text(response)
        paid_order.refresh_from_db()
        assert paid_order.status == Status.PLACED
