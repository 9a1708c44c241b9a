"""Staff see every sample order in the Wagtail admin: filters, search, read-only detail, export, refund link."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from catalog.orders.models import SampleOrder
from payments.models import Payment
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.orders import PaidSampleOrderFactory, SampleOrderFactory, order_payment
from tests.factories.payments import PaymentFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/sample_order/"

CSV_COLUMNS = [
    "Reference",
    "Created",
    "Supplier",
    "Buyer",
    "E-mail",
    "Country",
    "Currency",
    "Amount",
    "Refunded",
    "Status",
    "Paid at",
    "Shipped at",
    "Carrier",
    "Tracking number",
]


def export_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    return reader.fieldnames, list(reader)


@pytest.fixture
def orders():
    """A paid THB order from Thailand (partially refunded, refundable), a VND order from Viet Nam awaiting its
    pending payment, a shipped one."""
    paid = PaidSampleOrderFactory(
        reference="SO-2026-000101",
        buyer_name="Somchai Jaidee",
        buyer_email="somchai@example.com",
        currency="THB",
        amount_minor=41667,
        payment__status=Payment.Status.PARTIALLY_REFUNDED,
        payment__amount_refunded_minor=10050,
    )
    pending = SampleOrderFactory(
        reference="SO-2026-000102", buyer_email="an@example.vn", country="VN", currency="VND", amount_minor=450000
    )
    order_payment(pending, factory=PaymentFactory)
    shipped = PaidSampleOrderFactory(
        reference="SO-2026-000103",
        status=SampleOrder.Status.SHIPPED,
        carrier="DHL Express",
        tracking_number="JD0123",
        shipped_at=timezone.now(),
    )
    return {"paid": paid, "pending": pending, "shipped": shipped}


@pytest.fixture
def staff(client):
    user = StaffFactory(admin_language="en")
    client.force_login(user)
    return user


def listed(client, params=None):
    html = client.get(INDEX, params or {}).content.decode()
    return {reference for reference in ("SO-2026-000101", "SO-2026-000102", "SO-2026-000103") if reference in html}


class TestPermissions:
    def test_anonymous_is_sent_to_the_admin_login(self, client, orders):
        response = client.get(INDEX)
        assert response.status_code == 302
        assert "/accounts/login/?next=/admin/sample_order/" in response["Location"]

    @pytest.mark.parametrize("make_user", [UserFactory, lambda: MembershipFactory().user])
    def test_non_staff_are_kept_out(self, client, orders, make_user):
        """A buyer or a supplier's member reaches neither the listing, the detail nor the export."""
        client.force_login(make_user())
        for url in (INDEX, f"{INDEX}inspect/{orders['paid'].pk}/", f"{INDEX}?export=csv"):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert b"SO-2026-000101" not in response.content

    def test_payments_officers_see_orders_and_refund_other_staff_do_not(self, client, orders):
        """The "Payments officers" group (created by a migration) opens the orders and the refund form;
        a staff member outside it (e.g. a program manager) is refused both."""
        officer = StaffFactory(is_superuser=False, admin_language="en")
        officer.groups.add(Group.objects.get(name="Payments officers"))
        other = StaffFactory(is_superuser=False, admin_language="en")
        other.groups.add(Group.objects.get(name="Program managers"))
        payment = Payment.objects.get(object_id=orders["paid"].pk, purpose=Payment.Purpose.SAMPLE_ORDER)
        refund = f"/admin/payment/refund/{payment.pk}/"
        client.force_login(officer)
        assert b"SO-2026-000101" in client.get(INDEX).content
        assert client.get(refund).status_code == 200
        client.force_login(other)
        assert client.get(INDEX).status_code in (302, 403)
        assert client.get(refund).status_code in (302, 403)

    def test_staff_cannot_add_edit_or_delete_orders(self, client, staff, orders):
        """There is no add, edit or delete view: a posted amount changes nothing."""
        paid = orders["paid"]
        assert client.get(f"{INDEX}new/", follow=True).status_code == 404
        assert client.get(f"{INDEX}edit/{paid.pk}/", follow=True).status_code == 404
        client.post(f"{INDEX}edit/{paid.pk}/", {"amount_minor": "1"}, follow=True)
        client.post(f"{INDEX}delete/{paid.pk}/", follow=True)
        paid.refresh_from_db()
        assert paid.amount_minor == 41667
        html = client.get(f"{INDEX}inspect/{paid.pk}/").content.decode()
        assert f"{INDEX}edit/{paid.pk}/" not in html


