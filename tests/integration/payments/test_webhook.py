"""POST /payments/stripe/webhook/: signed with the Stripe library's helper, processed against stripe-mock."""

import json
import time

import pytest

from payments.models import Payment, StripeEvent
from tests.factories.payments import PaidPaymentFactory, PaymentFactory
from tests.stripe_support import charge_object, make_event, post_event, session_object, sign

pytestmark = pytest.mark.django_db

URL = "/payments/stripe/webhook/"


@pytest.fixture
def payment(stripe_settings):
    """A pending 1,500 TWD payment whose first Checkout Session is cs_test_current."""
    return PaymentFactory(stripe_checkout_session_id="cs_test_current", checkout_attempts=1)


class TestSignature:
    def test_a_bad_signature_is_refused(self, client, payment):
        """Signed with another secret: 400, nothing stored, nothing paid."""
        event = make_event("checkout.session.completed", session_object(payment))
        response = post_event(client, event, secret="whsec_someone_else")
        assert response.status_code == 400
        assert not StripeEvent.objects.exists()
        payment.refresh_from_db()
        assert payment.status == Payment.Status.PENDING

    def test_an_old_timestamp_is_refused(self, client, payment):
        """Correctly signed ten minutes ago (beyond the default five-minute tolerance): 400."""
        event = make_event("checkout.session.completed", session_object(payment))
        response = post_event(client, event, timestamp=int(time.time()) - 600)
        assert response.status_code == 400
        assert not StripeEvent.objects.exists()

    def test_a_timestamp_an_hour_in_the_future_is_refused(self, client, payment, caplog):
        """Correctly signed with a timestamp an hour ahead: 400 and a warning in the log; nothing stored."""
        event = make_event("checkout.session.completed", session_object(payment))
        response = post_event(client, event, timestamp=int(time.time()) + 3600)
        assert response.status_code == 400
        assert not StripeEvent.objects.exists()
        assert "timestamp is in the future" in caplog.text

    @pytest.mark.parametrize(
        "body",
        [[], None, {"object": "event"}, "evt_1", 42, {"id": "evt_1", "object": "event", "type": "x", "data": []}],
        ids=["list", "null", "event-without-id", "string", "number", "data-not-an-object"],
    )
    def test_a_signed_body_that_is_not_an_event_is_refused(self, client, payment, body, caplog):
        """Correctly signed, but not a Stripe event (`[]`, `null`, `{"object": "event"}`, ...): 400 and a
        warning in the log, never a 500; nothing stored."""
        response = post_event(client, body)
        assert response.status_code == 400
        assert not StripeEvent.objects.exists()
        assert "Stripe webhook refused" in caplog.text

    def test_a_signed_body_that_is_not_utf8_is_refused(self, client, payment):
        """Bytes that are not UTF-8 with a header computed over them: 400."""
        response = client.post(
            URL, data=b"\xff\xfe{", content_type="application/json", HTTP_STRIPE_SIGNATURE="t=1,v1=abc"
        )
        assert response.status_code == 400

    def test_a_missing_signature_is_refused(self, client, payment):
        """No Stripe-Signature header: 400."""
        response = client.post(URL, data=json.dumps({"id": "evt_1"}), content_type="application/json")
        assert response.status_code == 400

    def test_a_tampered_body_is_refused(self, client, payment):
        """The signature of one body does not cover another (amount changed after signing)."""
        event = make_event("checkout.session.completed", session_object(payment))
        signed = sign(json.dumps(event))
        event["data"]["object"]["amount_total"] = 1
        response = post_event(client, event, signature=signed)
        assert response.status_code == 400

    def test_without_a_webhook_secret_every_event_is_refused(self, client, payment, settings):
        """An unconfigured site accepts no webhook."""
        settings.STRIPE_WEBHOOK_SECRET = ""
        response = post_event(client, make_event("checkout.session.completed", session_object(payment)))
        assert response.status_code == 400

    def test_get_is_not_allowed(self, client, stripe_settings):
        """Only POST."""
        assert client.get(URL).status_code == 405


