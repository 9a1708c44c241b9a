"""Permission-scoped reads: a user only ever reaches the companies they belong to."""

from allauth.account.models import EmailAddress
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone

from portal.markets import District

from .models import Company, Industry, Invitation, Membership


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


# Reports (read by the ``reports`` app) ----------------------------------------------------------


def _in_period(queryset, field, start, end):
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end is not None:
        queryset = queryset.filter(**{f"{field}__lt": end})
    return queryset


def _counts_by(companies, field, start, end):
    registered = _in_period(companies, "created_at", start, end)
    verified = _in_period(companies.filter(verified_at__isnull=False), "verified_at", start, end)
    awaiting = companies.filter(verified_at__isnull=True)
    counts = {}
    for name, queryset in (("registered", registered), ("verified", verified), ("awaiting", awaiting)):
        for value, count in queryset.order_by().values_list(field).annotate(n=Count("pk")):
            counts.setdefault(value, {"registered": 0, "verified": 0, "awaiting": 0})[name] = count
    return counts


def companies_report(*, companies, start=None, end=None, now=None):
    """Companies registered and verified in [start, end) and awaiting verification now, by district and by
    industry (``dimension`` says which; only values with a company appear), and the waiting ones, oldest
    first, with the days they have waited."""
    now = now or timezone.now()
    rows = []
    for dimension, field, choices in (("district", "district", District), ("industry", "industry", Industry)):
        counts = _counts_by(companies, field, start, end)
        for value, label in choices.choices:
            if value in counts:
                rows.append({"dimension": dimension, "value": value, "label": str(label), **counts[value]})
    today = timezone.localdate(now)
    districts, industries = dict(District.choices), dict(Industry.choices)
    waiting = [
        {
            "name": row["name_zh"],
            "ubn": row["ubn"],
            "district": districts.get(row["district"], row["district"]),
            "industry": industries.get(row["industry"], row["industry"]),
            "registered_at": row["created_at"],
            "days_waiting": (today - timezone.localdate(row["created_at"])).days,
        }
        for row in companies.filter(verified_at__isnull=True)
        .order_by("created_at", "pk")
        .values("name_zh", "ubn", "district", "industry", "created_at")
    ]
    return {"rows": rows, "waiting": waiting}


def verified_company_ids(*, company_ids, end=None):
    """Pks among ``company_ids`` of the companies verified before ``end`` (or at all, without it)."""
    companies = Company.objects.filter(pk__in=company_ids, verified_at__isnull=False)
    if end is not None:
        companies = companies.filter(verified_at__lt=end)
    return set(companies.values_list("pk", flat=True))


def companies_awaiting_verification():
    """Registered companies the bureau has not verified yet, the longest-waiting first."""
    return Company.objects.filter(verified_at__isnull=True).order_by("created_at", "pk")
