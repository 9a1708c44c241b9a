"""Every write to companies, memberships and invitations (keyword-only, atomic, e-mails after commit)."""

from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal import audit

from . import selectors
from .models import Company, CompanyError, Invitation, InvitationError, Membership
from .tasks import send_verified_email

EDITABLE_FIELDS = (
    "name_zh",
    "name_en",
    "address",
    "district",
    "industry",
    "website",
    "target_markets",
    "ecommerce_maturity",
)


def _ubn_taken_error():
    return CompanyError(_("A company with this unified business number is already registered."))


@transaction.atomic
def company_register(*, user, ubn, **details) -> Company:
    """Create a company and make the registrant its owner; refuses a UBN that is already registered."""
    if Company.objects.filter(ubn=ubn).exists():
        raise _ubn_taken_error()
    unknown = set(details) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown company fields: {sorted(unknown)}")
    company = Company(ubn=ubn, **details)
    company.full_clean()
    try:
        with transaction.atomic():
            company.save()
    except IntegrityError as exc:
        raise _ubn_taken_error() from exc
    Membership.objects.create(company=company, user=user, role=Membership.Role.OWNER)
    return company


@transaction.atomic
def company_update(*, company: Company, by, **details) -> Company:
    """Owners change the company's details; the UBN and the verification stay as they are."""
    if not is_owner(company=company, user=by):
        raise CompanyError(_("Only the company's owners can change its details."))
    unknown = set(details) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown company fields: {sorted(unknown)}")
    for name, value in details.items():
        setattr(company, name, value)
    company.full_clean()
    company.save()
    return company


VERIFIED = "companies.verified"


@transaction.atomic
def company_verify(*, company: Company, by) -> Company:
    """Bureau staff confirm the company's registration; records who and when."""
    if company.is_verified:
        raise CompanyError(_("This company is already verified."))
    company.verified_at = timezone.now()
    company.verified_by = by
    company.save(update_fields=["verified_at", "verified_by", "updated_at"])
    audit.record(company, VERIFIED, by=by)
    transaction.on_commit(lambda: send_verified_email.enqueue(company_id=company.pk))
    return company


def is_owner(*, company: Company, user) -> bool:
    return Membership.objects.filter(company=company, user=user, role=Membership.Role.OWNER).exists()


def _is_member_email(*, company: Company, email: str) -> bool:
    return Membership.objects.filter(company=company, user__email__iexact=email).exists()


@transaction.atomic
def invitation_create(*, company: Company, email: str, invited_by, base_url: str) -> Invitation:
    """An owner invites a colleague by e-mail; the invitation e-mail is sent after commit.

    A pending invitation that has expired is revoked so a fresh one can be sent.
    """
    if not is_owner(company=company, user=invited_by):
        raise CompanyError(_("Only the company's owners can invite colleagues."))
    email = email.strip()
    if _is_member_email(company=company, email=email):
        raise CompanyError(_("%(email)s is already a member of this company.") % {"email": email})
    pending = Invitation.objects.select_for_update().filter(
        company=company, email__iexact=email, status=Invitation.Status.PENDING
    )
    for invitation in pending:
        if not invitation.is_expired:
            raise CompanyError(_("%(email)s already has a pending invitation.") % {"email": email})
        invitation.set_status(Invitation.Status.REVOKED, by=invited_by, note=_("Expired; a new invitation was sent."))
    invitation = Invitation.objects.create(company=company, email=email, invited_by=invited_by)
    accept_url = base_url.rstrip("/") + reverse("companies:invitation_accept", kwargs={"token": invitation.token})
    transaction.on_commit(
        partial(
            _send_invitation_email,
            invitation_id=invitation.pk,
            accept_url=accept_url,
            language=translation.get_language(),
        )
    )
    return invitation


def _send_invitation_email(*, invitation_id: int, accept_url: str, language: str) -> None:
    invitation = Invitation.objects.select_related("company", "invited_by").get(pk=invitation_id)
    context = {"invitation": invitation, "company": invitation.company, "accept_url": accept_url}
    with translation.override(language):
        context["company_name"] = invitation.company.display_name(language)
        subject = render_to_string("companies/emails/invitation_subject.txt", context).strip()
        body = render_to_string("companies/emails/invitation_message.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> Invitation:
    """An owner withdraws a pending invitation."""
    if not is_owner(company=invitation.company, user=by):
        raise CompanyError(_("Only the company's owners can withdraw invitations."))
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation.set_status(Invitation.Status.REVOKED, by=by)
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """The invited person joins the company as a member.

    Refused when the invitation is expired, revoked or already used, when the user's verified
    e-mail addresses do not include the invited one, or when the user is already a member
    (the whole transaction, including the status change, is then rolled back).
    """
    invitation = Invitation.objects.select_for_update().select_related("company").get(pk=invitation.pk)
    invitation.set_status(Invitation.Status.ACCEPTED, by=user)
    if not selectors.invitation_is_addressed_to(invitation=invitation, user=user):
        raise InvitationError(
            _("This invitation was sent to another e-mail address. Sign in with that address to accept it.")
        )
    if Membership.objects.filter(company=invitation.company, user=user).exists():
        raise InvitationError(_("You are already a member of this company."))
    return Membership.objects.create(company=invitation.company, user=user, role=Membership.Role.MEMBER)


@transaction.atomic
def membership_remove(*, membership: Membership, by) -> None:
    """An owner removes a member; the last owner cannot be removed."""
    company = membership.company
    if not is_owner(company=company, user=by):
        raise CompanyError(_("Only the company's owners can remove members."))
    owner_ids = list(
        Membership.objects.select_for_update()
        .filter(company=company, role=Membership.Role.OWNER)
        .values_list("pk", flat=True)
    )
    if membership.role == Membership.Role.OWNER and len(owner_ids) <= 1:
        raise CompanyError(_("A company needs at least one owner; this owner cannot be removed."))
    membership.delete()