class TestFulfilment:
    def test_the_same_event_three_times_is_processed_once(self, client, payment, received_signals):
        """Three deliveries: 200 each, one stored event, paid once, one payment_succeeded."""
        event = make_event("checkout.session.completed", session_object(payment), event_id="evt_test_thrice")
        for _ in range(3):
            assert post_event(client, event).status_code == 200
        stored = StripeEvent.objects.get()
        assert (stored.stripe_id, stored.status) == ("evt_test_thrice", StripeEvent.Status.PROCESSED)
        payment.refresh_from_db()
        assert payment.status == Payment.Status.PAID
        assert payment.stripe_payment_intent_id == "pi_test_1"
        assert received_signals == [("succeeded", payment.pk)]

    def test_two_events_for_one_payment_fulfil_once(self, client, payment, received_signals):
        """completed (paid) then async_payment_succeeded: different events, still one fulfilment."""
        post_event(client, make_event("checkout.session.completed", session_object(payment)))
        post_event(client, make_event("checkout.session.async_payment_succeeded", session_object(payment)))
        assert received_signals == [("succeeded", payment.pk)]
        assert StripeEvent.objects.filter(status=StripeEvent.Status.PROCESSED).count() == 2

    def test_an_async_payment_is_paid_when_it_succeeds(self, client, payment, received_signals):
        """completed with payment_status unpaid waits; async_payment_succeeded fulfils."""
        post_event(client, make_event("checkout.session.completed", session_object(payment, payment_status="unpaid")))
        payment.refresh_from_db()
        assert payment.status == Payment.Status.PENDING
        assert received_signals == []
        post_event(client, make_event("checkout.session.async_payment_succeeded", session_object(payment)))
        payment.refresh_from_db()
        assert payment.status == Payment.Status.PAID
        assert received_signals == [("succeeded", payment.pk)]

    def test_an_async_payment_that_fails_fails_the_payment(self, client, payment, received_signals):
        """async_payment_failed on the current session: failed, nothing fulfilled."""
        post_event(client, make_event("checkout.session.completed", session_object(payment, payment_status="unpaid")))
        post_event(
            client,
            make_event("checkout.session.async_payment_failed", session_object(payment, payment_status="unpaid")),
        )
        payment.refresh_from_db()
        assert payment.status == Payment.Status.FAILED
        assert received_signals == []

    def test_an_expired_session_expires_the_payment(self, client, payment):
        """checkout.session.expired for the current session: expired (a new attempt may follow)."""
        session = session_object(payment, payment_status="unpaid", status="expired", payment_intent=None)
        assert post_event(client, make_event("checkout.session.expired", session)).status_code == 200
        payment.refresh_from_db()
        assert payment.status == Payment.Status.EXPIRED

    def test_an_old_session_expiring_leaves_the_new_attempt_alone(self, client, payment):
        """The replaced first session expires after the second attempt started: still pending."""
        session = session_object(payment, session_id="cs_test_replaced", payment_status="unpaid", status="expired")
        post_event(client, make_event("checkout.session.expired", session))
        payment.refresh_from_db()
        assert payment.status == Payment.Status.PENDING

    def test_expired_after_paid_changes_nothing(self, client, payment, received_signals):
        """Out of order: a late expired event never undoes a payment."""
        post_event(client, make_event("checkout.session.completed", session_object(payment)))
        post_event(client, make_event("checkout.session.expired", session_object(payment, status="expired")))
        payment.refresh_from_db()
        assert payment.status == Payment.Status.PAID

    def test_a_wrong_amount_is_not_fulfilled(self, client, payment, received_signals):
        """Stripe reports another amount than the payment's: not paid, the event keeps the error for staff."""
        session = {**session_object(payment), "amount_total": payment.amount_minor - 100}
        assert post_event(client, make_event("checkout.session.completed", session)).status_code == 200
        payment.refresh_from_db()
        assert payment.status == Payment.Status.PENDING
        stored = StripeEvent.objects.get()
        assert stored.status == StripeEvent.Status.FAILED
        assert "149900" in stored.error and "1,500.00 TWD" in stored.error
        assert received_signals == []

    def test_an_unknown_session_is_acknowledged_and_ignored(self, client, stripe_settings):
        """A session this site did not create (another integration on the account): 200, ignored."""
        session = {"id": "cs_test_not_ours", "client_reference_id": None, "payment_status": "paid"}
        assert post_event(client, make_event("checkout.session.completed", session)).status_code == 200
        assert StripeEvent.objects.get().status == StripeEvent.Status.IGNORED

    def test_an_unknown_event_type_is_acknowledged_and_ignored(self, client, payment):
        """customer.created is not ours to handle: 200, stored as ignored, payment untouched."""
        response = post_event(client, make_event("customer.created", {"id": "cus_1", "object": "customer"}))
        assert response.status_code == 200
        assert StripeEvent.objects.get().status == StripeEvent.Status.IGNORED
        payment.refresh_from_db()
        assert payment.status == Payment.Status.PENDING


