"""Memberships and invitations (``portal.personal_data``). The company's own data stays with the company."""

from django.utils.translation import gettext as _

from portal import personal_data

from .models import Invitation, Membership


def export(subject):
    records = []
    if subject.user is not None:
        memberships = Membership.objects.filter(user=subject.user).select_related("company").order_by("pk")
        records += [
            {
                "type": "membership",
                "company": membership.company.display_name(),
                "role": membership.role,
                "joined_at": membership.created_at,
            }
            for membership in memberships
        ]
    invitations = Invitation.objects.filter(email__iexact=subject.email).select_related("company").order_by("pk")
    records += [
        {
            "type": "invitation",
            "company": invitation.company.display_name(),
            "email": invitation.email,
            "status": invitation.status,
            "sent_at": invitation.created_at,
            "answered_at": invitation.responded_at,
        }
        for invitation in invitations
    ]
    return personal_data.Section(records=records)


def last_owner_of(user):
    """The companies where ``user`` is the only owner."""
    owned = Membership.objects.filter(user=user, role=Membership.Role.OWNER).values("company")
    others = Membership.objects.filter(company__in=owned, role=Membership.Role.OWNER).exclude(user=user)
    return [
        membership.company
        for membership in Membership.objects.filter(user=user, role=Membership.Role.OWNER)
        .exclude(company__in=others.values("company"))
        .select_related("company")
        .order_by("company__name_zh")
    ]


def refusals(subject):
    if subject.user is None:
        return []
    return [
        _(
            "You are the last owner of %(company)s. Make another member its owner (or ask the bureau to close "
            "the company's account) before you ask for erasure."
        )
        % {"company": company.display_name()}
        for company in last_owner_of(subject.user)
    ]


def erase(subject):
    erased = 0
    if subject.user is not None:
        erased += Membership.objects.filter(user=subject.user).delete()[0]
    erased += Invitation.objects.filter(email__iexact=subject.email).delete()[0]
    return {"erased": erased, "kept": 0}


HOLDER = personal_data.Holder(name="companies", export=export, erase=erase, refusals=refusals)
