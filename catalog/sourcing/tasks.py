"""E-mails of requests for quotation, sent in the background with ids only, each in the recipient's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from portal.background import retries
from portal.companies.models import Membership
from portal.emails import send_templated_email, user_language

from .models import Quote, QuoteRequest


def _absolute(language, name, **kwargs):
    with translation.override(language):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send(*, template, **kwargs):
    send_templated_email(template=f"sourcing/emails/{template}", **kwargs)


def _notify_members(*, company_ids, template, context, quote_request):
    """Every active member of the suppliers, each in the language of their account, with a link to the request."""
    memberships = Membership.objects.filter(company_id__in=company_ids).select_related("user", "company")
    for membership in memberships:
        user = membership.user
        if not user.is_active or not user.email:
            continue
        language = user_language(user)
        url = _absolute(language, "sourcing:supplier_request", company_id=membership.company_id, pk=quote_request.pk)
        _send(
            template=template,
            language=language,
            context={**context, "company": membership.company, "request_url": url},
            recipients=[user.email],
        )


@retries(attempts=5, backoff_seconds=60)
@task()
def send_sourcing_email(*, request_id, event, quote_id=None):
    """created: the buyer's confirmation link; confirmed: every matched supplier; quote: the buyer (a quote or a
    revision arrived); decided: the supplier (accepted or declined)."""
    quote_request = QuoteRequest.objects.select_related("category").get(pk=request_id)
    if quote_request.status == QuoteRequest.Status.HIDDEN:
        return
    quote = Quote.objects.select_related("company", "current_version").get(pk=quote_id) if quote_id else None
    context = {"quote_request": quote_request, "quote": quote}
    buyer_language = quote_request.language or settings.LANGUAGE_CODE
    if event == "created":
        context["confirm_url"] = _absolute(buyer_language, "sourcing:confirm", token=quote_request.token)
        _send(template="confirm", language=buyer_language, context=context, recipients=[quote_request.email])
    elif event == "confirmed":
        company_ids = list(quote_request.matches.values_list("company_id", flat=True))
        _notify_members(company_ids=company_ids, template="new_request", context=context, quote_request=quote_request)
    elif event == "quote":
        context["buyer_url"] = _absolute(buyer_language, "sourcing:buyer_request", token=quote_request.token)
        _send(template="new_quote", language=buyer_language, context=context, recipients=[quote_request.email])
    elif event == "decided":
        _notify_members(
            company_ids=[quote.company_id], template="quote_decided", context=context, quote_request=quote_request
        )
