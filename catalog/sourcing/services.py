"""Writes of requests for quotation: post, confirm (match and notify), quote and revise, the buyer's decisions,
closing (by the buyer, at the deadline) and hiding by staff. E-mails leave after the commit."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.inquiries import limits as inquiry_limits
from catalog.inquiries import services as inquiry_services
from catalog.showcase.models import CertificateType, Product
from payments.currencies import check_currency
from payments.errors import UnsupportedCurrency
from portal import personal_data
from portal.companies.models import Company
from portal.markets import Market

from . import limits as rfq_limits
from . import tasks as sourcing_tasks
from .matching import matching_company_ids
from .models import Quote, QuoteRequest, QuoteVersion, RequestMatch, SourcingError

MAX_DEADLINE_DAYS = 90
MAX_TIERS = 3


class RequestRateLimited(SourcingError):
    """Too many requests from one address or one e-mail in a short time (shown with HTTP 429)."""


def _check_message(text):
    if inquiry_limits.count_urls(text) > inquiry_limits.MAX_URLS_IN_MESSAGE:
        raise SourcingError(
            _("Your text contains more than %(count)d web addresses. Please remove some links and send it again.")
            % {"count": inquiry_limits.MAX_URLS_IN_MESSAGE}
        )


def check_deadline(deadline, *, today=None):
    today = today or timezone.localdate()
    if deadline < today:
        raise SourcingError(_("The deadline is in the past. Choose a date from today on."))
    if deadline > today + datetime.timedelta(days=MAX_DEADLINE_DAYS):
        raise SourcingError(_("Choose a deadline within %(days)d days from today.") % {"days": MAX_DEADLINE_DAYS})


def _on_commit_email(event, request_id, quote_id=None):
    transaction.on_commit(
        lambda: sourcing_tasks.send_sourcing_email.enqueue(request_id=request_id, event=event, quote_id=quote_id)
    )


@transaction.atomic
def request_submit(
    *,
    description,
    category,
    quantity,
    unit,
    target_price=None,
    currency,
    destination,
    required_certificates=(),
    deadline,
    buyer_name,
    buyer_company="",
    email,
    consent,
    language,
    ip_address="",
) -> QuoteRequest:
    """Store an unconfirmed request and e-mail the buyer a confirmation link; no supplier sees it before."""
    ip_ok = inquiry_limits.hit(rfq_limits.PER_IP, ip_address or "")
    if not (inquiry_limits.hit(rfq_limits.PER_EMAIL, email) and ip_ok):
        raise RequestRateLimited(
            _("You have posted too many requests in a short time. Please wait a while and try again.")
        )
    if not consent:
        raise SourcingError(_("Please agree so that suppliers may contact you."))
    if quantity is None or quantity < 1:
        raise SourcingError(_("The quantity must be at least 1."))
    try:
        currency = check_currency(currency)
    except UnsupportedCurrency as error:
        raise SourcingError(str(error)) from None
    if destination not in Market.values:
        raise SourcingError(_("Choose a destination market from the list."))
    if any(code not in CertificateType.values for code in required_certificates):
        raise SourcingError(_("Choose the certificates from the list."))
    if target_price is not None and Decimal(target_price) < 0:
        raise SourcingError(_("The target price cannot be negative."))
    check_deadline(deadline)
    _check_message(description)
    quote_request = QuoteRequest.objects.create(
        description=description,
        category=category,
        quantity=quantity,
        unit=unit,
        target_price=target_price,
        currency=currency,
        destination=destination,
        required_certificates=sorted(set(required_certificates)),
        deadline=deadline,
        buyer_name=buyer_name,
        buyer_company=buyer_company,
        email=email,
        consent=True,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        ip_hash=inquiry_services.hash_ip(ip_address),
    )
    personal_data.consent_given.send(
        sender=QuoteRequest, purpose=personal_data.CONSENT_INQUIRY, email=email, user=None, language=language
    )
    _on_commit_email("created", quote_request.pk)
    return quote_request


@transaction.atomic
def request_confirm(*, token) -> QuoteRequest:
    """The buyer followed the link: the request opens, is matched to suppliers and they are told."""
    quote_request = QuoteRequest.objects.select_for_update().filter(token=token).first()
    if quote_request is None or quote_request.status == QuoteRequest.Status.HIDDEN:
        raise SourcingError(_("This confirmation link is not valid."))
    if quote_request.deadline < timezone.localdate():
        raise SourcingError(_("The deadline of this request has passed."))
    quote_request.set_status(QuoteRequest.Status.OPEN, by=None)
    company_ids = matching_company_ids(
        category=quote_request.category,
        destination=quote_request.destination,
        required_certificates=quote_request.required_certificates,
    )
    RequestMatch.objects.bulk_create(RequestMatch(request=quote_request, company_id=pk) for pk in company_ids)
    _on_commit_email("confirmed", quote_request.pk)
    return quote_request


def _member_company(*, user, company):
    if not user.is_authenticated or not Company.objects.for_user(user).filter(pk=company.pk).exists():
        raise SourcingError(_("Only members of the supplier can quote."))


def _checked_tiers(tiers):
    """``[(min_quantity, unit_price)]`` → the stored list, ascending quantities, at least one tier."""
    cleaned = sorted((int(quantity), Decimal(price)) for quantity, price in tiers)
    if not cleaned or len(cleaned) > MAX_TIERS:
        raise SourcingError(_("Give a unit price for one to three quantities."))
    quantities = [quantity for quantity, _price in cleaned]
    if len(set(quantities)) != len(quantities) or quantities[0] < 1 or any(price <= 0 for _q, price in cleaned):
        raise SourcingError(_("Each tier needs its own quantity (at least 1) and a price above zero."))
    return [[quantity, f"{price:.2f}"] for quantity, price in cleaned]


@transaction.atomic
def quote_submit(
    *, quote_request, company, user, product=None, tiers, moq, lead_time_days, sample_offer, valid_until, message=""
) -> QuoteVersion:
    """A matched supplier's quote; when the supplier has quoted already, a new version of that quote (the
    earlier ones are kept). Refused after the request closed or its deadline passed, and after the buyer's
    decision on this quote. The buyer is told by e-mail."""
    _member_company(user=user, company=company)
    locked = QuoteRequest.objects.select_for_update().get(pk=quote_request.pk)
    if not RequestMatch.objects.filter(request=locked, company=company).exists():
        raise SourcingError(_("This request was not sent to your company."))
    if not locked.accepts_quotes():
        raise SourcingError(_("This request is closed: it no longer takes quotes."))
    today = timezone.localdate()
    if valid_until < today:
        raise SourcingError(_("A quote must be valid until today or later."))
    if product is not None and not Product.objects.public().filter(pk=product.pk, company=company).exists():
        raise SourcingError(_("Choose one of your live products."))
    _check_message(message)
    stored_tiers = _checked_tiers(tiers)
    quote, created = Quote.objects.select_for_update().get_or_create(
        request=locked, company=company, defaults={"product": product}
    )
    if not created:
        if quote.status in (Quote.Status.ACCEPTED, Quote.Status.DECLINED):
            raise SourcingError(_("The buyer has already decided on your quote; it cannot be revised."))
        quote.product = product
    number = 1 if created else quote.versions.count() + 1
    version = QuoteVersion.objects.create(
        quote=quote,
        number=number,
        tiers=stored_tiers,
        moq=moq,
        lead_time_days=lead_time_days,
        sample_offer=sample_offer,
        valid_until=valid_until,
        message=message,
        created_by=user,
    )
    quote.current_version = version
    quote.save(update_fields=["product", "current_version"])
    _on_commit_email("quote", locked.pk, quote.pk)
    return version


def _buyer_quote(*, token, quote_id):
    quote = (
        Quote.objects.select_for_update()
        .select_related("request")
        .filter(pk=quote_id, request__token=token)
        .exclude(request__status=QuoteRequest.Status.HIDDEN)
        .first()
    )
    if quote is None:
        raise SourcingError(_("This quote is not part of your request."))
    return quote


BUYER_DECISIONS = {
    "shortlist": Quote.Status.SHORTLISTED,
    "unshortlist": Quote.Status.SUBMITTED,
    "accept": Quote.Status.ACCEPTED,
    "decline": Quote.Status.DECLINED,
}


@transaction.atomic
def quote_decide(*, token, quote_id, decision) -> Quote:
    """The buyer (through the secret link, ``by=None``) shortlists, accepts or declines a quote. Accepting and
    declining tell the supplier; both are final. A closed request can still be decided on."""
    if decision not in BUYER_DECISIONS:
        raise SourcingError(_("Unknown action."))
    quote = _buyer_quote(token=token, quote_id=quote_id)
    quote.set_status(BUYER_DECISIONS[decision], by=None)
    if decision in ("accept", "decline"):
        _on_commit_email("decided", quote.request_id, quote.pk)
    return quote


@transaction.atomic
def quote_to_inquiry(*, token, quote_id):
    """Start an inquiry thread with the quote's supplier (once per quote; the same one is returned after)."""
    quote = _buyer_quote(token=token, quote_id=quote_id)
    if quote.inquiry_id:
        return quote.inquiry
    quote_request = quote.request
    inquiry = inquiry_services.inquiry_open_confirmed(
        company=quote.company,
        product=quote.product,
        buyer_name=quote_request.buyer_name,
        buyer_company=quote_request.buyer_company,
        country=quote_request.destination,
        email=quote_request.email,
        quantity=quote_request.quantity,
        message=_("About your quote on %(reference)s: %(description)s")
        % {"reference": quote_request.reference, "description": quote_request.description},
        language=quote_request.language,
        note=quote_request.reference,
    )
    quote.inquiry = inquiry
    quote.save(update_fields=["inquiry"])
    return inquiry


