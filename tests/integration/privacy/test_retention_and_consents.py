"""Retention periods enforced by `manage.py privacy_retention`, and consents recorded per notice version."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from catalog.inquiries.models import Inquiry
from catalog.inquiries.services import inquiry_submit
from catalog.orders.services import order_create
from portal import personal_data
from privacy import services
from privacy.models import Consent, ConsentText, DataRequest
from privacy.privacy import HOLDER as privacy_holder
from tests.factories.accounts import UserFactory
from tests.factories.inquiries import InquiryFactory, build_showcase
from tests.factories.orders import sample_product

pytestmark = pytest.mark.django_db


def run_retention():
    out = io.StringIO()
    call_command("privacy_retention", stdout=out)
    return out.getvalue()


def test_retention_removes_what_is_past_its_period_and_can_run_again(db):
    """Unconfirmed inquiries after 30 days, unconfirmed mailed-link requests after 2 days, copies not
    downloaded after their week, closed requests after 5 years; newer ones stay; a second run removes
    nothing more. Each rule prints its progress."""
    now = timezone.now()
    old_inquiry = InquiryFactory(
        status="unconfirmed", email_confirmed_at=None, created_at=now - datetime.timedelta(days=31)
    )
    new_inquiry = InquiryFactory(
        status="unconfirmed", email_confirmed_at=None, created_at=now - datetime.timedelta(days=5)
    )
    confirmed_old = InquiryFactory(created_at=now - datetime.timedelta(days=400))
    DataRequest.objects.create(
        kind="export", email="a@example.com", status="unconfirmed", created_at=now - datetime.timedelta(days=3)
    )
    fresh_link = DataRequest.objects.create(kind="export", email="b@example.com", status="unconfirmed")
    stale_copy = DataRequest.objects.create(
        kind="export", email="c@example.com", status="ready", expires_at=now - datetime.timedelta(hours=1)
    )
    stale_copy.file.save("old.zip", ContentFile(b"PK"), save=True)
    storage, name = stale_copy.file.storage, stale_copy.file.name
    DataRequest.objects.create(
        kind="erasure", email="d@example.com", status="completed", closed_at=now - datetime.timedelta(days=5 * 365 + 1)
    )

    output = run_retention()

    assert "unconfirmed_inquiries (kept 30 days): 1 removed" in output
    assert "Retention applied: 4 removed in all." in output
    assert not Inquiry.objects.filter(pk=old_inquiry.pk).exists()
    assert Inquiry.objects.filter(pk__in=[new_inquiry.pk, confirmed_old.pk]).count() == 2
    assert DataRequest.objects.filter(pk=fresh_link.pk).exists()
    stale_copy.refresh_from_db()
    assert stale_copy.status == "expired" and not stale_copy.file and not storage.exists(name)
    assert not DataRequest.objects.filter(email="d@example.com").exists()
    assert "Retention applied: 0 removed in all." in run_retention()


def test_every_declared_rule_is_on_the_privacy_page(client, db):
    """The periods people read are the ones the command enforces: each rule's text is on the page."""
    content = client.get("/en/privacy/").content.decode()
    for rule in personal_data.retention_rules():
        assert str(rule.description) in content


def test_consents_record_the_version_in_force_per_form(db, django_capture_on_commit_callbacks):
    """An inquiry records the notice version in force when it was sent; after a new version, the next
    one records the new version and the earlier consent keeps the old one."""
    first = ConsentText.objects.get(version="2026-12")
    personal_data.consent_given.send(
        sender=None, purpose="inquiry", email="Buyer@Example.co.th", user=None, language="th"
    )
    newer = ConsentText.objects.create(version="2027-03", published_at=timezone.now(), summary="Longer retention")
    personal_data.consent_given.send(sender=None, purpose="sample_order", email="buyer@example.co.th", language="th")
    earlier, later = Consent.objects.order_by("pk")
    assert (earlier.text, earlier.purpose, earlier.email) == (first, "inquiry", "buyer@example.co.th")
    assert (later.text, later.purpose) == (newer, "sample_order")


def test_a_version_published_later_is_not_yet_in_force(db):
    """A version dated in the future does not count until its date."""
    ConsentText.objects.create(version="2099-01", published_at=timezone.now() + datetime.timedelta(days=30))
    assert services.current_notice().version == "2026-12"


def test_sign_up_records_consent(client, db):
    """Signing up through allauth records the sign-up consent of the new account."""
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "new-user@example.com",
            "password1": "a-long-test-password-2026",
            "password2": "a-long-test-password-2026",
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.purpose == "signup" and consent.user.email == "new-user@example.com"
    assert consent.text.version == "2026-12"


def test_the_sign_up_page_links_to_the_notice_version(client, db):
    """People see the version of the notice they accept before they sign up."""
    content = client.get("/en/accounts/signup/").content.decode()
    assert "/en/privacy/" in content and "version 2026-12" in content


def test_the_notice_line_is_inside_the_sign_up_form_above_its_button(client, db):
    """The line naming the notice stands between the last field and the "Sign up" button, where people read
    it before they press, and the login form has none."""
    form = account_form(client, "signup")
    assert form.index('name="password1"') < form.index("/en/privacy/") < form.index('type="submit"')
    assert "/en/privacy/" not in account_form(client, "login")


def account_form(client, name):
    content = client.get(f"/en/accounts/{name}/").content.decode()
    start = content.index(f'action="/en/accounts/{name}/"')
    return content[start : content.index("</form>", start)]


def test_consent_erased_with_the_person_keeps_the_version(db):
    """After erasure a consent keeps its form, version and time, not the address."""
    user = UserFactory(email="gone@example.com")
    personal_data.consent_given.send(sender=None, purpose="signup", email=user.email, user=user, language="en")
    privacy_holder.erase(personal_data.Subject(email=user.email, user=user))
    consent = Consent.objects.get()
    assert consent.email == "" and consent.text.version == "2026-12"


def test_an_inquiry_and_a_sample_order_record_their_consent(db):
    """The inquiry form's agreement and the placing of a sample order each record the version in force."""
    showcase = build_showcase()
    inquiry_submit(
        company=showcase.supplier,
        product=showcase.cake,
        buyer_name="Somchai",
        country="TH",
        email="somchai@example.co.th",
        message="Please quote 500 boxes.",
        consent=True,
        language="th",
    )
    product = sample_product(company=showcase.supplier)
    order_create(
        company=showcase.supplier,
        lines=[(product, 1)],
        buyer_name="Somchai",
        buyer_company="Bangkok Fine Foods",
        buyer_email="somchai@example.co.th",
        shipping_address="99 Sukhumvit Road, Bangkok",
        country="TH",
        currency="TWD",
        language="th",
    )
    assert sorted(Consent.objects.values_list("purpose", "email", "language", "text__version")) == [
        ("inquiry", "somchai@example.co.th", "th", "2026-12"),
        ("sample_order", "somchai@example.co.th", "th", "2026-12"),
    ]