class TestRefundEvents:
    def test_a_refund_on_a_paid_payment_is_recorded_once(self, client, stripe_settings, received_signals):
        """charge.refunded twice (same total) and once more (higher total): partial, then full."""
        payment = PaidPaymentFactory(stripe_payment_intent_id="pi_test_1")
        partial = make_event("charge.refunded", charge_object(payment, amount_refunded=50000))
        post_event(client, partial)
        post_event(client, {**partial, "id": "evt_test_same_total_again"})
        payment.refresh_from_db()
        assert (payment.status, payment.amount_refunded_minor) == (Payment.Status.PARTIALLY_REFUNDED, 50000)
        post_event(client, make_event("charge.refunded", charge_object(payment, amount_refunded=150000)))
        payment.refresh_from_db()
        assert (payment.status, payment.amount_refunded_minor) == (Payment.Status.REFUNDED, 150000)
        assert received_signals == [("refunded", payment.pk, 50000), ("refunded", payment.pk, 150000)]

    def test_charge_refunded_before_checkout_completed(self, client, payment, stripe_requests, received_signals):
        """The refund overtakes the completion: Stripe is asked which session made the charge (stripe-mock
        names one that is not ours), the event waits; completion then fulfils once and applies the refund."""
        refund = make_event("charge.refunded", charge_object(payment, amount_refunded=50000), event_id="evt_refund")
        assert post_event(client, refund).status_code == 200
        waiting = StripeEvent.objects.get(stripe_id="evt_refund")
        assert (waiting.status, waiting.waiting_for) == (StripeEvent.Status.WAITING, "pi_test_1")
        assert [(r["method"], r["path"], r["params"]) for r in stripe_requests] == [
            ("get", "/v1/checkout/sessions", {"payment_intent": "pi_test_1", "limit": 1})
        ]
        payment.refresh_from_db()
        assert (payment.status, payment.amount_refunded_minor) == (Payment.Status.PENDING, 0)

        post_event(client, make_event("checkout.session.completed", session_object(payment)))
        payment.refresh_from_db()
        assert (payment.status, payment.amount_refunded_minor) == (Payment.Status.PARTIALLY_REFUNDED, 50000)
        waiting.refresh_from_db()
        assert waiting.status == StripeEvent.Status.PROCESSED
        assert received_signals == [("succeeded", payment.pk), ("refunded", payment.pk, 50000)]


class TestRetryCommand:
    def test_stored_but_unprocessed_events_are_processed_in_order(self, payment, received_signals):
        """After an outage: the refund (waiting) and the completion (never run) are processed, oldest first,
        and a processed event is left alone."""
        from io import StringIO

        from django.core.management import call_command

        from tests.factories.payments import StripeEventFactory

        completed = make_event("checkout.session.completed", session_object(payment))
        refunded = make_event("charge.refunded", charge_object(payment, amount_refunded=150000))
        StripeEventFactory(
            stripe_id="evt_refund_first", type="charge.refunded", payload=refunded, status="waiting", waiting_for="x"
        )
        StripeEventFactory(stripe_id="evt_completed", type="checkout.session.completed", payload=completed)
        StripeEventFactory(stripe_id="evt_done", type="checkout.session.expired", payload=completed, status="processed")
        out = StringIO()
        call_command("stripe_events_retry", stdout=out)
        payment.refresh_from_db()
        assert (payment.status, payment.amount_refunded_minor) == (Payment.Status.REFUNDED, 150000)
        statuses = dict(StripeEvent.objects.values_list("stripe_id", "status"))
        assert statuses == {"evt_refund_first": "processed", "evt_completed": "processed", "evt_done": "processed"}
        assert received_signals == [("succeeded", payment.pk), ("refunded", payment.pk, 150000)]
        assert "nothing left to process" in out.getvalue()
