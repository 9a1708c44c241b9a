"""Reads of the inquiry desk, scoped to the people allowed to see each inquiry."""

import datetime
from statistics import median

from django.utils import timezone

from portal.companies.models import Company
from portal.workdays import add_working_days

from .models import Inquiry, InquiryMessage
from .reply_time import REPLY_TIME_WINDOW_DAYS, is_overdue, reply_time_badge


def inbox_for_user(*, user):
    """Confirmed inquiries to the user's companies, newest first (nothing for anyone else)."""
    return Inquiry.objects.for_user(user).select_related("company", "product").distinct().order_by("-created_at")


def inquiry_for_user(*, user, pk):
    """One confirmed inquiry, when the user is a member of the supplier; None otherwise."""
    return inbox_for_user(user=user).filter(pk=pk).first()


def thread(*, inquiry):
    return list(inquiry.messages.select_related("author").order_by("created_at", "pk"))


def buyer_thread_by_token(*, token):
    """The inquiry reached through the link of a supplier's reply (the buyer's secret link), or None."""
    message = (
        InquiryMessage.objects.select_related("inquiry", "inquiry__company", "inquiry__product")
        .filter(reply_token=token, author_kind=InquiryMessage.Author.SUPPLIER)
        .first()
    )
    return message.inquiry if message else None


def inquiry_by_confirmation_token(*, token):
    return Inquiry.objects.select_related("company", "product").filter(confirmation_token=token).first()


def is_unanswered_too_long(inquiry, *, today=None):
    """Confirmed, not closed, no reply yet, and three working days (Mon–Fri) since the buyer confirmed."""
    if inquiry.email_confirmed_at is None or inquiry.first_replied_at is not None:
        return False
    if inquiry.status == Inquiry.Status.CLOSED:
        return False
    today = today or timezone.localdate()
    return is_overdue(since=timezone.localdate(inquiry.email_confirmed_at), today=today)


def supplier_reply_badge(*, company, now=None):
    """ "Usually replies within …" from the median first-reply time of the last 90 days, or None."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=REPLY_TIME_WINDOW_DAYS)
    replied = (
        Inquiry.objects.for_company(company)
        .confirmed()
        .replied()
        .filter(email_confirmed_at__gte=since)
        .values_list("email_confirmed_at", "first_replied_at")
    )
    return reply_time_badge(replied_at - confirmed_at for confirmed_at, replied_at in replied)


# Reports (read by the ``reports`` app) ----------------------------------------------------------

REPLY_TARGETS = (1, 3)


def answered_within(confirmed_at, replied_at, working_days):
    """The first reply came within ``working_days`` Taipei working days of the buyer's confirmation."""
    deadline = add_working_days(timezone.localtime(confirmed_at), working_days)
    return replied_at <= deadline


def inquiry_report(*, companies, start=None, end=None):
    """Per supplier, the inquiries sent in [start, end): received, confirmed by the buyer, answered within 1
    and within 3 working days of the confirmation (weekends and Taiwan's public holidays do not count), and the
    median time to the first reply in hours. Suppliers without inquiries do not appear."""
    inquiries = Inquiry.objects.filter(company__in=companies)
    if start is not None:
        inquiries = inquiries.filter(created_at__gte=start)
    if end is not None:
        inquiries = inquiries.filter(created_at__lt=end)
    per_supplier = {}
    rows = inquiries.order_by().values_list("company_id", "email_confirmed_at", "first_replied_at")
    for company_id, confirmed_at, replied_at in rows:
        entry = per_supplier.setdefault(
            company_id, {"received": 0, "confirmed": 0, "within_1": 0, "within_3": 0, "reply_hours": []}
        )
        entry["received"] += 1
        if confirmed_at is None:
            continue
        entry["confirmed"] += 1
        if replied_at is None:
            continue
        for days in REPLY_TARGETS:
            if answered_within(confirmed_at, replied_at, days):
                entry[f"within_{days}"] += 1
        entry["reply_hours"].append((replied_at - confirmed_at).total_seconds() / 3600)
    names = dict(Company.objects.filter(pk__in=list(per_supplier)).values_list("pk", "name_zh"))
    report = [
        {
            "supplier": names[company_id],
            "company_id": company_id,
            "received": entry["received"],
            "confirmed": entry["confirmed"],
            "answered_within_1": entry["within_1"],
            "answered_within_3": entry["within_3"],
            "median_reply_hours": round(median(entry["reply_hours"]), 1) if entry["reply_hours"] else None,
        }
        for company_id, entry in per_supplier.items()
    ]
    report.sort(key=lambda row: (row["supplier"], row["company_id"]))
    return report


def companies_with_inquiries(*, company_ids, start=None, end=None):
    """Pks among ``company_ids`` of the suppliers that received a confirmed inquiry in [start, end)."""
    inquiries = Inquiry.objects.confirmed().filter(company__in=company_ids)
    if start is not None:
        inquiries = inquiries.filter(created_at__gte=start)
    if end is not None:
        inquiries = inquiries.filter(created_at__lt=end)
    return set(inquiries.values_list("company_id", flat=True))
