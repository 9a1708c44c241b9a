"""The one query path for product search: `product_search(...)` and `product_autocomplete(...)`;
`page_search(...)` finds site pages (programs, solutions, news) through Wagtail's own search backend.

Elasticsearch answers when ELASTICSEARCH_URL is set; the database backend answers otherwise, and also
when Elasticsearch fails or exceeds ELASTICSEARCH_TIMEOUT (a warning is logged and the results say
`degraded`, so pages can show a discreet "basic results" notice).
"""

import logging
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from elasticsearch.exceptions import ElasticsearchException
from wagtail.models import Page

from . import synonyms
from .backends import database, elasticsearch
from .backends.base import FacetValue, Filters, SearchQuery, SearchUnavailable
from .facets import DEFAULT_SORT, FACETS, PRICE_RANGE, SORTS
from .text import clean, fold

logger = logging.getLogger(__name__)
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


class InvalidSearch(ValueError):
    """Input that cannot be searched; the message is safe to show."""


# No product costs more; larger numbers only overflow the price arithmetic (a 20-digit price gave a 500).
MAX_PRICE = 1_000_000_000


def _decimal(value, label):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidSearch(_("%(field)s must be a number.") % {"field": label}) from None
    if not number.is_finite() or number < 0:
        raise InvalidSearch(_("%(field)s must be a number of zero or more.") % {"field": label})
    if number > MAX_PRICE:
        raise InvalidSearch(_("%(field)s must be at most %(max)s.") % {"field": label, "max": f"{MAX_PRICE:,}"})
    return number


def build_filters(*, price_min=None, price_max=None, **facets):
    """Filters from raw values, one keyword per facet's `attribute` (search/facets.py) plus the price range.

    Unknown facet values are dropped, so a stale link still shows results; raises InvalidSearch for a
    malformed price.
    """
    unknown = set(facets) - {facet.attribute for facet in FACETS}
    if unknown:
        raise TypeError(f"build_filters() got unknown facets: {', '.join(sorted(unknown))}")
    low, high = _decimal(price_min, _("Minimum price")), _decimal(price_max, _("Maximum price"))
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Filters(
        **{facet.attribute: facet.clean(facets.get(facet.attribute)) for facet in FACETS},
        **dict(zip(PRICE_RANGE, (low, high), strict=True)),
    )


def filters_from_query(query):
    """Filters from a URL query (a QueryDict): each facet's parameter and the price range."""
    return build_filters(
        **{facet.attribute: facet.from_query(query.getlist(facet.param)) for facet in FACETS},
        **{name: query.get(name) for name in PRICE_RANGE},
    )


def parse_page(value):
    """A page number ≥ 1; raises InvalidSearch otherwise."""
    if value in (None, ""):
        return 1
    try:
        page = int(value)
    except (TypeError, ValueError):
        raise InvalidSearch(_("The page must be a whole number.")) from None
    if page < 1:
        raise InvalidSearch(_("The page must be 1 or more."))
    return page


def _labelled(counts, filters, language):
    """FacetValues of every facet in the vocabulary's order; zero counts are left out."""
    facets = {}
    for facet in FACETS:
        values = [(value, count) for value, count in counts.get(facet.name, []) if count > 0]
        labels = facet.value_labels([value for value, _count in values], language)
        selected = set(facet.selected(filters))
        facets[facet.name] = [
            FacetValue(value=value, label=str(labels.get(value, value)), count=count, active=value in selected)
            for value, count in values
        ]
    return facets


def _backend():
    return elasticsearch if settings.ELASTICSEARCH_URL else database


def product_search(query="", filters=None, sort=DEFAULT_SORT, page=1, locale="zh-hant"):
    """Search public products. `query` is cleaned and cut to 200 characters (search/text.py); sort falls back
    to relevance."""
    if locale not in LANGUAGES:
        raise InvalidSearch(_("Unknown language."))
    text = fold(clean(query))
    search_query = SearchQuery(
        text=text,
        alternatives=synonyms.alternatives(text) if text else (),
        filters=filters or Filters(),
        sort=sort if sort in SORTS else DEFAULT_SORT,
        page=max(1, int(page)),
        language=locale,
    )
    backend, degraded = _backend(), False
    try:
        results, counts = backend.search(search_query)
    except SearchUnavailable as exc:
        logger.warning("search: Elasticsearch unavailable, answering from the database: %s", exc)
        results, counts = database.search(search_query)
        degraded = True
    results.degraded = degraded
    results.facets = _labelled(counts, search_query.filters, locale)
    return results


def product_autocomplete(text, locale="zh-hant"):
    """Up to ten distinct product names for the search box, in the buyer's language where the product has one.

    The typed text counts with its synonyms (teh → tea, 茶 …), and its last word may be unfinished: the
    glossary terms it begins (basik → basikal) are searched too, so a Malay or Vietnamese buyer gets
    suggestions for products named only in Chinese and English.
    """
    text = fold(clean(text))
    if not text:
        return []
    texts = synonyms.completions(text, synonyms.load_synonym_sets())
    try:
        return _backend().autocomplete(texts, locale)
    except SearchUnavailable as exc:
        logger.warning("search: Elasticsearch unavailable for autocomplete: %s", exc)
        return database.autocomplete(texts, locale)


SITE_SEARCH_PAGE_SIZE = 10


def page_search(query, *, locale, page):
    """One page of live, public site pages in `locale` matching `query` through Wagtail's search backend.

    The query is cleaned and trimmed to MAX_QUERY_LENGTH characters (search/text.py), without double quotes:
    Wagtail's SQLite (FTS5) backend puts each word between double quotes without escaping them, so one quote
    fails the whole query. An empty query returns None. A page number that
    is not a number gives the first page and one past the end gives the last (Paginator.get_page).
    When Elasticsearch fails, the database backend (kept up to date beside it) answers instead.
    """
    text = clean(query).replace('"', " ").strip()
    if not text:
        return None
    pages = Page.objects.live().public().filter(locale=locale).specific()
    try:
        return _evaluated_page(pages.search(text), page)
    except ElasticsearchException as error:
        logger.warning("Site search: Elasticsearch failed (%s); answering from the database", error)
        return _evaluated_page(pages.search(text, backend="database"), page)


def _evaluated_page(results, number):
    """A paginator page whose results are fetched now, so that an engine error surfaces here."""
    result_page = Paginator(results, SITE_SEARCH_PAGE_SIZE).get_page(number)
    result_page.object_list = list(result_page.object_list)
    return result_page
