"""Consultation requests and provider ratings (``portal.personal_data``): the company's, kept without the
person who sent them."""

from portal import personal_data

from .models import ConsultationRequest, ProviderRating


def export(subject):
    if subject.user is None:
        return personal_data.Section()
    requests = ConsultationRequest.objects.filter(requested_by=subject.user).select_related("company", "provider")
    records = [
        {
            "company": item.company.display_name(),
            "provider": str(item.provider) if item.provider else None,
            "need": item.need,
            "market": item.market,
            "timing": item.timing,
            "message": item.message,
            "consent": item.consent,
            "status": item.status,
            "requested_at": item.created_at,
            "rating": (
                {"score": item.rating.score, "comment": item.rating.comment}
                if hasattr(item, "rating") and item.rating.rated_by_id == subject.user.pk
                else None
            ),
        }
        for item in requests.order_by("pk")
    ]
    return personal_data.Section(records=records)


def erase(subject):
    if subject.user is None:
        return {"erased": 0, "kept": 0}
    kept = ConsultationRequest.objects.filter(requested_by=subject.user).update(requested_by=None)
    ProviderRating.objects.filter(rated_by=subject.user).update(rated_by=None)
    return {"erased": 0, "kept": kept}


HOLDER = personal_data.Holder(name="consultation_requests", export=export, erase=erase)