@transaction.atomic
def request_close(*, token) -> QuoteRequest:
    """The buyer closes the request: no more quotes; the decisions on the quotes stay possible."""
    quote_request = QuoteRequest.objects.select_for_update().filter(token=token).first()
    if quote_request is None or quote_request.status == QuoteRequest.Status.HIDDEN:
        raise SourcingError(_("This link is not valid."))
    quote_request.close_reason = QuoteRequest.CloseReason.BUYER
    quote_request.save(update_fields=["close_reason"])
    quote_request.set_status(QuoteRequest.Status.CLOSED, by=None)
    return quote_request


def close_expired_requests(*, today=None) -> int:
    """Close every unconfirmed or open request whose deadline is over (re-runnable: closed ones stay as they
    are). Returns how many it closed; each one in its own transaction."""
    today = today or timezone.localdate()
    closed = 0
    expired = QuoteRequest.objects.filter(
        status__in=[QuoteRequest.Status.UNCONFIRMED, QuoteRequest.Status.OPEN], deadline__lt=today
    ).values_list("pk", flat=True)
    for pk in list(expired):
        with transaction.atomic():
            quote_request = QuoteRequest.objects.select_for_update().get(pk=pk)
            if quote_request.status not in (QuoteRequest.Status.UNCONFIRMED, QuoteRequest.Status.OPEN):
                continue
            quote_request.close_reason = QuoteRequest.CloseReason.DEADLINE
            quote_request.save(update_fields=["close_reason"])
            quote_request.set_status(QuoteRequest.Status.CLOSED, by=None, note=_("The deadline passed"))
            closed += 1
    return closed


