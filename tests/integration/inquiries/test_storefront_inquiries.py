"""Buyer inquiries over HTTP: the form, spam defences, e-mail confirmation, the supplier inbox with
reply threads, the buyer's replies by link, the permission matrix and the staff listing in the admin."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from catalog.inquiries.models import Inquiry, InquiryMessage
from tests.factories.accounts import StaffFactory
from tests.factories.companies import MembershipFactory
from tests.factories.inquiries import InquiryFactory, InquiryMessageFactory, build_showcase

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shop(db):
    return build_showcase()


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """``client.post`` that also runs the after-commit callbacks (the e-mails), as a real request would."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send


def english_staff():
    """A staff user whose Wagtail admin is in English (the admin follows the user's profile, not the URL)."""
    staff = StaffFactory()
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    return staff


def inquiry_data(**overrides):
    data = {
        "buyer_name": "Somchai Jaidee",
        "buyer_company": "Bangkok Trading Co.",
        "country": "TH",
        "email": "somchai@example.co.th",
        "quantity": "500",
        "target_price_twd": "380",
        "incoterm": "FOB",
        "message": "Please quote 500 boxes for Bangkok.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def product_inquiry_url(shop, lang="en"):
    return f"/{lang}/showcase/product/{shop.cake.pk}/inquire/"


def link_in(message, pattern):
    """The path of the first address in the e-mail that contains ``pattern``."""
    match = re.search(rf"https?://\S+{pattern}\S*", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


class TestInquiryForm:
    def test_form_renders_in_both_languages_with_labelled_fields_and_hidden_honeypot(self, client, shop):
        """The form shows every field with a label; the honeypot sits in a hidden block."""
        for lang, text in (("en", "Send an inquiry"), ("zh-hant", "土鳳梨酥")):
            html = client.get(product_inquiry_url(shop, lang)).content.decode()
            assert text in html
            for name in ("buyer_name", "buyer_company", "country", "email", "quantity", "message", "consent"):
                assert f'for="id_{name}"' in html
            assert re.search(r"<div hidden>.*name=\"website\"", html, re.S)

    def test_supplier_inquiry_form_renders(self, client, shop):
        """A general inquiry to the supplier (RFQ) has its own form."""
        response = client.get(f"/en/showcase/supplier/{shop.supplier.pk}/inquire/")
        assert response.status_code == 200
        assert "SunnyHills" in response.content.decode()

    def test_draft_product_and_unverified_supplier_take_no_inquiries(self, client, shop):
        """A draft product's and an unknown supplier's inquiry forms are 404."""
        assert client.get(f"/en/showcase/product/{shop.draft.pk}/inquire/").status_code == 404
        assert client.get("/en/showcase/supplier/999999/inquire/").status_code == 404


class TestSendAndConfirm:
    def test_full_thread_from_inquiry_to_buyer_reply(self, client, post, shop):
        """Send → the buyer gets a confirmation link (nothing for the supplier yet) → confirm → members
        are e-mailed and see it in the inbox → a member replies → the buyer gets it with a reply link →
        the buyer answers through the link → members are e-mailed."""
        response = post(product_inquiry_url(shop), inquiry_data())
        assert response.status_code == 200
        assert "Check your e-mail" in response.content.decode()
        inquiry = Inquiry.objects.get()
        assert inquiry.status == Inquiry.Status.UNCONFIRMED and inquiry.product == shop.cake
        assert inquiry.language == "en"
        assert [m.to for m in mail.outbox] == [["somchai@example.co.th"]]

        client.force_login(shop.member)
        assert "Somchai" not in client.get("/en/inbox/").content.decode()
        client.logout()

        confirm_path = link_in(mail.outbox[0], "/confirm/")
        assert confirm_path.startswith("/en/inbox/confirm/")
        assert client.get(confirm_path).status_code == 200
        inquiry.refresh_from_db()
        assert inquiry.status == Inquiry.Status.UNCONFIRMED, "visiting the link alone must not confirm"
        response = post(confirm_path, follow=True)
        assert "Your inquiry is confirmed" in response.content.decode()
        inquiry.refresh_from_db()
        assert inquiry.status == Inquiry.Status.OPEN and inquiry.email_confirmed_at

        assert mail.outbox[1].to == [shop.member.email]
        member_mail = mail.outbox[1]
        assert "Somchai" in member_mail.subject
        assert f"/inbox/{inquiry.pk}/" in member_mail.body

        client.force_login(shop.member)
        inbox = client.get("/zh-hant/inbox/").content.decode()
        assert "Somchai Jaidee" in inbox
        response = post(f"/en/inbox/{inquiry.pk}/", {"body": "Our FOB price for 500 boxes is TWD 390."})
        assert response.status_code == 302
        inquiry.refresh_from_db()
        assert inquiry.status == Inquiry.Status.ANSWERED and inquiry.first_replied_at
        buyer_mail = mail.outbox[2]
        assert buyer_mail.to == ["somchai@example.co.th"]
        assert "TWD 390" in buyer_mail.body
        client.logout()

        reply_path = link_in(buyer_mail, "/reply/")
        page = client.get(reply_path).content.decode()
        assert "Please quote 500 boxes" in page and "TWD 390" in page
        response = post(reply_path, {"body": "Can you do TWD 370 for 1000 boxes?"})
        assert response.status_code == 302
        assert InquiryMessage.objects.filter(inquiry=inquiry, author_kind="buyer").count() == 1
        assert mail.outbox[3].to == [shop.member.email]
        assert "TWD 370" in mail.outbox[3].body

        client.force_login(shop.member)
        assert "TWD 370" in client.get(f"/en/inbox/{inquiry.pk}/").content.decode()
        moves = [(c.changed_by, c.from_status, c.to_status) for c in inquiry.history.all()]
        assert moves == [(None, "unconfirmed", "open"), (shop.member, "open", "answered")], (
            "the buyer's confirmation is nobody's, the first reply the member's; the buyer's reply moves nothing"
        )

    def test_emails_are_in_the_recipients_languages(self, client, post, shop):
        """A buyer writing from /zh-hant/ gets the confirmation in Chinese; a member who prefers English
        is told in English."""
        shop.member.preferred_language = "en"
        shop.member.save()
        post(product_inquiry_url(shop, "zh-hant"), inquiry_data())
        confirm = mail.outbox[0]
        assert "/zh-hant/inbox/confirm/" in confirm.body
        post(link_in(confirm, "/confirm/"))
        assert mail.outbox[1].subject.startswith("New buyer inquiry")
        assert "/en/inbox/" in mail.outbox[1].body

    def test_unknown_confirmation_and_reply_links_are_404(self, client, post, shop):
        """Made-up confirmation and reply tokens give 404."""
        assert client.get("/en/inbox/confirm/not-a-token/").status_code == 404
        assert post("/en/inbox/confirm/not-a-token/").status_code == 404
        assert client.get("/en/inbox/reply/not-a-token/").status_code == 404

    def test_a_buyer_message_token_does_not_open_the_thread(self, client, shop):
        """Only the links of supplier replies (sent to the buyer) open the thread."""
        own = InquiryMessageFactory(inquiry__company=shop.supplier, author_kind="buyer")
        assert client.get(f"/en/inbox/reply/{own.reply_token}/").status_code == 404

    def test_confirming_twice_says_so_and_changes_nothing(self, client, post, shop):
        """A second confirmation shows “already confirmed”; the date and the mail outbox stay as they were."""
        inquiry = InquiryFactory(company=shop.supplier)
        confirmed_at = inquiry.email_confirmed_at
        response = post(f"/en/inbox/confirm/{inquiry.confirmation_token}/", follow=True)
        assert "already confirmed" in response.content.decode()
        inquiry.refresh_from_db()
        assert inquiry.email_confirmed_at == confirmed_at
        assert mail.outbox == []


class TestSpamAndBadInput:
    def test_honeypot_pretends_success_and_saves_nothing(self, client, post, shop):
        """A filled honeypot gets the usual answer, but nothing is stored or sent."""
        response = post(product_inquiry_url(shop), inquiry_data(website="http://spam.example"))
        assert response.status_code == 200
        assert "Check your e-mail" in response.content.decode()
        assert Inquiry.objects.count() == 0 and mail.outbox == []

    def test_url_stuffed_message_is_refused(self, client, post, shop):
        """More than two web addresses: a clear message, nothing saved."""
        message = "Cheap! http://a.example http://b.example www.c.example"
        response = post(product_inquiry_url(shop), inquiry_data(message=message))
        assert response.status_code == 400
        assert "more than 2 web addresses" in response.content.decode()
        assert Inquiry.objects.count() == 0 and mail.outbox == []

    def test_twenty_inquiries_a_minute_are_throttled(self, client, post, shop):
        """From one address, the sixth inquiry within a minute gets HTTP 429 and a clear message."""
        statuses = [
            post(product_inquiry_url(shop), inquiry_data(email=f"buyer{n}@example.com")).status_code for n in range(20)
        ]
        assert statuses[:5] == [200] * 5
        assert set(statuses[5:]) == {429}
        response = post(product_inquiry_url(shop), inquiry_data(email="late@example.com"))
        assert "too many inquiries" in response.content.decode()
        assert Inquiry.objects.count() == 5

    def test_one_email_is_throttled_across_addresses(self, client, post, shop):
        """The same e-mail from many IP addresses: the eleventh inquiry within an hour gets 429."""
        statuses = [
            post(product_inquiry_url(shop), inquiry_data(), REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(11)
        ]
        assert statuses == [200] * 10 + [429]

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("email", "not-an-address"),
            ("consent", ""),
            ("country", "XX"),
            ("quantity", "-5"),
            ("target_price_twd", "-1"),
            ("incoterm", "ABC"),
            ("buyer_name", ""),
            ("message", ""),
        ],
    )
    def test_bad_input_shows_the_error_next_to_the_field_and_saves_nothing(self, client, post, shop, field, value):
        """Each invalid field: HTTP 400, the error tied to the field, the summary, nothing stored or sent."""
        response = post(product_inquiry_url(shop), inquiry_data(**{field: value}))
        assert response.status_code == 400
        html = response.content.decode()
        assert f'id="id_{field}_error"' in html
        assert "There is a problem" in html
        assert Inquiry.objects.count() == 0 and mail.outbox == []

    def test_empty_reply_is_refused(self, client, post, shop):
        """An empty supplier reply is refused; no message, no e-mail, no first-reply time."""
        inquiry = InquiryFactory(company=shop.supplier)
        client.force_login(shop.member)
        response = post(f"/en/inbox/{inquiry.pk}/", {"body": ""})
        assert response.status_code == 400
        assert InquiryMessage.objects.count() == 0 and mail.outbox == []
        inquiry.refresh_from_db()
        assert inquiry.first_replied_at is None


class TestInboxPermissions:
    @pytest.fixture
    def inquiry(self, shop):
        return InquiryFactory(company=shop.supplier, buyer_name="Nguyen Van A")

    def test_anonymous_is_sent_to_log_in(self, client, inquiry):
        """The inbox and an inquiry redirect anonymous visitors to the login page."""
        for url in ("/en/inbox/", f"/en/inbox/{inquiry.pk}/"):
            response = client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_member_of_another_company_sees_nothing_and_cannot_reply(self, client, post, inquiry):
        """A member of another company: empty inbox, 404 on the inquiry and on a reply, nothing stored."""
        client.force_login(MembershipFactory().user)
        assert "Nguyen Van A" not in client.get("/en/inbox/").content.decode()
        assert client.get(f"/en/inbox/{inquiry.pk}/").status_code == 404
        assert post(f"/en/inbox/{inquiry.pk}/", {"body": "Hello"}).status_code == 404
        assert InquiryMessage.objects.count() == 0

    def test_member_reads_and_replies(self, client, post, shop, inquiry):
        """A member of the supplier lists, reads (in zh-hant too) and answers the inquiry."""
        client.force_login(shop.member)
        inbox = client.get("/en/inbox/").content.decode()
        assert "Nguyen Van A" in inbox
        assert '<a href="/en/inbox/">Buyer inquiries</a>' in inbox, "the account menu links to the inbox"
        assert client.get(f"/zh-hant/inbox/{inquiry.pk}/").status_code == 200
        assert post(f"/en/inbox/{inquiry.pk}/", {"body": "Thanks!"}).status_code == 302

    def test_a_closed_inquiry_cannot_be_answered_from_the_inbox(self, client, post, shop):
        """The member sees why (the status machine refuses the move) and no message is stored or mailed."""
        closed = InquiryFactory(company=shop.supplier, status=Inquiry.Status.CLOSED)
        client.force_login(shop.member)
        response = post(f"/en/inbox/{closed.pk}/", {"body": "Sorry for the delay."})
        assert response.status_code == 400
        assert "This inquiry cannot be answered." in response.content.decode()
        assert not closed.messages.exists() and mail.outbox == []

    def test_staff_use_the_admin_not_the_supplier_inbox(self, client, inquiry):
        """Staff who are not members have no supplier inbox entry; they see every inquiry in the admin."""
        client.force_login(english_staff())
        assert client.get(f"/en/inbox/{inquiry.pk}/").status_code == 404
        response = client.get("/admin/inquiry/")
        assert response.status_code == 200
        assert "Nguyen Van A" in response.content.decode()
        assert client.get(f"/admin/inquiry/inspect/{inquiry.pk}/").status_code == 200

    def test_the_admin_inspect_view_lists_the_status_history(self, client, shop):
        """Staff read who moved an inquiry and when from its history."""
        inquiry = InquiryFactory(company=shop.supplier, email_confirmed_at=None, status=Inquiry.Status.UNCONFIRMED)
        inquiry.set_status(Inquiry.Status.OPEN, by=None)
        client.force_login(english_staff())
        html = client.get(f"/admin/inquiry/inspect/{inquiry.pk}/").content.decode()
        assert "Waiting for e-mail confirmation → Open" in html

    def test_members_do_not_see_unconfirmed_inquiries(self, client, shop):
        """Until the buyer confirms, the inquiry is 404 for the supplier's members."""
        unconfirmed = InquiryFactory(company=shop.supplier, email_confirmed_at=None, status="unconfirmed")
        client.force_login(shop.member)
        assert client.get(f"/en/inbox/{unconfirmed.pk}/").status_code == 404

    def test_the_admin_listing_reads_supplier_and_product_with_the_inquiries(self, client, shop, inquiry):
        """The number of queries does not grow with the inquiries listed (no query per row)."""
        client.force_login(english_staff())
        client.get("/admin/inquiry/")
        with CaptureQueriesContext(connection) as one:
            client.get("/admin/inquiry/")
        InquiryFactory.create_batch(4, company=shop.supplier, product=shop.cake)
        with CaptureQueriesContext(connection) as five:
            client.get("/admin/inquiry/")
        assert len(five) == len(one)

    def test_non_staff_cannot_open_the_admin_listing(self, client, shop, inquiry):
        """A supplier member without admin access cannot open the staff listing."""
        client.force_login(shop.member)
        response = client.get("/admin/inquiry/")
        assert response.status_code in (302, 403)


class TestOverdueFlag:
    def test_admin_and_inbox_flag_inquiries_unanswered_for_three_working_days(self, client, shop):
        """Confirmed a week ago and unanswered: flagged; confirmed an hour ago: not flagged."""
        InquiryFactory(
            company=shop.supplier,
            buyer_name="Old Buyer",
            email_confirmed_at=timezone.now() - datetime.timedelta(days=7),
        )
        InquiryFactory(company=shop.supplier, buyer_name="New Buyer")
        client.force_login(english_staff())
        html = client.get("/admin/inquiry/").content.decode()
        assert html.count("Unanswered for 3 working days") == 1
        client.force_login(shop.member)
        rows = client.get("/en/inbox/").content.decode().split("<tr>")
        flagged = [row for row in rows if "Unanswered for 3 working days" in row]
        assert len(flagged) == 1 and "Old Buyer" in flagged[0]
