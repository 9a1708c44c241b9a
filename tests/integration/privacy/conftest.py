"""A person with data in every app, for the export and erasure tests."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.users.models import UserProfile

from coaching.models import Application, ApplicationDocument
from tests.factories.accounts import UserFactory
from tests.factories.coaching import ApplicationFactory, submitted
from tests.factories.companies import InvitationFactory, MembershipFactory, OwnerFactory
from tests.factories.inquiries import InquiryFactory, InquiryMessageFactory
from tests.factories.orders import PaidSampleOrderFactory, SampleOrderFactory
from tests.factories.solutions import ConsultationRequestFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _english():
    """Services and e-mails speak the active language; these tests read their messages in English."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The mailed-link form counts requests in the cache: every test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


def privacy_desk_user(*codenames):
    """Bureau staff who are not superusers: admin access plus the given ``privacy`` permissions."""
    user = UserFactory(is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save(update_fields=["preferred_language"])
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="privacy", codename=codename))
    return user


@pytest.fixture
def person(db):
    """Mei: a member (not the last owner) of a company, with a decided application (with a document), a
    draft, a consultation request, an inquiry she sent as a buyer (with a reply), an unconfirmed one, a
    delivered paid sample order, an unpaid one and a pending invitation to another company."""
    user = UserFactory(email="mei@example.com", first_name="Mei", last_name="Lin")
    membership = MembershipFactory(user=user)
    OwnerFactory(company=membership.company)
    decided = submitted(
        status=Application.Status.ACCEPTED, company=membership.company, created_by=user, contact_email=user.email
    )
    document = ApplicationDocument(
        application=decided, original_name="business-plan.pdf", content_type="application/pdf", size=len(PDF)
    )
    document.file.save("plan.pdf", ContentFile(PDF), save=False)
    document.save()
    draft = ApplicationFactory(company=membership.company, created_by=user)
    consultation = ConsultationRequestFactory(company=membership.company, requested_by=user)
    inquiry = InquiryFactory(email="MEI@example.com", buyer_name="Lin Mei", message="Please quote 200 boxes.")
    buyer_message = InquiryMessageFactory(inquiry=inquiry, author_kind="buyer", body="Mei here, my phone is 0912.")
    supplier_reply = InquiryMessageFactory(inquiry=inquiry, author_kind="supplier", body="Our price is TWD 400.")
    unconfirmed = InquiryFactory(email=user.email, status="unconfirmed", email_confirmed_at=None)
    paid_order = PaidSampleOrderFactory(buyer_email=user.email, buyer_name="Lin Mei", status="delivered")
    unpaid_order = SampleOrderFactory(buyer_email=user.email, buyer_name="Lin Mei")
    invitation = InvitationFactory(email=user.email)
    return SimpleNamespace(
        user=user,
        membership=membership,
        decided=decided,
        document=document,
        draft=draft,
        consultation=consultation,
        inquiry=inquiry,
        buyer_message=buyer_message,
        supplier_reply=supplier_reply,
        unconfirmed=unconfirmed,
        paid_order=paid_order,
        unpaid_order=unpaid_order,
        invitation=invitation,
    )
