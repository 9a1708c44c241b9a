"""The product search and site search results pages: the URL holds the whole state, everything works without
JavaScript."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from payments.money import buyer_currency

from . import cards
from .facets import BUCKETS, DEFAULT_SORT, FACETS, FACETS_BY_NAME, PRICE_BUCKETS, PRICE_FIELD, PRICE_RANGE, SORTS
from .selectors import InvalidSearch, filters_from_query, page_search, parse_page, product_search
from .text import clean

# Every URL parameter the page keeps, in the order the links spell them.
STATE_PARAMS = ("q", *(facet.param for facet in FACETS), *PRICE_RANGE, "sort")


def _state(request):
    return {name: [v for v in request.GET.getlist(name) if v.strip()] for name in STATE_PARAMS}


def _url(state, **changes):
    """The query string of `state` with `changes` applied (a value of [] removes the parameter; page resets)."""
    merged = {**state, **changes}
    pairs = [(name, value) for name in STATE_PARAMS for value in merged.get(name, [])]
    if merged.get("page"):
        pairs.append(("page", merged["page"]))
    return "?" + urlencode(pairs) if pairs else "?"


def _toggle(state, facet, value):
    """The URL that removes `value` when it is in `state`, and adds it otherwise (replacing, if single-valued).

    A price bucket replaces a typed price range too.
    """
    values = state.get(facet.param, [])
    if value in values:
        return _url(state, **{facet.param: [v for v in values if v != value]})
    changes = {facet.param: [*values, value] if facet.multiple else [value]}
    if facet.kind == BUCKETS and facet.field == PRICE_FIELD:
        changes.update({name: [] for name in PRICE_RANGE})
    return _url(state, **changes)


def _labels_in(currency):
    """Price bucket labels in the buyer's currency; other facets keep the labels the search gave."""
    return {("price", bucket.key): bucket.label(currency.display) for bucket in PRICE_BUCKETS}


def _facet_groups(results, state, prices):
    groups = []
    for name, values in results.facets.items():
        if not values:
            continue
        facet = FACETS_BY_NAME[name]
        options = [
            {
                "value": item.value,
                "label": prices.get((name, item.value), item.label),
                "count": item.count,
                "active": item.active,
                "url": _toggle(state, facet, item.value),
            }
            for item in values
        ]
        groups.append({"name": name, "title": facet.label, "options": options})
    return groups


def _chips(facets, filters, state, currency, prices):
    """Active filters, each with the URL that removes it; prices in the buyer's currency."""
    labels = {(facet, v.value): v.label for facet, values in facets.items() for v in values}
    labels.update(prices)
    chips = []
    for facet in FACETS:
        for value in state.get(facet.param, []):
            chips.append({"label": labels.get((facet.name, value), value), "url": _toggle(state, facet, value)})
    for param, label in zip(PRICE_RANGE, (_("from %(value)s"), _("up to %(value)s")), strict=True):
        amount = getattr(filters, param)
        if amount is not None:
            chips.append({"label": label % {"value": currency.display(amount)}, "url": _url(state, **{param: []})})
    return chips


def product_search_view(request):
    language = get_language()
    state = _state(request)
    sort = request.GET.get("sort", DEFAULT_SORT)
    context = {"query": request.GET.get("q", ""), "sort": sort, "state": state, "results": None, "error": ""}
    try:
        filters = filters_from_query(request.GET)
        page = parse_page(request.GET.get("page"))
    except InvalidSearch as exc:
        context["error"] = str(exc)
        return render(request, "search/results.html", context, status=400)
    results = product_search(query=context["query"], filters=filters, sort=sort, page=page, locale=language)
    currency = buyer_currency(request)
    prices = _labels_in(currency)
    context.update(
        results=results,
        cards=cards.result_cards(results.hits, currency=currency),
        facet_groups=_facet_groups(results, state, prices),
        chips=_chips(results.facets, filters, state, currency, prices),
        sorts=[(value, option.label) for value, option in SORTS.items()],
        hidden_state=[(name, value) for name in STATE_PARAMS if name not in ("q", "sort") for value in state[name]],
        previous_url=_url(state, page=str(page - 1)) if results.has_previous else "",
        next_url=_url(state, page=str(page + 1)) if results.has_next else "",
        suggestion_url=_url(state, q=[results.suggestion]) if results.suggestion else "",
    )
    return render(request, "search/results.html", context)


def site_search_view(request):
    """Programs, solutions, news and other pages of the current language matching `q`."""
    query = clean(request.GET.get("q", ""))
    results = page_search(query, locale=Locale.get_active(), page=request.GET.get("page"))
    return render(request, "search/site_search.html", {"query": query, "results": results})
