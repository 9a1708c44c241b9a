"""Program fees end to end against the real stripe-mock: the pay button, Checkout, the signed webhook that enrols,
refunds, the staff waiver, permissions, and the pages in English and Chinese."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from coaching import services
from coaching.models import Application
from payments.models import Payment
from tests.factories.accounts import UserFactory
from tests.factories.coaching import accepted_with_fee, decider, manager, reviewer, submitted
from tests.factories.companies import MembershipFactory
from tests.factories.payments import PaidPaymentFactory
from tests.stripe_support import charge_object, make_event, post_event, session_object

pytestmark = pytest.mark.django_db
S = Application.Status


def checkout_requests(sent):
    return [r for r in sent if r["path"] == "/v1/checkout/sessions" and r["method"] == "post"]


@pytest.fixture
def application():
    return accepted_with_fee(fee=1500)


@pytest.fixture
def member(application):
    return MembershipFactory(company=application.company).user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def detail_url(application, lang="en"):
    return f"/{lang}/applications/{application.pk}/"


def pay_url(application):
    """The English address (the messages the tests read are English)."""
    with translation.override("en"):
        return reverse("coaching:pay_fee", args=[application.pk])


def admin_url(name, application):
    return reverse(f"coaching_applications:{name}", args=[application.pk])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def pay_and_confirm(client, application):
    """Start Checkout as the member, then deliver the signed checkout.session.completed webhook."""
    client.post(pay_url(application))
    payment = Payment.objects.get()
    post_event(client, make_event("checkout.session.completed", session_object(payment), event_id="evt_fee_paid"))
    return payment


class TestCheckout:
    def test_the_member_is_sent_to_stripe_for_the_fee_in_twd(self, member_client, application, stripe_requests):
        """303 to the session URL; 1,500 TWD sent as 150000 (exponent 2) with the payment's idempotency key, the
        application page as cancel URL and ?fee=done as success URL; the payment stays pending."""
        response = member_client.post(pay_url(application))
        assert response.status_code == 303
        assert response["Location"].startswith("https://")
        payment = Payment.objects.get()
        assert (payment.purpose, payment.target, payment.amount_minor, payment.currency) == (
            Payment.Purpose.PROGRAM_FEE,
            application,
            150000,
            "TWD",
        )
        assert payment.status == Payment.Status.PENDING
        assert payment.customer_email == application.contact_email
        [request] = checkout_requests(stripe_requests)
        assert request["idempotency_key"] == f"payment-{payment.pk}-checkout-v1"
        item = request["params"]["line_items"][0]
        assert (item["price_data"]["currency"], item["price_data"]["unit_amount"], item["quantity"]) == (
            "twd",
            150000,
            1,
        )
        page = f"http://testserver{detail_url(application)}"
        assert request["params"]["success_url"] == f"{page}?fee=done"
        assert request["params"]["cancel_url"] == page
        assert request["params"]["customer_email"] == application.contact_email

    def test_the_success_page_alone_never_enrols(self, member_client, application, stripe_requests):
        """Back from Stripe without a webhook: "payment processing" (no second pay button), still accepted,
        payment still pending."""
        member_client.post(pay_url(application))
        response = member_client.get(detail_url(application) + "?fee=done")
        assert response.status_code == 200
        body = response.content.decode()
        assert "Payment processing — your enrolment is confirmed when Stripe confirms." in body
        assert pay_url(application) not in body
        application.refresh_from_db()
        assert (application.status, application.fee_paid_at) == (S.ACCEPTED, None)
        assert Payment.objects.get().status == Payment.Status.PENDING

    def test_the_signed_webhook_three_times_enrols_once_and_emails_once(
        self, member_client, application, stripe_requests, django_capture_on_commit_callbacks
    ):
        """checkout.session.completed delivered three times: one enrolment (by nobody, "Program fee paid"),
        one e-mail to the company; the page then says the fee is paid."""
        member_client.post(pay_url(application))
        payment = Payment.objects.get()
        event = make_event("checkout.session.completed", session_object(payment), event_id="evt_fee_thrice")
        with django_capture_on_commit_callbacks(execute=True):
            for _attempt in range(3):
                assert post_event(member_client, event).status_code == 200
        application.refresh_from_db()
        assert application.status == S.ENROLLED
        [change] = application.history.filter(to_status=S.ENROLLED)
        assert (change.changed_by, change.note) == (None, "Program fee paid")
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [application.contact_email]
        assert f"/en/applications/{application.pk}/" in mail.outbox[0].body
        body = member_client.get(detail_url(application)).content.decode()
        assert "Program fee paid on" in body
        assert pay_url(application) not in body

    def test_a_second_payment_for_a_paid_fee_is_refused(self, member_client, application, stripe_requests):
        """After the webhook, paying again: a clear message, no new Checkout Session, still one payment."""
        pay_and_confirm(member_client, application)
        sent = len(checkout_requests(stripe_requests))
        response = member_client.post(pay_url(application), follow=True)
        assert "already been paid" in " ".join(messages_of(response))
        assert len(checkout_requests(stripe_requests)) == sent
        assert Payment.objects.count() == 1

    def test_payments_refuses_a_paid_fee_even_if_coaching_has_not_heard(
        self, member_client, application, stripe_requests
    ):
        """A paid payment for the application (PaymentStateError from payments): its message, nothing sent."""
        PaidPaymentFactory(target=application)
        response = member_client.post(pay_url(application), follow=True)
        assert "already been paid; it cannot be paid again" in " ".join(messages_of(response))
        assert checkout_requests(stripe_requests) == []

    @pytest.mark.parametrize("status", [S.SHORTLISTED, S.WITHDRAWN])
    def test_only_an_accepted_application_can_pay(self, client, stripe_requests, status):
        """Not accepted: a message, no payment, nothing sent to Stripe."""
        application = submitted(status=status, program=accepted_with_fee().program)
        client.force_login(MembershipFactory(company=application.company).user)
        response = client.post(pay_url(application), follow=True)
        assert "only while the application is accepted" in " ".join(messages_of(response))
        assert not Payment.objects.exists()
        assert checkout_requests(stripe_requests) == []

    def test_a_waived_fee_is_not_paid(self, member_client, application, stripe_requests):
        """Waived (and enrolled): no button, a POST is refused with a message."""
        services.program_fee_waive(application=application, user=decider(), reason="Pilot")
        body = member_client.get(detail_url(application)).content.decode()
        assert "The bureau has waived the program fee." in body
        response = member_client.post(pay_url(application), follow=True)
        assert "waived" in " ".join(messages_of(response))
        assert not Payment.objects.exists()

    def test_the_refund_webhook_is_noted_for_staff_and_keeps_the_enrolment(
        self, member_client, application, stripe_requests
    ):
        """charge.refunded in full: the application stays enrolled and staff see a note with the amount."""
        payment = pay_and_confirm(member_client, application)
        post_event(member_client, make_event("charge.refunded", charge_object(payment, amount_refunded=150000)))
        application.refresh_from_db()
        assert application.status == S.ENROLLED
        [note] = application.notes.all()
        assert "1,500.00 TWD" in note.body
        staff_client = member_client
        staff_client.force_login(decider())
        body = staff_client.get(admin_url("detail", application)).content.decode()
        assert note.body in body
        assert "Refunded: 1,500.00 TWD" in body


class TestWithoutStripeKeys:
    def test_the_button_is_hidden_with_a_notice(self, member_client, application):
        """No keys: a notice that the bureau will get in touch, no pay form."""
        body = member_client.get(detail_url(application)).content.decode()
        assert "Online payment is not available yet; the bureau will contact you about the fee." in body
        assert pay_url(application) not in body

    def test_a_forged_post_is_refused(self, member_client, application):
        """No keys: a POST gets the same notice as a message; no payment row."""
        response = member_client.post(pay_url(application), follow=True)
        assert "Online payment is not available yet" in " ".join(messages_of(response))
        assert not Payment.objects.exists()


class TestPayPermissions:
    def test_anonymous_is_sent_to_login(self, client, application, stripe_requests):
        """Not signed in: login redirect, nothing created."""
        response = client.post(pay_url(application))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert not Payment.objects.exists()

    def test_a_member_of_another_company_gets_404(self, client, application, stripe_requests):
        """Another company's member learns nothing: 404, nothing created."""
        client.force_login(MembershipFactory().user)
        assert client.post(pay_url(application)).status_code == 404
        assert client.get(detail_url(application)).status_code == 404
        assert not Payment.objects.exists()

    def test_staff_are_not_the_company(self, client, application, stripe_requests):
        """A decision maker (not a member) cannot pay for the company: 404."""
        client.force_login(decider())
        assert client.post(pay_url(application)).status_code == 404
        assert not Payment.objects.exists()

    def test_the_right_member_sees_the_button(self, member_client, application, stripe_settings):
        """With keys: the pay form with the amount."""
        body = member_client.get(detail_url(application)).content.decode()
        assert f'action="{pay_url(application)}"' in body
        assert "Pay the program fee (TWD 1,500)" in body

    def test_my_applications_points_to_the_fee_due(self, member_client, application):
        """The list of the company's applications says the fee is due and links to the application."""
        body = member_client.get(reverse("coaching:my_applications")).content.decode()
        assert "Program fee due: TWD 1,500" in body
        application.fee_paid_at = application.decided_at
        application.save(update_fields=["fee_paid_at"])
        assert "Program fee due" not in member_client.get(reverse("coaching:my_applications")).content.decode()

    def test_get_is_not_allowed(self, member_client, application, stripe_settings):
        """Only POST starts a checkout."""
        assert member_client.get(pay_url(application)).status_code == 405


