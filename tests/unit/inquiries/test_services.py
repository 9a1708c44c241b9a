"""The inquiry services: who may write, what is refused, and that nothing is half-saved."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation

from catalog.inquiries import services as inquiry_services
from catalog.inquiries.models import Inquiry, InquiryError, InquiryMessage
from catalog.showcase.models import ShowcaseError
from tests.factories.accounts import StaffFactory
from tests.factories.companies import CompanyFactory, MembershipFactory
from tests.factories.inquiries import InquiryFactory, InquiryMessageFactory
from tests.factories.showcase import ProductFactory, VerifiedCompanyFactory, live_product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def product():
    return live_product()


def submit(**overrides):
    arguments = {
        "buyer_name": "Siti Aminah",
        "buyer_company": "KL Foods Sdn Bhd",
        "country": "MY",
        "email": "siti@example.com.my",
        "quantity": 200,
        "target_price_twd": None,
        "incoterm": "",
        "message": "Is this halal certified?",
        "consent": True,
        "language": "ms",
        "ip_address": "198.51.100.7",
    }
    arguments.update(overrides)
    return inquiry_services.inquiry_submit(**arguments)


class TestSubmit:
    def test_stores_an_unconfirmed_inquiry_and_mails_the_buyer_after_commit(
        self, product, django_capture_on_commit_callbacks
    ):
        """The inquiry waits for confirmation; the buyer (not the supplier) gets one e-mail; the IP is hashed."""
        with django_capture_on_commit_callbacks(execute=True):
            inquiry = submit(company=product.company, product=product)
        assert inquiry.status == Inquiry.Status.UNCONFIRMED and inquiry.email_confirmed_at is None
        assert inquiry.ip_hash and "198.51.100.7" not in inquiry.ip_hash
        assert [m.to for m in mail.outbox] == [["siti@example.com.my"]]
        assert f"/ms/inbox/confirm/{inquiry.confirmation_token}/" in mail.outbox[0].body

    @pytest.mark.parametrize(
        "case",
        ["no_consent", "url_stuffed", "draft_product", "unverified_supplier", "product_of_another_company"],
    )
    def test_refusals_save_nothing(self, product, case, django_capture_on_commit_callbacks):
        """Each refusal raises ShowcaseError with a message, stores nothing and sends nothing."""
        arguments = {"company": product.company, "product": product}
        if case == "no_consent":
            arguments["consent"] = False
        elif case == "url_stuffed":
            arguments["message"] = "http://a.example http://b.example http://c.example"
        elif case == "draft_product":
            arguments["product"] = ProductFactory(company=product.company)
        elif case == "unverified_supplier":
            company = CompanyFactory()
            arguments = {"company": company, "product": live_product(company=company)}
        elif case == "product_of_another_company":
            arguments["company"] = live_product(company=VerifiedCompanyFactory()).company
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(ShowcaseError) as error:
            submit(**arguments)
        assert str(error.value)
        assert Inquiry.objects.count() == 0 and mail.outbox == []

    def test_rate_limited_is_its_own_error(self, product):
        for _ in range(5):
            submit(company=product.company, product=product, email="a@example.com")
        with pytest.raises(inquiry_services.InquiryRateLimited):
            submit(company=product.company, product=product, email="b@example.com")
        assert Inquiry.objects.count() == 5


class TestConfirm:
    def test_confirm_opens_the_inquiry_and_mails_every_member(self, product, django_capture_on_commit_callbacks):
        owner = MembershipFactory(company=product.company, role="owner").user
        member = MembershipFactory(company=product.company).user
        inquiry = submit(company=product.company, product=product)
        with django_capture_on_commit_callbacks(execute=True):
            inquiry_services.inquiry_confirm(token=inquiry.confirmation_token)
        inquiry.refresh_from_db()
        assert inquiry.status == Inquiry.Status.OPEN
        assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, member.email])

    def test_unknown_token_is_refused(self):
        with pytest.raises(ShowcaseError):
            inquiry_services.inquiry_confirm(token="nope")

    def test_confirming_is_recorded_as_nobody_and_only_once(self, product, django_capture_on_commit_callbacks):
        """The buyer has no account: the move unconfirmed → open is recorded with no user. A second click is
        refused ("already confirmed"), writes nothing and tells nobody again."""
        MembershipFactory(company=product.company)
        inquiry = submit(company=product.company, product=product)
        with django_capture_on_commit_callbacks(execute=True):
            inquiry_services.inquiry_confirm(token=inquiry.confirmation_token)
        change = inquiry.history.get()
        assert (change.changed_by, change.from_status, change.to_status) == (None, "unconfirmed", "open")
        inquiry.refresh_from_db()
        assert inquiry.email_confirmed_at == change.created_at
        mail.outbox.clear()
        with (
            translation.override("en"),
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(InquiryError, match="already confirmed"),
        ):
            inquiry_services.inquiry_confirm(token=inquiry.confirmation_token)
        assert mail.outbox == []
        assert inquiry.history.count() == 1


class TestReplies:
    def test_supplier_reply_records_the_first_reply_once(self, django_capture_on_commit_callbacks):
        """The first reply sets first_replied_at; a second keeps it; each e-mails the buyer a reply link."""
        inquiry = InquiryFactory()
        member = MembershipFactory(company=inquiry.company).user
        with django_capture_on_commit_callbacks(execute=True):
            first = inquiry_services.inquiry_reply_by_supplier(inquiry=inquiry, user=member, body="Yes, halal.")
        inquiry.refresh_from_db()
        first_replied_at = inquiry.first_replied_at
        assert first_replied_at and inquiry.status == Inquiry.Status.ANSWERED
        with django_capture_on_commit_callbacks(execute=True):
            inquiry_services.inquiry_reply_by_supplier(inquiry=inquiry, user=member, body="Certificate attached.")
        inquiry.refresh_from_db()
        assert inquiry.first_replied_at == first_replied_at
        assert [m.to for m in mail.outbox] == [[inquiry.email], [inquiry.email]]
        assert f"/inbox/reply/{first.reply_token}/" in mail.outbox[0].body

    def test_only_the_first_supplier_reply_moves_the_status(self):
        """The first reply moves open → answered, recorded as the member's, at the reply's time; later replies
        add messages but no history."""
        inquiry = InquiryFactory()
        member = MembershipFactory(company=inquiry.company).user
        first = inquiry_services.inquiry_reply_by_supplier(inquiry=inquiry, user=member, body="Yes, halal.")
        inquiry_services.inquiry_reply_by_supplier(inquiry=inquiry, user=member, body="Certificate attached.")
        inquiry.refresh_from_db()
        change = inquiry.history.get()
        assert (change.changed_by, change.from_status, change.to_status) == (member, "open", "answered")
        assert inquiry.first_replied_at == change.created_at == first.created_at
        assert inquiry.messages.count() == 2

    def test_a_closed_inquiry_cannot_be_answered(self):
        """The supplier's reply to a closed inquiry is refused by the status machine; no message is stored."""
        inquiry = InquiryFactory(status="closed")
        member = MembershipFactory(company=inquiry.company).user
        with translation.override("en"), pytest.raises(InquiryError, match="cannot be answered"):
            inquiry_services.inquiry_reply_by_supplier(inquiry=inquiry, user=member, body="Hi")
        assert InquiryMessage.objects.count() == 0
        assert not inquiry.history.exists()

    @pytest.mark.parametrize("who", ["other_company_member", "staff_not_member"])
    def test_only_members_may_reply(self, who):
        inquiry = InquiryFactory()
        user = MembershipFactory().user if who == "other_company_member" else StaffFactory()
        with pytest.raises(ShowcaseError):
            inquiry_services.inquiry_reply_by_supplier(inquiry=inquiry, user=user, body="Hi")
        assert InquiryMessage.objects.count() == 0

    def test_unconfirmed_inquiry_cannot_be_answered(self):
        inquiry = InquiryFactory(email_confirmed_at=None, status="unconfirmed")
        member = MembershipFactory(company=inquiry.company).user
        with pytest.raises(ShowcaseError):
            inquiry_services.inquiry_reply_by_supplier(inquiry=inquiry, user=member, body="Hi")
        assert InquiryMessage.objects.count() == 0

    def test_buyer_reply_by_token_mails_the_members(self, django_capture_on_commit_callbacks):
        supplier_message = InquiryMessageFactory()
        member = MembershipFactory(company=supplier_message.inquiry.company).user
        with django_capture_on_commit_callbacks(execute=True):
            reply = inquiry_services.inquiry_reply_by_buyer(reply_token=supplier_message.reply_token, body="Thanks")
        assert reply.author_kind == InquiryMessage.Author.BUYER and reply.author is None
        assert [m.to for m in mail.outbox] == [[member.email]]
        assert not supplier_message.inquiry.history.exists(), "a buyer's reply does not move the status"

    def test_buyer_cannot_reply_to_a_closed_inquiry_or_with_a_bad_token(self):
        supplier_message = InquiryMessageFactory(inquiry__status="closed")
        with pytest.raises(ShowcaseError):
            inquiry_services.inquiry_reply_by_buyer(reply_token=supplier_message.reply_token, body="Hello?")
        with pytest.raises(ShowcaseError):
            inquiry_services.inquiry_reply_by_buyer(reply_token="forged", body="Hello?")
        assert InquiryMessage.objects.filter(author_kind="buyer").count() == 0
