"""E-mails of the inquiry desk, sent in the background with ids only, each in the recipient's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from portal.background import retries
from portal.emails import send_templated_email

from .models import Inquiry, InquiryMessage


def _absolute(language, name, **kwargs):
    with translation.override(language):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send(*, template, **kwargs):
    send_templated_email(template=f"inquiries/inbox/emails/{template}", **kwargs)


def _notify_members(*, inquiry, template, context):
    """Every member of the supplier, each in the language of their profile (the site default otherwise)."""
    for membership in inquiry.company.memberships.select_related("user"):
        user = membership.user
        if not user.is_active:
            continue
        language = user.preferred_language or settings.LANGUAGE_CODE
        inbox_url = _absolute(language, "inquiries:detail", pk=inquiry.pk)
        _send(
            template=template,
            language=language,
            context={**context, "inbox_url": inbox_url},
            recipients=[user.email],
        )


@retries(attempts=5, backoff_seconds=60)
@task()
def send_inquiry_email(*, inquiry_id, event, message_id=None):
    """created: the buyer's confirmation link; confirmed / buyer_reply: the supplier's members;
    supplier_reply: the buyer, with a link to answer."""
    inquiry = Inquiry.objects.select_related("company", "product").get(pk=inquiry_id)
    message = InquiryMessage.objects.get(pk=message_id) if message_id else None
    context = {"inquiry": inquiry, "message": message}
    buyer_language = inquiry.language or settings.LANGUAGE_CODE
    if event == "created":
        context["confirm_url"] = _absolute(buyer_language, "inquiries:confirm", token=inquiry.confirmation_token)
        _send(template="confirm", language=buyer_language, context=context, recipients=[inquiry.email])
    elif event == "confirmed":
        _notify_members(inquiry=inquiry, template="new_inquiry", context=context)
    elif event == "supplier_reply":
        context["reply_url"] = _absolute(buyer_language, "inquiries:buyer_thread", token=message.reply_token)
        _send(template="supplier_reply", language=buyer_language, context=context, recipients=[inquiry.email])
    elif event == "buyer_reply":
        _notify_members(inquiry=inquiry, template="buyer_reply", context=context)


@retries(attempts=5, backoff_seconds=60)
@task()
def send_escalation_email(*, inquiry_id, event, message=""):
    """reminder: the supplier's members, again; nudge: them, with the case officer's message; escalated: the
    case officer, in the language of their account."""
    inquiry = Inquiry.objects.select_related("company", "product", "case_officer").get(pk=inquiry_id)
    context = {"inquiry": inquiry, "message": message}
    if event == "reminder":
        _notify_members(inquiry=inquiry, template="reminder", context=context)
    elif event == "nudge":
        _notify_members(inquiry=inquiry, template="nudge", context=context)
    elif event == "escalated" and inquiry.case_officer is not None:
        officer = inquiry.case_officer
        language = officer.preferred_language or settings.LANGUAGE_CODE
        context["admin_url"] = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_reports:site_history")
        _send(template="escalated", language=language, context=context, recipients=[officer.email])
