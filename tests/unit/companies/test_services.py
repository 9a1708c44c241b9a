"""Company services: every write is atomic, refusals leave nothing behind, e-mails go out after commit."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.companies import services
from portal.companies.models import Company, CompanyError, Invitation, InvitationError, Membership
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import CompanyFactory, InvitationFactory, MembershipFactory, OwnerFactory

pytestmark = pytest.mark.django_db

DETAILS = {
    "name_zh": "好物股份有限公司",
    "name_en": "Good Things Co.",
    "address": "臺北市信義區市府路1號",
    "district": "xinyi",
    "industry": "food",
    "website": "",
    "target_markets": ["TH"],
    "ecommerce_maturity": "none",
}
BASE_URL = "https://portal.example/"


def test_register_makes_the_registrant_owner():
    user = UserFactory()
    company = services.company_register(user=user, ubn="04595257", **DETAILS)
    assert company.ubn == "04595257"
    assert Membership.objects.get(company=company, user=user).role == Membership.Role.OWNER
    assert not company.is_verified


def test_register_refuses_a_registered_ubn_and_saves_nothing():
    CompanyFactory(ubn="04595257")
    user = UserFactory()
    with pytest.raises(CompanyError, match="already registered"):
        services.company_register(user=user, ubn="04595257", **DETAILS)
    assert Company.objects.count() == 1
    assert not Membership.objects.filter(user=user).exists()


def test_register_refuses_an_invalid_ubn_and_saves_nothing():
    with pytest.raises(ValidationError):
        services.company_register(user=UserFactory(), ubn="04595258", **DETAILS)
    assert Company.objects.count() == 0
    assert Membership.objects.count() == 0


def test_update_by_owner_changes_details_not_ubn():
    owner = OwnerFactory()
    company = services.company_update(company=owner.company, by=owner.user, name_en="Renamed", district="daan")
    company.refresh_from_db()
    assert (company.name_en, company.district) == ("Renamed", "daan")
    with pytest.raises(TypeError):
        services.company_update(company=owner.company, by=owner.user, ubn="22099131")


def test_update_by_plain_member_is_refused():
    member = MembershipFactory()
    with pytest.raises(CompanyError):
        services.company_update(company=member.company, by=member.user, name_en="Hijacked")
    member.company.refresh_from_db()
    assert member.company.name_en != "Hijacked"


def test_verify_records_who_and_when():
    company = CompanyFactory()
    staff = StaffFactory()
    services.company_verify(company=company, by=staff)
    company.refresh_from_db()
    assert company.verified_by == staff
    assert timezone.now() - company.verified_at < timedelta(minutes=1)
    with pytest.raises(CompanyError, match="already verified"):
        services.company_verify(company=company, by=StaffFactory())
    company.refresh_from_db()
    assert company.verified_by == staff


def test_invitation_email_is_sent_after_commit(django_capture_on_commit_callbacks, mailoutbox):
    owner = OwnerFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitation = services.invitation_create(
            company=owner.company, email="colleague@example.com", invited_by=owner.user, base_url=BASE_URL
        )
    assert mailoutbox == []
    # The other callbacks start anew what is kept until public content changes (portal.versioned).
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["colleague@example.com"]
    assert f"https://portal.example/en/company/invitations/{invitation.token}/" in message.body
    assert owner.company.name_en in message.subject


def test_invitation_to_a_member_is_refused(django_capture_on_commit_callbacks, mailoutbox):
    owner = OwnerFactory()
    member = MembershipFactory(company=owner.company)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CompanyError, match="already a member"):
        services.invitation_create(
            company=owner.company, email=member.user.email.upper(), invited_by=owner.user, base_url=BASE_URL
        )
    assert Invitation.objects.count() == 0
    assert mailoutbox == []


def test_second_pending_invitation_is_refused_but_an_expired_one_is_replaced(django_capture_on_commit_callbacks):
    owner = OwnerFactory()
    first = InvitationFactory(company=owner.company, email="x@example.com")
    with pytest.raises(CompanyError, match="already has a pending invitation"):
        services.invitation_create(
            company=owner.company, email="X@example.com", invited_by=owner.user, base_url=BASE_URL
        )
    assert Invitation.objects.count() == 1
    first.expires_at = timezone.now() - timedelta(days=1)
    first.save()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.invitation_create(
            company=owner.company, email="x@example.com", invited_by=owner.user, base_url=BASE_URL
        )
    first.refresh_from_db()
    assert first.status == Invitation.Status.REVOKED
    assert second.status == Invitation.Status.PENDING


def test_only_owners_invite():
    member = MembershipFactory()
    with pytest.raises(CompanyError):
        services.invitation_create(
            company=member.company, email="x@example.com", invited_by=member.user, base_url=BASE_URL
        )
    assert Invitation.objects.count() == 0


def test_accept_adds_a_member():
    invitation = InvitationFactory()
    user = UserFactory(email=invitation.email)
    membership = services.invitation_accept(invitation=invitation, user=user)
    assert membership.role == Membership.Role.MEMBER
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED


def test_accept_matches_any_verified_address_case_insensitively():
    invitation = InvitationFactory(email="Work.Address@Example.com")
    user = UserFactory()
    EmailAddress.objects.create(user=user, email="work.address@example.com", verified=True, primary=False)
    services.invitation_accept(invitation=invitation, user=user)
    assert Membership.objects.filter(company=invitation.company, user=user).exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("expired", "expired"),
        ("revoked", "withdrawn"),
        ("accepted", "already been accepted"),
        ("wrong_email", "another e-mail address"),
        ("unverified_email", "another e-mail address"),
        ("already_member", "already a member"),
    ],
)
def test_accept_refusals_leave_nothing_behind(setup, message):
    """Each refusal has its own message; the invitation and the memberships stay exactly as they were."""
    invitation = InvitationFactory()
    user = UserFactory(email=invitation.email)
    if setup == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
    elif setup in ("revoked", "accepted"):
        invitation.status = setup
    elif setup == "wrong_email":
        user = UserFactory()
    elif setup == "unverified_email":
        EmailAddress.objects.filter(user=user).update(verified=False)
    elif setup == "already_member":
        MembershipFactory(company=invitation.company, user=user)
    invitation.save()
    memberships = Membership.objects.count()
    status = invitation.status

    with pytest.raises(InvitationError, match=message):
        services.invitation_accept(invitation=invitation, user=user)

    invitation.refresh_from_db()
    assert invitation.status == status
    assert invitation.responded_at is None
    assert Membership.objects.count() == memberships


def test_revoke_by_owner_and_not_by_member():
    owner = OwnerFactory()
    member = MembershipFactory(company=owner.company)
    invitation = InvitationFactory(company=owner.company)
    with pytest.raises(CompanyError):
        services.invitation_revoke(invitation=invitation, by=member.user)
    services.invitation_revoke(invitation=invitation, by=owner.user)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED


def test_remove_member_and_keep_the_last_owner():
    owner = OwnerFactory()
    member = MembershipFactory(company=owner.company)
    services.membership_remove(membership=member, by=owner.user)
    assert not Membership.objects.filter(pk=member.pk).exists()
    with pytest.raises(CompanyError, match="at least one owner"):
        services.membership_remove(membership=owner, by=owner.user)
    assert Membership.objects.filter(pk=owner.pk).exists()


def test_a_member_cannot_remove_anyone():
    owner = OwnerFactory()
    member = MembershipFactory(company=owner.company)
    with pytest.raises(CompanyError):
        services.membership_remove(membership=owner, by=member.user)
    assert Membership.objects.count() == 2
