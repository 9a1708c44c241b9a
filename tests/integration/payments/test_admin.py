"""Staff see every payment in the Wagtail admin, export them, refund them; others are kept out."""

import csv
import io

import pytest

from payments.models import ExchangeRate, Payment, Refund
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.payments import ExchangeRateFactory, PaidPaymentFactory, PaymentFactory, StripeEventFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/payment/"


def export_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def payments(stripe_settings):
    return {
        "paid": PaidPaymentFactory(description="Sample order 7", currency="THB", amount_minor=41667),
        "pending": PaymentFactory(description="Program fee 3", currency="TWD", amount_minor=150000),
    }


class TestPermissions:
    def test_anonymous_is_sent_to_log_in(self, client, payments):
        assert client.get(INDEX).status_code == 302

    @pytest.mark.parametrize("make_user", [UserFactory, lambda: MembershipFactory().user])
    def test_non_staff_are_kept_out(self, client, payments, make_user):
        """A signed-in buyer or company member sees no payments and cannot refund."""
        client.force_login(make_user())
        assert client.get(INDEX).status_code in (302, 403)
        response = client.post(f"{INDEX}refund/{payments['paid'].pk}/", {"amount": "1", "reason": "x"})
        assert response.status_code in (302, 403)
        assert not Refund.objects.exists()
        assert client.get("/admin/exchange_rate/").status_code in (302, 403)

    def test_staff_see_every_payment_and_no_add_or_edit(self, client, payments):
        """Staff list all payments; payments come from the apps, so there is no add or edit view."""
        client.force_login(StaffFactory(admin_language="en"))
        html = client.get(INDEX).content.decode()
        assert "Sample order 7" in html
        assert "Program fee 3" in html
        assert "416.67 THB" in html
        assert client.get(f"{INDEX}new/", follow=True).status_code == 404
        assert client.get(f"{INDEX}edit/{payments['paid'].pk}/", follow=True).status_code == 404
        assert client.get(f"{INDEX}inspect/{payments['paid'].pk}/").status_code == 200

    def test_inspect_shows_the_status_history_and_the_audit_log(self, client, payments):
        """The inspect view lists each move in words; the admin history shows the audit-log entry."""
        payment = payments["pending"]
        payment.set_status(Payment.Status.FAILED, by=None, note="evt_failed")
        client.force_login(StaffFactory(admin_language="en"))
        html = client.get(f"{INDEX}inspect/{payment.pk}/").content.decode()
        assert "Pending → Failed (evt_failed)" in html
        history = client.get(f"{INDEX}history/{payment.pk}/")
        assert history.status_code == 200
        assert "Status changed from “Pending” to “Failed”" in history.content.decode()