class TestListing:
    def test_menu_entry_and_chinese_admin(self, client, orders):
        """The admin menu links to the orders; a staff member whose admin speaks Chinese gets the pages too."""
        client.force_login(StaffFactory())
        assert "/admin/sample_order/" in client.get("/admin/").content.decode()
        assert "SO-2026-000101" in client.get(INDEX).content.decode()
        assert client.get(f"{INDEX}inspect/{orders['paid'].pk}/").status_code == 200

    def test_staff_see_every_order_with_supplier_and_amount(self, client, staff, orders):
        html = client.get(INDEX).content.decode()
        assert {"SO-2026-000101", "SO-2026-000102", "SO-2026-000103"} <= set(listed(client))
        assert "416.67 THB" in html
        assert "450,000 VND" in html
        assert orders["paid"].company.name_zh in html

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"status": "awaiting_payment"}, {"SO-2026-000102"}),
            ({"status": "paid"}, {"SO-2026-000101"}),
            ({"status": "shipped"}, {"SO-2026-000103"}),
            ({"status": "cancelled"}, set()),
            ({"currency": "THB"}, {"SO-2026-000101"}),
            ({"country": "VN"}, {"SO-2026-000102"}),
            ({"q": "an@example.vn"}, {"SO-2026-000102"}),
            ({"q": "SO-2026-000103"}, {"SO-2026-000103"}),
        ],
    )
    def test_filters_and_search(self, client, staff, orders, params, expected):
        """Status (the order's state, payment included), currency and country filters and the search by
        reference or buyer e-mail narrow the list."""
        assert listed(client, params) == expected

    def test_an_unknown_status_filter_is_refused_not_an_error(self, client, staff, orders):
        response = client.get(INDEX, {"status": "pending"})
        assert response.status_code == 200
        assert "Select a valid choice." in response.content.decode()

    def test_the_listing_takes_the_same_number_of_queries_for_more_orders(self, client, staff, orders):
        """Payment facts are subqueries of the listing's query, not one query per order."""
        client.get(INDEX)
        with CaptureQueriesContext(connection) as three:
            client.get(INDEX)
        for _ in range(3):
            PaidSampleOrderFactory(payment__status=Payment.Status.PARTIALLY_REFUNDED)
        with CaptureQueriesContext(connection) as six:
            client.get(INDEX)
        assert len(six) <= len(three) + 2, [query["sql"] for query in six]

    def test_supplier_filter(self, client, staff, orders):
        assert listed(client, {"company": orders["shipped"].company.pk}) == {"SO-2026-000103"}

    def test_created_date_filter(self, client, staff, orders):
        """Orders created before the range are left out."""
        SampleOrder.objects.filter(pk=orders["pending"].pk).update(
            created_at=timezone.now() - datetime.timedelta(days=40)
        )
        since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
        assert listed(client, {"created_at_from": since}) == {"SO-2026-000101", "SO-2026-000103"}
        assert listed(client, {"created_at_to": since}) == {"SO-2026-000102"}

    def test_refund_link_only_for_orders_with_money_left_to_refund(self, client, staff, orders):
        """The paid and the shipped orders link to their payment's refund view; the unpaid one does not."""
        html = client.get(INDEX).content.decode()
        refundable = Payment.objects.get(object_id=orders["paid"].pk, purpose=Payment.Purpose.SAMPLE_ORDER)
        pending = Payment.objects.get(object_id=orders["pending"].pk, purpose=Payment.Purpose.SAMPLE_ORDER)
        assert f"/admin/payment/refund/{refundable.pk}/" in html
        assert f"/admin/payment/refund/{pending.pk}/" not in html
        assert html.count("/admin/payment/refund/") == 2


