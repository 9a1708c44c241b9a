"""Reads of the inquiry desk, scoped to the people allowed to see each inquiry."""

import datetime

from django.utils import timezone

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
