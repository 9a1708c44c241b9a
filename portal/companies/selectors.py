"""Permission-scoped reads: a user only ever reaches the companies they belong to."""

from allauth.account.models import EmailAddress
from django.shortcuts import get_object_or_404

from .models import Company, Invitation, Membership


def companies_for_user(user):
    """The companies the user is a member of (none for anonymous users)."""
    return Company.objects.for_user(user)


def company_for_member(*, user, pk) -> Company:
    """One of the user's companies, or 404 — other companies' existence is never revealed."""
    return get_object_or_404(companies_for_user(user), pk=pk)


def membership_for(*, company: Company, user) -> Membership:
    return Membership.objects.get(company=company, user=user)


def company_members(*, company: Company):
    return company.memberships.select_related("user").order_by("role", "user__email")


def company_pending_invitations(*, company: Company):
    return company.invitations.filter(status=Invitation.Status.PENDING).select_related("invited_by")


def invitation_in_company(*, company: Company, pk) -> Invitation:
    return get_object_or_404(Invitation, company=company, pk=pk)


def membership_in_company(*, company: Company, pk) -> Membership:
    return get_object_or_404(Membership.objects.select_related("user", "company"), company=company, pk=pk)


def invitation_by_token(*, token: str) -> Invitation:
    return get_object_or_404(Invitation.objects.select_related("company", "invited_by"), token=token)


def invitation_is_addressed_to(*, invitation: Invitation, user) -> bool:
    """True when one of the user's verified e-mail addresses is the invited one (case-insensitive).

    Only then may the page show the invited address and who sent the invitation: a link forwarded or
    leaked to someone else reveals neither.
    """
    if not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=invitation.email, verified=True).exists()