class TestLanguages:
    @pytest.mark.parametrize("lang", ["en", "zh-hant"])
    def test_the_fee_section_renders(self, member_client, application, stripe_settings, lang):
        """Both languages: 200, the fee section and its form (the button posts to the same language's URL)."""
        response = member_client.get(detail_url(application, lang))
        assert response.status_code == 200
        body = response.content.decode()
        assert 'id="fee-title"' in body
        assert f'action="/{lang}/applications/{application.pk}/fee/"' in body
        assert "1,500" in body

    @pytest.mark.parametrize("lang", ["en", "zh-hant"])
    def test_the_staff_fee_section_renders(self, client, application, lang):
        """The review screen shows the fee in the staff member's admin language."""
        staff = decider()
        profile = UserProfile.get_for_user(staff)
        profile.preferred_language = lang
        profile.save()
        client.force_login(staff)
        response = client.get(admin_url("detail", application))
        assert response.status_code == 200
        body = response.content.decode()
        assert f'lang="{lang}"' in body
        assert "TWD 1,500" in body


class TestAcceptanceEmail:
    def test_it_asks_for_the_fee_and_links_to_the_application(
        self, client, stripe_settings, django_capture_on_commit_callbacks
    ):
        """Accepting into a program with a fee: the e-mail names the fee and links to the application page."""
        application = submitted(status=S.SHORTLISTED, program=accepted_with_fee().program)
        with django_capture_on_commit_callbacks(execute=True):
            services.application_transition(
                application=application,
                user=decider(),
                new_status=S.ACCEPTED,
                expected=S.SHORTLISTED,
                base_url="https://portal.example",
            )
        [message] = mail.outbox
        assert "pay the program fee (TWD 1,500) on your application page" in message.body
        assert f"https://portal.example/en/applications/{application.pk}/" in message.body

    def test_without_keys_it_says_the_bureau_will_get_in_touch(self, django_capture_on_commit_callbacks):
        """No Stripe keys: the fee is named and the bureau will contact the company."""
        application = submitted(status=S.SHORTLISTED, program=accepted_with_fee().program)
        with django_capture_on_commit_callbacks(execute=True):
            services.application_transition(
                application=application, user=decider(), new_status=S.ACCEPTED, expected=S.SHORTLISTED
            )
        [message] = mail.outbox
        assert "the bureau will contact you about the fee" in message.body
        assert "TWD 1,500" in message.body


