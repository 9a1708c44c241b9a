"""Writes of the inquiry desk: send, confirm, reply (supplier and buyer). E-mails leave after commit."""

import hashlib

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.showcase.models import Product
from portal import personal_data
from portal.companies.models import Company

from . import limits as inquiry_limits
from . import tasks as inquiry_tasks
from .models import Inquiry, InquiryError, InquiryMessage


class InquiryRateLimited(InquiryError):
    """Too many inquiries from one address or one e-mail in a short time (shown with HTTP 429)."""


def hash_ip(ip_address):
    if not ip_address:
        return ""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip_address}".encode()).hexdigest()


def _check_message(message):
    if inquiry_limits.count_urls(message) > inquiry_limits.MAX_URLS_IN_MESSAGE:
        raise InquiryError(
            _("Your message contains more than %(count)d web addresses. Please remove some links and send it again.")
            % {"count": inquiry_limits.MAX_URLS_IN_MESSAGE}
        )


def _check_rate(*, ip_address, email):
    ip_ok = inquiry_limits.hit(inquiry_limits.PER_IP, ip_address or "")
    email_ok = inquiry_limits.hit(inquiry_limits.PER_EMAIL, email)
    if not (ip_ok and email_ok):
        raise InquiryRateLimited(
            _("You have sent too many inquiries in a short time. Please wait a few minutes and try again.")
        )


@transaction.atomic
def inquiry_submit(
    *,
    company,
    product=None,
    buyer_name,
    buyer_company="",
    country,
    email,
    quantity=None,
    target_price_twd=None,
    incoterm="",
    message,
    consent,
    language,
    ip_address="",
) -> Inquiry:
    """Store an unconfirmed inquiry to a public supplier (about one of its live products) and e-mail the buyer
    a confirmation link. The supplier sees nothing until the buyer confirms."""
    _check_rate(ip_address=ip_address, email=email)
    if not consent:
        raise InquiryError(_("Please agree so that the supplier may contact you."))
    _check_message(message)
    if not Company.objects.verified().filter(pk=company.pk, products__in=Product.objects.public()).exists():
        raise InquiryError(_("This supplier does not take inquiries through the showcase at the moment."))
    if product is not None and not Product.objects.public().filter(pk=product.pk, company=company).exists():
        raise InquiryError(_("This product is not available at the moment."))
    inquiry = Inquiry.objects.create(
        company=company,
        product=product,
        buyer_name=buyer_name,
        buyer_company=buyer_company,
        country=country,
        email=email,
        quantity=quantity,
        target_price_twd=target_price_twd,
        incoterm=incoterm or "",
        message=message,
        consent=True,
        language=language,
        ip_hash=hash_ip(ip_address),
    )
    personal_data.consent_given.send(
        sender=Inquiry, purpose=personal_data.CONSENT_INQUIRY, email=email, user=None, language=language
    )
    transaction.on_commit(lambda: inquiry_tasks.send_inquiry_email.enqueue(inquiry_id=inquiry.pk, event="created"))
    return inquiry


@transaction.atomic
def inquiry_open_confirmed(
    *, company, product=None, buyer_name, buyer_company="", country, email, quantity=None, message, language, note
) -> Inquiry:
    """An inquiry from a buyer whose address another desk has already confirmed (a request for quotation): it
    opens at once and the supplier's members are told. ``note`` says where it came from (the status history)."""
    inquiry = Inquiry.objects.create(
        company=company,
        product=product,
        buyer_name=buyer_name,
        buyer_company=buyer_company,
        country=country,
        email=email,
        quantity=quantity,
        message=message,
        consent=True,
        language=language,
    )
    inquiry.set_status(Inquiry.Status.OPEN, by=None, note=note)
    transaction.on_commit(lambda: inquiry_tasks.send_inquiry_email.enqueue(inquiry_id=inquiry.pk, event="confirmed"))
    return inquiry


@transaction.atomic
def inquiry_confirm(*, token) -> Inquiry:
    """The buyer followed the link: the inquiry opens and the supplier's members are told."""
    inquiry = Inquiry.objects.select_for_update().filter(confirmation_token=token).first()
    if inquiry is None:
        raise InquiryError(_("This confirmation link is not valid."))
    # The buyer has no account: the move is recorded as nobody's.
    inquiry.set_status(Inquiry.Status.OPEN, by=None)
    transaction.on_commit(lambda: inquiry_tasks.send_inquiry_email.enqueue(inquiry_id=inquiry.pk, event="confirmed"))
    return inquiry


@transaction.atomic
def inquiry_reply_by_supplier(*, inquiry, user, body) -> InquiryMessage:
    """A member of the supplier answers; the buyer gets the reply with a link to answer back.

    The first reply moves the inquiry open → answered (``by`` the member) and stamps ``first_replied_at``.
    """
    if not Inquiry.objects.for_user(user).filter(pk=inquiry.pk).exists():
        raise InquiryError(_("Only members of the supplier can answer this inquiry."))
    _check_message(body)
    locked = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if locked.status == Inquiry.Status.ANSWERED:
        now = timezone.now()  # a later reply leaves the status (and the first reply time) as they are
    else:
        # The first reply answers it (refused when unconfirmed or closed); the reply carries the same time.
        now = locked.set_status(Inquiry.Status.ANSWERED, by=user).created_at
    reply = InquiryMessage.objects.create(
        inquiry=locked, author_kind=InquiryMessage.Author.SUPPLIER, author=user, body=body, created_at=now
    )
    transaction.on_commit(
        lambda: inquiry_tasks.send_inquiry_email.enqueue(
            inquiry_id=locked.pk, event="supplier_reply", message_id=reply.pk
        )
    )
    return reply


@transaction.atomic
def inquiry_reply_by_buyer(*, reply_token, body) -> InquiryMessage:
    """The buyer answers through the link of a supplier's reply; the supplier's members are told."""
    supplier_message = (
        InquiryMessage.objects.select_related("inquiry")
        .filter(reply_token=reply_token, author_kind=InquiryMessage.Author.SUPPLIER)
        .first()
    )
    if supplier_message is None:
        raise InquiryError(_("This reply link is not valid."))
    inquiry = Inquiry.objects.select_for_update().get(pk=supplier_message.inquiry_id)
    if inquiry.status == Inquiry.Status.CLOSED:
        raise InquiryError(_("This inquiry is closed."))
    _check_message(body)
    reply = InquiryMessage.objects.create(inquiry=inquiry, author_kind=InquiryMessage.Author.BUYER, body=body)
    transaction.on_commit(
        lambda: inquiry_tasks.send_inquiry_email.enqueue(
            inquiry_id=inquiry.pk, event="buyer_reply", message_id=reply.pk
        )
    )
    return reply