class TestExport:
    def test_csv_export_follows_the_status_filter(self, client, payments):
        """?status=paid&export=csv: one row with the amount in major units and the Stripe ids."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.get(INDEX, {"status": "paid", "export": "csv"})
        assert response.status_code == 200
        assert "payments.csv" in response["Content-Disposition"]
        [row] = export_rows(response)
        paid = payments["paid"]
        assert int(row["Reference"]) == paid.pk
        assert row["Currency"] == "THB"
        assert row["Amount"] == "416.67"
        assert row["Stripe PaymentIntent"] == paid.stripe_payment_intent_id


class TestRefundView:
    def test_staff_refund_part_of_a_payment(self, client, payments, stripe_requests):
        """100.50 THB of 416.67: one refund through Stripe, partially refunded, message shown."""
        client.force_login(StaffFactory(admin_language="en"))
        paid = payments["paid"]
        response = client.post(f"{INDEX}refund/{paid.pk}/", {"amount": "100.50", "reason": "Damaged"}, follow=True)
        assert response.status_code == 200
        paid.refresh_from_db()
        assert (paid.status, paid.amount_refunded_minor) == (Payment.Status.PARTIALLY_REFUNDED, 10050)
        assert Refund.objects.get().reason == "Damaged"
        assert [r["idempotency_key"] for r in stripe_requests if r["path"] == "/v1/refunds"] == [
            f"payment-{paid.pk}-refund-1"
        ]

    @pytest.mark.parametrize(
        ("next_url", "lands_on"),
        [("/admin/sample_order/", "/admin/sample_order/"), ("https://evil.example/", INDEX), ("", INDEX)],
    )
    def test_after_a_refund_staff_go_back_where_they_started(
        self, client, payments, stripe_requests, next_url, lands_on
    ):
        """?next= on this site is followed after the refund; another site or none leads to the payments."""
        client.force_login(StaffFactory(admin_language="en"))
        paid = payments["paid"]
        response = client.post(f"{INDEX}refund/{paid.pk}/?next={next_url}", {"amount": "1.00", "reason": "Damaged"})
        assert response.status_code == 302 and response["Location"] == lands_on

    def test_a_refund_larger_than_the_payment_shows_an_error(self, client, payments, stripe_requests):
        """500 THB of 416.67: the form says how much is left; nothing sent or saved."""
        client.force_login(StaffFactory(admin_language="en"))
        paid = payments["paid"]
        response = client.post(f"{INDEX}refund/{paid.pk}/", {"amount": "500", "reason": "Too much"})
        assert response.status_code == 200
        assert "At most 416.67 THB can still be refunded." in response.content.decode()
        assert stripe_requests == []
        assert not Refund.objects.exists()

    def test_a_pending_payment_offers_no_refund(self, client, payments, stripe_requests):
        """Nothing was paid: the page says so, and a forged post refunds nothing."""
        client.force_login(StaffFactory(admin_language="en"))
        pending = payments["pending"]
        assert "Nothing can be refunded" in client.get(f"{INDEX}refund/{pending.pk}/").content.decode()
        response = client.post(f"{INDEX}refund/{pending.pk}/", {"amount": "1", "reason": "x"})
        assert response.status_code == 200
        assert "Nothing can be refunded" in response.content.decode()
        assert stripe_requests == []
        assert not Refund.objects.exists()


class TestExchangeRatesAndEvents:
    def test_staff_enter_a_rate_and_are_recorded(self, client, stripe_settings):
        """Adding a rate stores who entered it."""
        staff = StaffFactory(admin_language="en")
        client.force_login(staff)
        response = client.post("/admin/exchange_rate/new/", {"currency": "VND", "twd_per_unit": "0.00128"})
        assert response.status_code == 302
        rate = ExchangeRate.objects.get(currency="VND")
        assert str(rate.twd_per_unit) == "0.00128000"
        assert rate.updated_by == staff

    def test_a_rate_must_be_positive_and_twd_is_not_offered(self, client, stripe_settings):
        """Zero is refused with a field error; TWD (always 1) is not a choice."""
        client.force_login(StaffFactory(admin_language="en"))
        response = client.post("/admin/exchange_rate/new/", {"currency": "THB", "twd_per_unit": "0"})
        assert response.status_code == 200
        assert not ExchangeRate.objects.exists()
        response = client.post("/admin/exchange_rate/new/", {"currency": "TWD", "twd_per_unit": "1"})
        assert not ExchangeRate.objects.exists()

    def test_editing_a_rate_records_the_editor(self, client, stripe_settings):
        rate = ExchangeRateFactory(currency="THB", twd_per_unit="0.9")
        staff = StaffFactory(admin_language="en")
        client.force_login(staff)
        client.post(f"/admin/exchange_rate/edit/{rate.pk}/", {"currency": "THB", "twd_per_unit": "0.92"})
        rate.refresh_from_db()
        assert (str(rate.twd_per_unit), rate.updated_by) == ("0.92000000", staff)

    def test_staff_see_stripe_events(self, client, stripe_settings):
        """Events and what became of them are listed for staff."""
        StripeEventFactory(stripe_id="evt_test_visible", error="Stripe reports 1 TWD")
        client.force_login(StaffFactory(admin_language="en"))
        assert "evt_test_visible" in client.get("/admin/stripe_event/").content.decode()
