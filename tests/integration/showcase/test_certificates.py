"""The certificate wallet over time: products show only valid certificates; the daily task reminds once."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from catalog.showcase.models import Certificate, Product
from catalog.showcase.signals import product_changed
from catalog.showcase.tasks import certificates_daily
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import CertificateFactory, VerifiedCompanyFactory, live_product

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 1)


@pytest.fixture
def company():
    company = VerifiedCompanyFactory()
    MembershipFactory(company=company, user__email="owner@example.com")
    return company


@pytest.fixture
def halal(company):
    return CertificateFactory(
        company=company, valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2027, 3, 31)
    )


@pytest.fixture
def product(company, halal):
    product = live_product(company=company)
    Product.certificates.through.objects.create(product=product, certificate=halal)
    return product


def test_valid_on_includes_both_ends(halal):
    """A certificate is valid from its first to its last day, inclusive."""
    assert Certificate.objects.valid_on(datetime.date(2027, 3, 31)).filter(pk=halal.pk).exists()
    assert not Certificate.objects.valid_on(datetime.date(2027, 4, 1)).exists()
    assert not Certificate.objects.valid_on(datetime.date(2025, 12, 31)).exists()


def test_product_hides_the_certificate_after_expiry(product, halal):
    """Time travel: the product shows the certificate on its last day and not the day after."""
    assert list(product.valid_certificates(datetime.date(2027, 3, 31))) == [halal]
    assert list(product.valid_certificates(datetime.date(2027, 4, 1))) == []
    assert Product.objects.with_valid_certificate("HALAL", datetime.date(2027, 4, 1)).count() == 0


def test_reminder_30_days_before_expiry_only_once(company, halal, django_capture_on_commit_callbacks):
    """On the 30th day before expiry the company is e-mailed once; later runs send nothing more."""
    with django_capture_on_commit_callbacks(execute=True):
        certificates_daily.call(today="2027-02-27")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        result = certificates_daily.call(today="2027-03-01")
    assert result == {"reminded": 1}
    assert mail.outbox[0].to == ["owner@example.com"]
    assert halal.number in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        certificates_daily.call(today="2027-03-02")
    assert len(mail.outbox) == 1
    halal.refresh_from_db()
    assert halal.reminder_sent_at is not None


def test_expiry_announces_the_affected_products(product, halal, django_capture_on_commit_callbacks):
    """The day after expiry the task sends product_changed for products carrying the certificate."""
    received = []
    product_changed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-cert")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            certificates_daily.call(today="2027-03-31")
        assert received == []
        with django_capture_on_commit_callbacks(execute=True):
            certificates_daily.call(today="2027-04-01")
    finally:
        product_changed.disconnect(dispatch_uid="t-cert")
    assert [(r["product_id"], r["reason"]) for r in received] == [(product.pk, "certificate_expired")]


def test_command_runs_the_task_for_a_date(company, halal, django_capture_on_commit_callbacks):
    """`certificates_daily --date` runs the check as of that day."""
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("certificates_daily", "--date=2027-03-05", stdout=out)
    assert "1 reminder(s) sent." in out.getvalue()
    assert len(mail.outbox) == 1


def test_command_defaults_to_today(company):
    """Without --date the command uses today's date; a certificate far from expiry gets no reminder."""
    CertificateFactory(company=company, valid_until=timezone.localdate() + datetime.timedelta(days=200))
    out = io.StringIO()
    call_command("certificates_daily", stdout=out)
    assert "0 reminder(s) sent." in out.getvalue()