class TestInspect:
    def test_read_only_detail_with_items_payment_and_refund_button(self, client, staff, orders):
        paid = orders["paid"]
        payment = Payment.objects.get(object_id=paid.pk, purpose=Payment.Purpose.SAMPLE_ORDER)
        response = client.get(f"{INDEX}inspect/{paid.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        item = paid.items.get()
        for text in (
            "SO-2026-000101",
            f"1 × {item.product_name} ({item.sku})",
            "416.67 THB",
            "100.50 THB",
            "Partially refunded",
            "Thailand (TH)",
            "99 Sukhumvit Road",
            "somchai@example.com",
            f"/admin/payment/inspect/{payment.pk}/",
            f"/admin/payment/refund/{payment.pk}/",
        ):
            assert text in html, text
        assert paid.token not in html

    def test_pending_order_offers_no_refund(self, client, staff, orders):
        html = client.get(f"{INDEX}inspect/{orders['pending'].pk}/").content.decode()
        assert "SO-2026-000102" in html
        assert "/admin/payment/refund/" not in html

    def test_order_without_payment_says_so(self, client, staff, orders):
        unpaid = SampleOrderFactory(reference="SO-2026-000104")
        html = client.get(f"{INDEX}inspect/{unpaid.pk}/").content.decode()
        assert "The buyer has not started paying yet." in html
        assert "Awaiting payment" in html

    def test_shipped_order_shows_tracking_and_its_status_history(self, client, staff, orders):
        """The inspect view lists the order's own status history (from the generic table)."""
        shipped = PaidSampleOrderFactory(reference="SO-2026-000104")
        shipped.carrier, shipped.tracking_number = "DHL Express", "JD0123"
        shipped.set_status(SampleOrder.Status.SHIPPED, by=staff, note="DHL Express JD0123")
        html = client.get(f"{INDEX}inspect/{shipped.pk}/").content.decode()
        assert "JD0123" in html
        assert "Placed → Shipped" in html


class TestRefundThroughThePayment:
    def test_staff_refund_the_rest_from_the_order_and_the_order_is_refunded(
        self, client, staff, orders, stripe_requests
    ):
        """The order's refund link opens the payment's refund form; refunding what is left cancels the order
        and brings staff back to the order."""
        paid = orders["paid"]
        detail = f"{INDEX}inspect/{paid.pk}/"
        html = client.get(detail).content.decode()
        payment = Payment.objects.get(object_id=paid.pk, purpose=Payment.Purpose.SAMPLE_ORDER)
        url = f"/admin/payment/refund/{payment.pk}/"
        link = f"{url}?next={detail.replace('/', '%2F')}"
        assert link in html
        response = client.post(link, {"amount": "316.17", "reason": "Samples lost in transit"})
        assert response.status_code == 302 and response["Location"] == detail
        paid.refresh_from_db()
        assert (paid.status, paid.amount_refunded_minor) == (SampleOrder.Status.CANCELLED, 41667)
        assert paid.history.get().changed_by is None
        assert [r["idempotency_key"] for r in stripe_requests if r["path"] == "/v1/refunds"] == [
            f"payment-{payment.pk}-refund-1"
        ]
        assert url not in client.get(f"{INDEX}inspect/{paid.pk}/").content.decode()


class TestExport:
    def test_csv_columns_and_a_row_in_major_units(self, client, staff, orders):
        """?export=csv with a filter: the agreed columns, the amount and the refund in baht, the status label."""
        response = client.get(INDEX, {"currency": "THB", "export": "csv"})
        assert response.status_code == 200
        assert "sample-orders.csv" in response["Content-Disposition"]
        columns, rows = export_rows(response)
        assert columns == CSV_COLUMNS
        [row] = rows
        paid = orders["paid"]
        assert row["Reference"] == "SO-2026-000101"
        assert row["Supplier"] == str(paid.company)
        assert (row["Buyer"], row["E-mail"], row["Country"]) == ("Somchai Jaidee", "somchai@example.com", "TH")
        assert (row["Currency"], row["Amount"], row["Refunded"]) == ("THB", "416.67", "100.50")
        assert row["Status"] == "Paid"
        assert row["Paid at"].startswith(paid.paid_at.strftime("%Y-%m-%d"))

    def test_zero_decimal_currency_and_shipping_columns(self, client, staff, orders):
        """Dong have no minor unit: 450,000 VND export as 450000; carrier and tracking are exported."""
        _columns, rows = export_rows(client.get(INDEX, {"export": "csv"}))
        by_reference = {row["Reference"]: row for row in rows}
        assert by_reference["SO-2026-000102"]["Amount"] == "450000"
        assert by_reference["SO-2026-000102"]["Status"] == "Awaiting payment"
        assert (by_reference["SO-2026-000103"]["Carrier"], by_reference["SO-2026-000103"]["Tracking number"]) == (
            "DHL Express",
            "JD0123",
        )

    def test_xlsx_export(self, client, staff, orders):
        response = client.get(INDEX, {"currency": "THB", "export": "xlsx"})
        assert response.status_code == 200
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        heading, row = list(workbook.active.iter_rows(values_only=True))
        assert list(heading) == CSV_COLUMNS
        assert row[0] == "SO-2026-000101"
        assert float(row[7]) == pytest.approx(416.67)
