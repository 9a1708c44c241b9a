"""Reads for the catalog: filtered offerings, the guide, a company's requests, provider ratings."""

from dataclasses import dataclass

from django.db.models import Avg, Count
from wagtail.models import Locale

from portal.companies.models import Company

from .models import ConsultationRequest, Provider, ProviderRating, SolutionCategoryPage, SolutionPage

MIN_RATINGS_SHOWN = 3


def _markets_include(queryset, market):
    # Markets are a JSON list of two-letter codes. Matching the quoted code in the JSON text works on
    # SQLite and PostgreSQL alike (JSON "contains" is not available on SQLite).
    return queryset.filter(markets__icontains=f'"{market}"')


def published_offerings(*, index):
    """Live, public offerings under one catalog index (one language)."""
    return SolutionPage.objects.descendant_of(index).live().public().select_related("provider").order_by("title")


def with_local_providers(offerings):
    """``offerings`` as a list, each with ``local_provider``: its provider in the active language (what
    ``provider.localized`` gives), found for all of them in one query instead of one per card."""
    offerings = list(offerings)
    locale = Locale.get_active()
    keys = {offering.provider.translation_key for offering in offerings if offering.provider.locale_id != locale.pk}
    local = {}
    if keys:
        local = {
            provider.translation_key: provider
            for provider in Provider.objects.filter(translation_key__in=keys, locale=locale)
        }
    for offering in offerings:
        provider = offering.provider
        offering.local_provider = (
            provider if provider.locale_id == locale.pk else local.get(provider.translation_key, provider)
        )
    return offerings


def category_for_need(*, index, need):
    return SolutionCategoryPage.objects.child_of(index).live().public().filter(need=need).first()


def solution_pages_filtered(*, index, market="", need="", free_only=False):
    """Offerings under the index, narrowed by target market, need (category) and free/subsidised."""
    offerings = published_offerings(index=index)
    if market:
        offerings = _markets_include(offerings, market)
    if need:
        category = category_for_need(index=index, need=need)
        offerings = offerings.child_of(category) if category else offerings.none()
    if free_only:
        offerings = offerings.filter(free_for_coached=True)
    return offerings


@dataclass(frozen=True)
class GuideResult:
    category: SolutionCategoryPage | None
    matches: list
    other_markets: list


def solution_guide(*, index, market, need):
    """Offerings for one need that serve the market; when there are none, the same need in other markets.

    Free or subsidised offerings come first.
    """
    category = category_for_need(index=index, need=need)
    if category is None:
        return GuideResult(category=None, matches=[], other_markets=[])
    in_category = published_offerings(index=index).child_of(category).order_by("-free_for_coached", "title")
    matches = with_local_providers(_markets_include(in_category, market))
    other_markets = [] if matches else with_local_providers(in_category)
    return GuideResult(category=category, matches=matches, other_markets=other_markets)


def companies_for_requests(*, user):
    """Companies on whose behalf the user may ask for an introduction."""
    return Company.objects.for_user(user).order_by("name_zh")


def consultation_requests_for_user(*, user):
    """The requests of every company the user belongs to, newest first."""
    return (
        ConsultationRequest.objects.for_user(user)
        .select_related("company", "solution_page", "provider", "rating")
        .order_by("-created_at", "-pk")
    )


def consultation_request_for_user(*, user, pk):
    """One request, only when the user is a member of its company; None otherwise."""
    return consultation_requests_for_user(user=user).filter(pk=pk).first()


@dataclass(frozen=True)
class RatingSummary:
    average: float
    count: int


def provider_rating_summary(*, provider):
    """Average score over every language version of the provider, or None below three ratings."""
    totals = ProviderRating.objects.filter(provider__translation_key=provider.translation_key).aggregate(
        average=Avg("score"), count=Count("pk")
    )
    if totals["count"] < MIN_RATINGS_SHOWN:
        return None
    return RatingSummary(average=round(totals["average"], 1), count=totals["count"])
