"""Erasure: the person's data is erased or anonymised per record type; what the law keeps stays without them;
the last owner of a company and a second open request are refused with a clear message."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from wagtail.models import ModelLogEntry

from catalog.inquiries.models import Inquiry
from catalog.orders.models import SampleOrder
from coaching.models import Application
from payments.models import Payment
from portal.companies.models import Invitation, Membership
from privacy import services
from privacy.models import DataRequest, PrivacyError
from tests.factories.accounts import StaffFactory
from tests.factories.companies import OwnerFactory
from tests.factories.orders import PaidSampleOrderFactory

pytestmark = pytest.mark.django_db


def erase(user, staff, callbacks):
    with callbacks(execute=True):
        data_request = services.erasure_request(user=user, language="en")
        services.erasure_approve(data_request=data_request, by=staff)
        services.erasure_complete(data_request=data_request, by=staff)
    data_request.refresh_from_db()
    return data_request


def test_erasure_result_per_record_type(person, django_capture_on_commit_callbacks):
    """Account anonymised and closed; memberships and invitations gone; the draft gone, the decided
    application kept for the company without contact person; inquiries kept without name, address or the
    buyer's words (the unconfirmed one deleted), the supplier's reply kept; orders and payments kept without
    the buyer; audit entries kept."""
    staff = StaffFactory()
    user_pk = person.user.pk
    data_request = erase(person.user, staff, django_capture_on_commit_callbacks)
    assert data_request.status == DataRequest.Status.COMPLETED
    assert "mei" not in data_request.email

    person.user.refresh_from_db()
    assert person.user.email == f"erased-user-{user_pk}@erased.invalid"
    assert (person.user.first_name, person.user.last_name, person.user.is_active) == ("", "", False)
    assert not person.user.has_usable_password()
    assert not EmailAddress.objects.filter(user_id=user_pk).exists()

    assert not Membership.objects.filter(user_id=user_pk).exists()
    assert Membership.objects.filter(company=person.membership.company).exists()  # the company keeps its owner
    assert not Invitation.objects.filter(pk=person.invitation.pk).exists()

    assert not Application.objects.filter(pk=person.draft.pk).exists()
    person.decided.refresh_from_db()
    assert person.decided.status == Application.Status.ACCEPTED
    assert person.decided.created_by is None
    assert (person.decided.contact_name, person.decided.contact_email, person.decided.contact_phone) == ("", "", "")
    assert person.decided.answers  # the company's answers stay with the company
    assert person.decided.documents.count() == 1

    person.consultation.refresh_from_db()
    assert person.consultation.requested_by is None and person.consultation.company == person.membership.company

    assert not Inquiry.objects.filter(pk=person.unconfirmed.pk).exists()
    person.inquiry.refresh_from_db()
    assert person.inquiry.buyer_name == "—" and person.inquiry.message == "—"
    assert person.inquiry.email.endswith("@erased.invalid")
    person.buyer_message.refresh_from_db()
    person.supplier_reply.refresh_from_db()
    assert person.buyer_message.body == "—"
    assert person.supplier_reply.body == "Our price is TWD 400."

    for order in SampleOrder.objects.filter(pk__in=[person.paid_order.pk, person.unpaid_order.pk]):
        assert order.buyer_name == "—" and order.buyer_phone == "" and order.shipping_address == "—"
        assert order.buyer_email.endswith("@erased.invalid")
        assert order.amount_minor == 150000 and order.items.count() == 1
    payment = Payment.objects.get(object_id=person.paid_order.pk)
    assert payment.customer_email == "" and payment.status == "paid"

    assert ModelLogEntry.objects.filter(object_id=str(data_request.pk), action="privacy.erasure_completed").exists()
    assert data_request.outcome["applications"] == {"erased": 1, "kept": 1}
    assert data_request.outcome["inquiries"] == {"erased": 1, "kept": 1}
    assert mail.outbox[-1].to == ["mei@example.com"]


def test_the_last_owner_of_a_company_is_refused(person):
    """The only owner of a company cannot ask for erasure: the message says to transfer ownership first,
    and no request is saved."""
    OwnerFactory(user=person.user, company__name_zh="阿里山茶行")
    with pytest.raises(PrivacyError, match="last owner of 阿里山茶行"):
        services.erasure_request(user=person.user, language="zh-hant")
    assert not DataRequest.objects.exists()


def test_an_owner_beside_another_owner_may_ask(person):
    """With a second owner the company is not left without one: the request is taken."""
    owned = OwnerFactory(user=person.user)
    OwnerFactory(company=owned.company)
    assert services.erasure_request(user=person.user, language="en").status == DataRequest.Status.REQUESTED


def test_a_last_owner_found_at_completion_stops_the_erasure(person):
    """Someone who became a company's last owner after asking: staff cannot carry out the erasure yet."""
    staff = StaffFactory()
    data_request = services.erasure_request(user=person.user, language="en")
    services.erasure_approve(data_request=data_request, by=staff)
    OwnerFactory(user=person.user)
    with pytest.raises(PrivacyError, match="last owner"):
        services.erasure_complete(data_request=data_request, by=staff)
    person.user.refresh_from_db()
    assert person.user.email == "mei@example.com"


def test_a_second_request_while_one_is_open_is_refused(person):
    """A second erasure request while the first is requested or approved: refused, one request stays."""
    staff = StaffFactory()
    first = services.erasure_request(user=person.user, language="en")
    with pytest.raises(PrivacyError, match="already asked for erasure"):
        services.erasure_request(user=person.user, language="en")
    services.erasure_approve(data_request=first, by=staff)
    with pytest.raises(PrivacyError, match="already asked for erasure"):
        services.erasure_request(user=person.user, language="en")
    assert DataRequest.objects.count() == 1


def test_an_order_paid_and_not_shipped_stops_the_erasure(person):
    """The supplier still needs the address of a paid order that has not shipped: refused, with its reference."""
    waiting = PaidSampleOrderFactory(buyer_email=person.user.email)
    with pytest.raises(PrivacyError, match=waiting.reference):
        services.erasure_request(user=person.user, language="en")


def test_a_refusal_needs_a_reason_and_tells_the_person(person, django_capture_on_commit_callbacks):
    """Staff who refuse must say why; the person gets the reason by e-mail; the refusal is audited."""
    staff = StaffFactory()
    data_request = services.erasure_request(user=person.user, language="en")
    with pytest.raises(PrivacyError, match="Say why"):
        services.erasure_refuse(data_request=data_request, by=staff, note="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.erasure_refuse(data_request=data_request, by=staff, note="Your contract with us is still running.")
    data_request.refresh_from_db()
    assert data_request.status == DataRequest.Status.REFUSED
    assert "Your contract with us is still running." in mail.outbox[-1].body
    assert ModelLogEntry.objects.filter(object_id=str(data_request.pk), action="privacy.erasure_refused").exists()


def test_an_erasure_cannot_be_carried_out_before_approval(person):
    """Complete before approve: refused, nothing erased."""
    data_request = services.erasure_request(user=person.user, language="en")
    with pytest.raises(PrivacyError, match="approved"):
        services.erasure_complete(data_request=data_request, by=StaffFactory())
    person.user.refresh_from_db()
    assert person.user.is_active
