"""Requests for quotation in the personal-data registry (``portal.personal_data``), and how long unconfirmed
ones are kept.

A buyer's requests are found by e-mail address (buyers need no account). Erasure deletes the ones never
confirmed and, in the others, the buyer's name, company, address and words: the suppliers' quotes stay,
without the person.
"""

from datetime import timedelta

from django.utils.translation import gettext_lazy

from portal import personal_data

from .models import QuoteRequest

UNCONFIRMED_KEPT = timedelta(days=30)


def _requests(subject):
    return QuoteRequest.objects.filter(email__iexact=subject.email)


def export(subject):
    records = [
        {
            "type": "request_for_quotation",
            "reference": quote_request.reference,
            "description": quote_request.description,
            "category": quote_request.category.path,
            "quantity": quote_request.quantity,
            "unit": quote_request.unit,
            "target_price": quote_request.target_price,
            "currency": quote_request.currency,
            "destination": quote_request.destination,
            "required_certificates": quote_request.required_certificates,
            "deadline": quote_request.deadline,
            "buyer_name": quote_request.buyer_name,
            "buyer_company": quote_request.buyer_company,
            "email": quote_request.email,
            "consent": quote_request.consent,
            "language": quote_request.language,
            "status": quote_request.status,
            "posted_at": quote_request.created_at,
            "confirmed_at": quote_request.confirmed_at,
        }
        for quote_request in _requests(subject).select_related("category").order_by("pk")
    ]
    return personal_data.Section(records=records)


def erase(subject):
    requests = _requests(subject)
    erased = requests.filter(status=QuoteRequest.Status.UNCONFIRMED).delete()[1].get(QuoteRequest._meta.label, 0)
    kept = 0
    for quote_request in requests:
        quote_request.buyer_name = personal_data.ERASED_NAME
        quote_request.buyer_company = ""
        quote_request.email = personal_data.erased_email(f"rfq-{quote_request.pk}")
        quote_request.description = personal_data.ERASED_NAME
        quote_request.ip_hash = ""
        quote_request.save(update_fields=["buyer_name", "buyer_company", "email", "description", "ip_hash"])
        kept += 1
    return {"erased": erased, "kept": kept}


def purge_unconfirmed(*, now):
    """Requests whose buyer never confirmed the address: deleted after UNCONFIRMED_KEPT."""
    stale = QuoteRequest.objects.filter(status=QuoteRequest.Status.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_KEPT)
    return stale.delete()[1].get(QuoteRequest._meta.label, 0)


HOLDER = personal_data.Holder(name="sourcing", export=export, erase=erase)
RETENTION = personal_data.RetentionRule(
    name="unconfirmed_requests_for_quotation",
    period=UNCONFIRMED_KEPT,
    purge=purge_unconfirmed,
    description=gettext_lazy("Requests for quotation whose e-mail address was never confirmed: deleted after 30 days."),
)