class TestStaff:
    def test_enrolment_is_refused_while_the_fee_is_unpaid(self, client, application):
        """A manager's ACCEPTED → ENROLLED move: a message naming the fee, the status unchanged."""
        client.force_login(manager())
        response = client.post(
            admin_url("transition", application),
            {"new_status": S.ENROLLED, "expected_status": S.ACCEPTED, "note": ""},
            follow=True,
        )
        assert "program fee (TWD 1,500) is paid or waived" in response.content.decode()
        assert Application.objects.get(pk=application.pk).status == S.ACCEPTED

    def test_the_decider_sees_the_fee_state_and_waiver_form(self, client, application):
        """Unpaid fee, waiver form with a labelled reason field."""
        client.force_login(decider())
        response = client.get(admin_url("detail", application))
        body = response.content.decode()
        assert "Unpaid" in body
        assert response.context["waiver_form"] is not None
        assert f'action="{admin_url("waive_fee", application)}"' in body
        assert 'for="id_reason"' in body

    def test_managers_see_the_state_but_no_waiver_form(self, client, application):
        """Waiving is a decision: managers without the decide permission get no form."""
        client.force_login(manager())
        response = client.get(admin_url("detail", application))
        assert response.context["fee"]["state"] == "unpaid"
        assert response.context["waiver_form"] is None

    def test_a_paid_fee_links_to_the_payment(self, client, member_client, application, stripe_requests):
        """After the webhook: "Paid on …" and a link to the payment in the payments admin."""
        payment = pay_and_confirm(member_client, application)
        client.force_login(decider())
        response = client.get(admin_url("detail", application))
        body = response.content.decode()
        assert "Paid on" in body
        assert reverse("payment:inspect", args=[payment.pk]) in body
        assert response.context["waiver_form"] is None

    def test_a_waiver_with_a_reason_enrols_and_shows_in_the_history(
        self, client, application, django_capture_on_commit_callbacks
    ):
        """The decider waives with a reason: enrolled, recorded, in the history and the fee state, e-mailed."""
        staff = decider(first_name="Wang", last_name="Decider")
        client.force_login(staff)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                admin_url("waive_fee", application), {"reason": "Social enterprise pilot"}, follow=True
            )
        assert "The fee is waived and the company is enrolled" in " ".join(messages_of(response))
        application.refresh_from_db()
        assert (application.status, application.fee_waived_by) == (S.ENROLLED, staff)
        body = response.content.decode()
        assert "Program fee waived: Social enterprise pilot" in body
        assert "Waived by" in body
        assert len(mail.outbox) == 1

    def test_a_waiver_closes_a_checkout_the_company_started(self, client, member_client, application, stripe_requests):
        """The company opened Checkout but has not paid: the waiver expires that session at Stripe first, so
        it can no longer be paid, and the payment is expired; the application is enrolled."""
        member_client.post(pay_url(application))
        payment = Payment.objects.get()
        client.force_login(decider())
        client.post(admin_url("waive_fee", application), {"reason": "Social enterprise pilot"})
        expired = [r for r in stripe_requests if r["path"].endswith("/expire")]
        assert [r["path"] for r in expired] == [f"/v1/checkout/sessions/{payment.stripe_checkout_session_id}/expire"]
        payment.refresh_from_db()
        assert payment.status == Payment.Status.EXPIRED
        assert Application.objects.get(pk=application.pk).status == S.ENROLLED

    def test_a_waiver_is_refused_when_stripe_cannot_close_the_checkout(
        self, client, member_client, application, stripe_settings
    ):
        """Stripe refuses to close the open session (here a revoked key): no waiver, a clear message, still
        accepted — staff try again rather than leaving a payable checkout behind."""
        member_client.post(pay_url(application))
        stripe_settings.STRIPE_SECRET_KEY = "revoked-key"
        client.force_login(decider())
        response = client.post(admin_url("waive_fee", application), {"reason": "Pilot"}, follow=True)
        assert "The fee cannot be waived now" in " ".join(messages_of(response))
        application.refresh_from_db()
        assert (application.status, application.fee_waived_at) == (S.ACCEPTED, None)
        assert Payment.objects.get().status == Payment.Status.PENDING

    def test_a_waiver_without_a_reason_is_refused(self, client, application):
        """Empty reason: the error as a message, nothing saved, no history row."""
        client.force_login(decider())
        before = application.history.count()
        response = client.post(admin_url("waive_fee", application), {"reason": ""}, follow=True)
        assert "Give the reason for waiving the fee." in " ".join(messages_of(response))
        application.refresh_from_db()
        assert (application.status, application.fee_waived_at) == (S.ACCEPTED, None)
        assert application.history.count() == before

    def test_a_paid_fee_cannot_be_waived(self, client, member_client, application, stripe_requests):
        """Already paid (and enrolled): refused with a message."""
        pay_and_confirm(member_client, application)
        client.force_login(decider())
        response = client.post(admin_url("waive_fee", application), {"reason": "Because"}, follow=True)
        assert "already been paid" in " ".join(messages_of(response))
        assert Application.objects.get(pk=application.pk).fee_waived_at is None

    @pytest.mark.parametrize(
        ("role", "expected"),
        [("anonymous", "login"), ("other_member", "login"), ("reviewer", "denied"), ("manager", "denied")],
    )
    def test_who_may_not_waive(self, client, application, role, expected):
        """Anonymous and company members are sent to the admin login; reviewers and managers are refused."""
        users = {
            "other_member": lambda: MembershipFactory().user,
            "reviewer": reviewer,
            "manager": manager,
        }
        if role in users:
            client.force_login(users[role]())
        response = client.post(admin_url("waive_fee", application), {"reason": "Because"})
        assert response.status_code == 302
        if expected == "login":
            assert "/accounts/login/" in response["Location"]
        else:
            assert response["Location"] == "/admin/"
        assert Application.objects.get(pk=application.pk).fee_waived_at is None

    def test_a_plain_user_cannot_open_the_review_screen(self, client, application):
        """A signed-in user without admin access never sees the fee section."""
        client.force_login(UserFactory())
        assert client.get(admin_url("detail", application)).status_code == 302
