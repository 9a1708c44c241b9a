"""Reads of requests for quotation, each scoped to who may see it: the buyer (secret link or account with that
e-mail), the matched suppliers (their own quote only), staff (the admin), the reports."""

from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from payments.currencies import Currency
from payments.models import ExchangeRate
from payments.money import BuyerCurrency

from .models import Quote, QuoteRequest, QuoteVersion, RequestMatch


def request_by_token(*, token):
    """The buyer's request behind the secret link (confirmation and buyer page), unless staff hid it."""
    return QuoteRequest.objects.visible().select_related("category").filter(token=token).first()


def buyer_requests_for_user(*, user):
    """Requests posted with the signed-in user's e-mail address (allauth verified it), newest first."""
    if not user.is_authenticated or not user.email:
        return QuoteRequest.objects.none()
    return (
        QuoteRequest.objects.visible()
        .filter(email__iexact=user.email)
        .exclude(status=QuoteRequest.Status.UNCONFIRMED)
        .select_related("category")
        .annotate(quote_count=Count("quotes"))
        .order_by("-created_at")
    )


def comparison_currency(code):
    """The currency quotes are compared in, with the staff rate and its (Taipei) date; no rate: ``converts`` is
    False."""
    if code != Currency.TWD:
        rate = ExchangeRate.objects.filter(currency=code).only("twd_per_unit", "updated_at").first()
        if rate is not None:
            return BuyerCurrency(code, rate.twd_per_unit, timezone.localdate(rate.updated_at))
    return BuyerCurrency(code)


@dataclass(frozen=True)
class QuoteRow:
    quote: Quote
    version: QuoteVersion
    tiers: list  # [(min quantity, price in TWD, converted price or None)]


def compare_quotes(*, quote_request, currency):
    """The latest version of every quote on the request, side by side, prices also in ``currency``
    (a ``BuyerCurrency``); three queries whatever the number of quotes."""
    quotes = (
        quote_request.quotes.filter(current_version__isnull=False)
        .select_related("company", "current_version", "product")
        .order_by("created_at", "pk")
    )
    rows = []
    for quote in quotes:
        version = quote.current_version
        tiers = [(quantity, Decimal(price), currency.amount(Decimal(price))) for quantity, price in version.tiers]
        rows.append(QuoteRow(quote=quote, version=version, tiers=tiers))
    return rows


def _own_quote(company):
    return Prefetch(
        "quotes",
        queryset=Quote.objects.filter(company=company).select_related("current_version"),
        to_attr="own_quotes",
    )


def supplier_requests(*, company):
    """The confirmed requests matched to the company, open ones first, each with the company's own quote
    (``own_quotes``: a list of at most one) and nothing of other suppliers'. Two queries in all."""
    return list(
        QuoteRequest.objects.visible()
        .matched_to(company)
        .exclude(status=QuoteRequest.Status.UNCONFIRMED)
        .select_related("category")
        .prefetch_related(_own_quote(company))
        .order_by("status", "deadline", "pk")
    )


def supplier_request(*, company, pk):
    """One request matched to the company (not hidden, confirmed) with the company's own quote, or None."""
    found = (
        QuoteRequest.objects.visible()
        .matched_to(company)
        .exclude(status=QuoteRequest.Status.UNCONFIRMED)
        .select_related("category")
        .prefetch_related(_own_quote(company))
        .filter(pk=pk)
        .first()
    )
    return found


def own_quote_versions(*, quote):
    """The supplier's versions of its quote, newest first."""
    return list(quote.versions.order_by("-number")) if quote else []


def open_request_counts(*, companies):
    """{company pk: open requests matched to it}, for the supplier dashboard."""
    rows = (
        RequestMatch.objects.filter(company__in=companies, request__status=QuoteRequest.Status.OPEN)
        .values_list("company_id")
        .annotate(count=Count("pk"))
    )
    return dict(rows)


# Reports (read by the ``reports`` app) ----------------------------------------------------------


def sourcing_report(*, companies=None, start=None, end=None):
    """Figures of the requests posted in [start, end): posted, confirmed, matched suppliers (in all and per
    confirmed request), quotes per confirmed request, the share of confirmed requests with at least one quote,
    quotes accepted and the median hours from confirmation to the first quote. With ``companies`` (a reader
    who sees only some suppliers) matches and quotes count only theirs. Three queries: the requests' counts,
    the matches' counts, and the quotes (counted as they are read)."""
    requests = QuoteRequest.objects.all()
    if start is not None:
        requests = requests.filter(created_at__gte=start)
    if end is not None:
        requests = requests.filter(created_at__lt=end)
    matches = RequestMatch.objects.filter(request__in=requests)
    quotes = Quote.objects.filter(request__in=requests)
    if companies is not None:
        matches = matches.filter(company__in=companies)
        quotes = quotes.filter(company__in=companies)
    counts = requests.aggregate(posted=Count("pk"), confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)))
    matched = matches.aggregate(matches=Count("pk"), suppliers=Count("company_id", distinct=True))
    first_quote, quote_total, accepted = {}, 0, 0
    for request_id, confirmed_at, quoted_at, status in quotes.values_list(
        "request_id", "request__confirmed_at", "created_at", "status"
    ):
        quote_total += 1
        accepted += status == Quote.Status.ACCEPTED
        if confirmed_at is not None and (request_id not in first_quote or quoted_at < first_quote[request_id][1]):
            first_quote[request_id] = (confirmed_at, quoted_at)
    confirmed = counts["confirmed"]
    hours = [max((quoted - confirmed_at).total_seconds(), 0) / 3600 for confirmed_at, quoted in first_quote.values()]
    return {
        "posted": counts["posted"],
        "confirmed": confirmed,
        "matched_suppliers": matched["suppliers"],
        "matches_per_request": round(matched["matches"] / confirmed, 1) if confirmed else None,
        "quotes": quote_total,
        "quotes_per_request": round(quote_total / confirmed, 1) if confirmed else None,
        "share_with_quote": round(100 * len(first_quote) / confirmed) if confirmed else None,
        "accepted": accepted,
        "median_hours_to_first_quote": round(median(hours), 1) if hours else None,
    }
