"""The product search and site search results pages: the URL holds the whole state, everything works without
JavaScript."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .backends.base import MAX_QUERY_LENGTH, SORTS
from .selectors import InvalidSearch, build_filters, page_search, parse_page, product_search

# Request parameter of each facet; multi-valued facets may repeat.
FACET_PARAMS = {
    "category": "category",
    "certification": "certification",
    "market": "market",
    "district": "district",
    "sample": "sample",
}
STATE_PARAMS = ("q", "category", "certification", "market", "district", "sample", "price_min", "price_max", "sort")


def _state(request):
    return {name: [v for v in request.GET.getlist(name) if v.strip()] for name in STATE_PARAMS}


def _url(state, **changes):
    """The query string of `state` with `changes` applied (a value of [] removes the parameter; page resets)."""
    merged = {**state, **changes}
    pairs = [(name, value) for name in STATE_PARAMS for value in merged.get(name, [])]
    if merged.get("page"):
        pairs.append(("page", merged["page"]))
    return "?" + urlencode(pairs) if pairs else "?"


def _toggle(state, param, value):
    values = state.get(param, [])
    single = param in ("category", "sample")
    if value in values:
        return _url(state, **{param: [v for v in values if v != value]})
    return _url(state, **{param: [value] if single else [*values, value]})


def _facet_groups(results, state):
    titles = {
        "category": _("Category"),
        "certification": _("Certification"),
        "market": _("Ships to"),
        "district": _("Supplier district"),
        "sample": _("Samples"),
        "price": _("Price"),
    }
    groups = []
    for facet, values in results.facets.items():
        if not values:
            continue
        options = []
        for item in values:
            if facet == "price":
                low, _sep, high = item.value.partition("-")
                url = _url(state, price_min=[low] if low else [], price_max=[high] if high else [])
            else:
                url = _toggle(state, FACET_PARAMS[facet], item.value)
            options.append(
                {"value": item.value, "label": item.label, "count": item.count, "active": item.active, "url": url}
            )
        groups.append({"name": facet, "title": titles[facet], "options": options})
    return groups


def _chips(results, state):
    """Active filters, each with the URL that removes it."""
    labels = {(facet, v.value): v.label for facet, values in results.facets.items() for v in values}
    chips = []
    for facet, param in FACET_PARAMS.items():
        for value in state.get(param, []):
            chips.append({"label": labels.get((facet, value), value), "url": _toggle(state, param, value)})
    for param, label in (("price_min", _("from NT$%(value)s")), ("price_max", _("up to NT$%(value)s"))):
        for value in state.get(param, []):
            chips.append({"label": label % {"value": value}, "url": _url(state, **{param: []})})
    return chips


def product_search_view(request):
    language = get_language()
    state = _state(request)
    sort = request.GET.get("sort", "relevance")
    context = {"query": request.GET.get("q", ""), "sort": sort, "state": state, "results": None, "error": ""}
    try:
        filters = build_filters(
            category=request.GET.get("category", ""),
            certifications=request.GET.getlist("certification"),
            markets=request.GET.getlist("market"),
            districts=request.GET.getlist("district"),
            sample=request.GET.get("sample") == "1",
            price_min=request.GET.get("price_min"),
            price_max=request.GET.get("price_max"),
        )
        page = parse_page(request.GET.get("page"))
    except InvalidSearch as exc:
        context["error"] = str(exc)
        return render(request, "search/results.html", context, status=400)
    results = product_search(query=context["query"], filters=filters, sort=sort, page=page, locale=language)
    sort_labels = {
        "relevance": _("Best match"),
        "newest": _("Newest"),
        "price_asc": _("Price: low to high"),
        "price_desc": _("Price: high to low"),
    }
    context.update(
        results=results,
        facet_groups=_facet_groups(results, state),
        chips=_chips(results, state),
        sorts=[(value, sort_labels[value]) for value in SORTS],
        hidden_state=[(name, value) for name in STATE_PARAMS if name not in ("q", "sort") for value in state[name]],
        previous_url=_url(state, page=str(page - 1)) if results.has_previous else "",
        next_url=_url(state, page=str(page + 1)) if results.has_next else "",
        suggestion_url=_url(state, q=[results.suggestion]) if results.suggestion else "",
    )
    return render(request, "search/results.html", context)


def site_search_view(request):
    """Programs, solutions, news and other pages of the current language matching `q`."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    results = page_search(query, locale=Locale.get_active(), page=request.GET.get("page"))
    return render(request, "search/site_search.html", {"query": query, "results": results})
