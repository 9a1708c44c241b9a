"""Inquiries and their messages (``portal.personal_data``) and how long unconfirmed ones are kept.

A buyer's inquiries are found by e-mail address (buyers have no account). Erasure deletes the ones never
confirmed and, in the others, the buyer's name, address and words: the thread stays in the supplier's inbox
without the person. A supplier member's replies are the company's and stay, without their author.
"""

from datetime import timedelta

from django.utils.translation import gettext_lazy

from portal import personal_data

from .models import Inquiry, InquiryMessage

UNCONFIRMED_KEPT = timedelta(days=30)


def _inquiries(subject):
    return Inquiry.objects.filter(email__iexact=subject.email)


def export(subject):
    records = []
    for inquiry in _inquiries(subject).select_related("company", "product").prefetch_related("messages"):
        records.append(
            {
                "type": "inquiry",
                "supplier": inquiry.company.display_name(),
                "product": str(inquiry.product) if inquiry.product else None,
                "buyer_name": inquiry.buyer_name,
                "buyer_company": inquiry.buyer_company,
                "country": inquiry.country,
                "email": inquiry.email,
                "quantity": inquiry.quantity,
                "target_price_twd": inquiry.target_price_twd,
                "incoterm": inquiry.incoterm,
                "message": inquiry.message,
                "consent": inquiry.consent,
                "language": inquiry.language,
                "status": inquiry.status,
                "sent_at": inquiry.created_at,
                "email_confirmed_at": inquiry.email_confirmed_at,
                "messages": [
                    {"from": message.author_kind, "body": message.body, "sent_at": message.created_at}
                    for message in inquiry.messages.all()
                ],
            }
        )
    if subject.user is not None:
        replies = InquiryMessage.objects.filter(author=subject.user).select_related("inquiry").order_by("pk")
        records += [
            {"type": "reply_as_supplier", "inquiry": reply.inquiry_id, "body": reply.body, "sent_at": reply.created_at}
            for reply in replies
        ]
    return personal_data.Section(records=records)


def erase(subject):
    inquiries = _inquiries(subject)
    erased = inquiries.filter(status=Inquiry.Status.UNCONFIRMED).delete()[1].get(Inquiry._meta.label, 0)
    kept = 0
    for inquiry in inquiries:
        inquiry.buyer_name = personal_data.ERASED_NAME
        inquiry.buyer_company = ""
        inquiry.email = personal_data.erased_email(f"inquiry-{inquiry.pk}")
        inquiry.message = personal_data.ERASED_NAME
        inquiry.ip_hash = ""
        inquiry.save(update_fields=["buyer_name", "buyer_company", "email", "message", "ip_hash"])
        inquiry.messages.filter(author_kind=InquiryMessage.Author.BUYER).update(body=personal_data.ERASED_NAME)
        kept += 1
    if subject.user is not None:
        InquiryMessage.objects.filter(author=subject.user).update(author=None)
    return {"erased": erased, "kept": kept}


def purge_unconfirmed(*, now):
    """Inquiries whose buyer never confirmed the address: deleted after UNCONFIRMED_KEPT."""
    stale = Inquiry.objects.filter(status=Inquiry.Status.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_KEPT)
    return stale.delete()[1].get(Inquiry._meta.label, 0)


HOLDER = personal_data.Holder(name="inquiries", export=export, erase=erase)
RETENTION = personal_data.RetentionRule(
    name="unconfirmed_inquiries",
    period=UNCONFIRMED_KEPT,
    purge=purge_unconfirmed,
    description=gettext_lazy("Inquiries whose e-mail address was never confirmed: deleted after 30 days."),
)
