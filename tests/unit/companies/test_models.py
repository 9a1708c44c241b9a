"""Invitation.set_status is the one guarded way an invitation changes state."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.companies.models import Invitation, InvitationError
from tests.factories.companies import CompanyFactory, InvitationFactory

pytestmark = pytest.mark.django_db


def test_new_invitation_is_pending_for_fourteen_days():
    """A fresh invitation is pending, has a long random token and expires in 14 days."""
    invitation = InvitationFactory()
    assert invitation.status == Invitation.Status.PENDING
    assert len(invitation.token) >= 40
    assert timedelta(days=13, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=14)


@pytest.mark.parametrize("new_status", [Invitation.Status.ACCEPTED, Invitation.Status.REVOKED])
def test_pending_invitation_can_be_accepted_or_revoked(new_status):
    """Either answer stamps responded_at and is recorded in the history."""
    invitation = InvitationFactory()
    invitation.set_status(new_status, by=None)
    invitation.refresh_from_db()
    assert invitation.status == new_status
    assert invitation.responded_at is not None
    assert [(c.from_status, c.to_status) for c in invitation.history.all()] == [("pending", new_status)]


@pytest.mark.parametrize(
    ("status", "message"),
    [(Invitation.Status.ACCEPTED, "already been accepted"), (Invitation.Status.REVOKED, "withdrawn")],
)
@pytest.mark.parametrize("new_status", [Invitation.Status.ACCEPTED, Invitation.Status.REVOKED])
def test_answered_invitation_cannot_change(status, message, new_status):
    """Accepted and revoked invitations are final; the error says which case it is."""
    invitation = InvitationFactory(status=status)
    with pytest.raises(InvitationError, match=message):
        invitation.set_status(new_status, by=None)


def test_expired_invitation_cannot_be_accepted_but_can_be_revoked():
    """Expiry is a guard on accepting only."""
    invitation = InvitationFactory(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(InvitationError, match="expired"):
        invitation.set_status(Invitation.Status.ACCEPTED, by=None)
    invitation.set_status(Invitation.Status.REVOKED, by=None)
    assert invitation.status == Invitation.Status.REVOKED


def test_back_to_pending_is_not_allowed():
    """Pending → pending is not a move; nothing is stamped."""
    invitation = InvitationFactory()
    with pytest.raises(InvitationError):
        invitation.set_status(Invitation.Status.PENDING, by=None)
    invitation.refresh_from_db()
    assert invitation.responded_at is None


def test_target_markets_display_and_display_name():
    """Labels follow the chosen order; English readers get the English name when there is one."""
    company = CompanyFactory(target_markets=["VN", "TH"], name_zh="台北好物", name_en="Taipei Goods")
    assert [str(label) for label in company.get_target_markets_display()] == ["Vietnam", "Thailand"]
    assert company.display_name("en") == "Taipei Goods"
    assert company.display_name("zh-hant") == "台北好物"
    assert CompanyFactory(name_en="").display_name("en").startswith("測試公司")