@transaction.atomic
def request_hide(*, quote_request, by, note, expected=None) -> QuoteRequest:
    """Staff hide a request (spam, forbidden goods): the buyer's link and the suppliers no longer show it."""
    if not note.strip():
        raise SourcingError(_("Say why the request is hidden."))
    locked = QuoteRequest.objects.select_for_update().get(pk=quote_request.pk)
    locked.moderation_note = note
    locked.save(update_fields=["moderation_note"])
    locked.set_status(QuoteRequest.Status.HIDDEN, by=by, note=note, expected=expected)
    return locked


@transaction.atomic
def request_restore(*, quote_request, by, note, expected=None) -> QuoteRequest:
    """Staff show a hidden request again, in the status it had before it was hidden; an unconfirmed or open one
    whose deadline passed meanwhile comes back closed (as the deadline job would have closed it)."""
    if not note.strip():
        raise SourcingError(_("Say why the request is shown again."))
    locked = QuoteRequest.objects.select_for_update().get(pk=quote_request.pk)
    if locked.status != QuoteRequest.Status.HIDDEN:
        raise SourcingError(_("This request is not hidden."))
    hidden = locked.history.filter(to_status=QuoteRequest.Status.HIDDEN).order_by("-created_at", "-pk").first()
    status = hidden.from_status if hidden else QuoteRequest.Status.OPEN
    open_statuses = (QuoteRequest.Status.UNCONFIRMED, QuoteRequest.Status.OPEN)
    if status in open_statuses and locked.deadline < timezone.localdate():
        status = QuoteRequest.Status.CLOSED
        locked.close_reason = QuoteRequest.CloseReason.DEADLINE
    locked.moderation_note = ""
    locked.save(update_fields=["moderation_note", "close_reason"])
    locked.set_status(status, by=by, note=note, expected=expected)
    return locked
