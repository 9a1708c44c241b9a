"""Searching the Elasticsearch alias. Any client error or timeout becomes SearchUnavailable."""

import functools
import re

import orjson
from django.conf import settings
from elasticsearch.exceptions import ElasticsearchException

from ..documents import LANGUAGE_FIELDS, LATIN_SUFFIXES, PARTS_MIN, alias_name
from ..engine import get_client
from ..facets import BUCKETS, FACETS, FLAG, FLAG_VALUE, MAX_PAGE, PAGE_SIZE, PRICE_FIELD, sort_for
from .base import (
    AUTOCOMPLETE_CANDIDATES,
    AUTOCOMPLETE_SIZE,
    SearchResults,
    SearchUnavailable,
    distinct_suggestions,
    hit_from_document,
)

NAME = "elasticsearch"
LATIN_LETTER = re.compile(r"[a-z]")
LATIN_WORD = re.compile(r"[a-z0-9]")
SEGMENTED_SUFFIXES = ("zh_hant", "th")
TERMS_SIZE = 200
# The parts of a search response the results use; the rest (ids, scores, sort values, shard statistics) is
# left on the node rather than serialised, sent and parsed on every search.
RESPONSE_FIELDS = "took,hits.total,hits.hits._source,hits.hits.highlight,aggregations,suggest"
CATEGORY_BOOST = 10
# Request bodies kept per process, serialised: a query searched again (the next page, another buyer's
# "pineapple cake") is neither built nor encoded again.
BODIES_KEPT = 512


def _fields(suffixes, locale_suffix, *, descriptions=True):
    """Names over categories over descriptions; the buyer's language counts double."""
    fields = []
    for suffix in suffixes:
        boost = 2 if suffix == locale_suffix else 1
        fields += [f"name.{suffix}^{4 * boost}", f"category_name.{suffix}^{3 * boost}"]
        if descriptions:
            fields.append(f"description.{suffix}^{boost}")
    return fields


def _word_clause(word, locale_suffix, *, typed):
    """One word of the query, in any field of any language; Chinese and Thai fields need all of the word's
    tokens in one field (fuzzy bigrams would only add noise).

    The text as typed is looked for everywhere: Latin fields forgive typos (AUTO fuzziness, the first letter
    fixed), and a Latin word of 4 letters or more may be part of a compound (light → Headlight). A synonym
    alternative is spelled right and written in one script: its Latin words go to the Latin fields, its
    other words to the Chinese and Thai ones, names and categories only. Fuzzy terms, phrases and the long
    descriptions are the costly parts of a query, so the alternatives leave them out.
    """
    latin = bool(LATIN_WORD.search(word))
    should = []
    if typed or not latin:
        fields = _fields(SEGMENTED_SUFFIXES, locale_suffix, descriptions=typed) + ["supplier.name^2"]
        should.append({"multi_match": {"query": word, "fields": fields, "operator": "and"}})
    if latin:
        fields = _fields(LATIN_SUFFIXES, locale_suffix, descriptions=typed) + [
            "supplier.name.en^2",
            "supplier.name_en^2",
        ]
        fuzzy = {"fuzziness": "AUTO", "prefix_length": 1} if typed else {}
        should.append({"multi_match": {"query": word, "fields": fields, "operator": "and", **fuzzy}})
    if typed and len(word) >= PARTS_MIN and LATIN_LETTER.search(word):
        should.append({"multi_match": {"query": word, "fields": [f"name.{s}.parts^0.5" for s in LATIN_SUFFIXES]}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _text_clause(text, locale_suffix, *, typed):
    """One query alternative: every word must be found, each in whichever field and language holds it
    ("basikal carbon frame", "oolong ชา"). The whole text as the product's category (茶, tea) ranks first;
    for the text as typed, so do a phrase in a name and an exact SKU."""
    boosts = [
        {
            "multi_match": {
                "query": text,
                "fields": [f"category_name.{suffix}" for suffix in LANGUAGE_FIELDS.values()],
                "operator": "and",
                "boost": CATEGORY_BOOST,
            }
        }
    ]
    if typed:
        boosts += [
            {"multi_match": {"query": text, "type": "phrase", "fields": [f"name.{locale_suffix}^6"]}},
            {
                "multi_match": {
                    "query": text,
                    "type": "phrase",
                    "fields": [f"name.{suffix}^3" for suffix in LANGUAGE_FIELDS.values()],
                }
            },
        ]
    words = {
        "bool": {"must": [_word_clause(word, locale_suffix, typed=typed) for word in text.split()], "should": boosts}
    }
    if not typed:
        return words
    return {
        "bool": {
            "should": [words, {"term": {"sku": {"value": text.upper(), "boost": 10}}}],
            "minimum_should_match": 1,
        }
    }


def _range(low, high, *, upper):
    """A range from `low` (included) to `high` (`upper`: "lt" for an excluded bound, "lte" for an included one)."""
    bounds = {}
    if low is not None:
        bounds["gte"] = float(low)
    if high is not None:
        bounds[upper] = float(high)
    return bounds


def _facet_clause(facet, values):
    if facet.kind == FLAG:
        return {"term": {facet.field: True}}
    if facet.kind == BUCKETS:
        bucket = facet.bucket(values[0])
        return {"range": {facet.field: _range(bucket.low, bucket.high, upper="lt")}}
    if facet.multiple:
        return {"terms": {facet.field: list(values)}}
    return {"term": {facet.field: values[0]}}


def _filter_clauses(filters):
    clauses = [_facet_clause(facet, values) for facet in FACETS if (values := facet.selected(filters))]
    price = _range(filters.price_min, filters.price_max, upper="lte")
    if price:
        clauses.append({"range": {PRICE_FIELD: price}})
    return clauses


def _aggregation(facet):
    if facet.kind == FLAG:
        return {"filter": {"term": {facet.field: True}}}
    if facet.kind == BUCKETS:
        ranges = [
            {
                "key": bucket.key,
                **({"from": float(bucket.low)} if bucket.low is not None else {}),
                **({"to": float(bucket.high)} if bucket.high is not None else {}),
            }
            for bucket in facet.buckets
        ]
        return {"range": {"field": facet.field, "ranges": ranges}}
    return {"terms": {"field": facet.field, "size": TERMS_SIZE, "min_doc_count": 1}}


def _sort(query):
    return list(sort_for(query.sort, has_text=bool(query.alternatives)).elasticsearch)


def build_request(query):
    """The search request body for a SearchQuery (kept separate so tests can read it)."""
    locale_suffix = LANGUAGE_FIELDS[query.language]
    bool_query = {"filter": _filter_clauses(query.filters)}
    if query.alternatives:
        bool_query["must"] = [
            {
                "bool": {
                    "should": [
                        _text_clause(text, locale_suffix, typed=index == 0)
                        for index, text in enumerate(query.alternatives)
                    ],
                    "minimum_should_match": 1,
                }
            }
        ]
    in_window = query.page <= MAX_PAGE
    body = {
        "query": {"bool": bool_query},
        "from": query.offset if in_window else 0,
        "size": PAGE_SIZE if in_window else 0,
        "track_total_hits": True,
        "sort": _sort(query),
        "_source": ["id", "sku", "name", "supplier", "urls", "price_twd", "moq", "certifications", "markets"],
        # A range aggregation counts `from` included and `to` excluded: the buckets' [low, high).
        "aggs": {facet.name: _aggregation(facet) for facet in FACETS},
    }
    if query.alternatives:
        body["highlight"] = {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "number_of_fragments": 1,
            "fragment_size": 140,
            "no_match_size": 0,
            # The buyer's language and the two required ones only: highlighting every field doubles the cost.
            "fields": {
                field: {}
                for suffix in dict.fromkeys((locale_suffix, "en", "zh_hant"))
                for field in (f"name.{suffix}", f"description.{suffix}")
            },
        }
    if LATIN_LETTER.search(query.text):
        # The spelling field holds the Latin-script names only: Chinese and Thai queries skip the suggester.
        body["suggest"] = {"spelling": {"text": query.text, "term": {"field": "spelling", "suggest_mode": "missing"}}}
    return body


@functools.lru_cache(maxsize=BODIES_KEPT)
def request_body(query):
    """The request body of a SearchQuery as JSON text (it depends on nothing else)."""
    return orjson.dumps(build_request(query)).decode()


def _highlight(hit, locale_suffix):
    highlights = hit.get("highlight") or {}
    preferred = [f"name.{locale_suffix}", f"description.{locale_suffix}", "name.en", "description.en"]
    for key in preferred + sorted(highlights):
        if highlights.get(key):
            return highlights[key][0]
    return ""


def _suggestion(response):
    words = []
    changed = False
    for entry in response.get("suggest", {}).get("spelling", []):
        options = entry.get("options") or []
        if options:
            words.append(options[0]["text"])
            changed = True
        else:
            words.append(entry["text"])
    return " ".join(words) if changed else ""


def _facet_counts(aggregations):
    counts = {}
    for facet in FACETS:
        aggregation = aggregations[facet.name]
        if facet.kind == FLAG:
            counts[facet.name] = [(FLAG_VALUE, aggregation["doc_count"])] if aggregation["doc_count"] else []
        else:
            counts[facet.name] = [(b["key"], b["doc_count"]) for b in aggregation["buckets"] if b["doc_count"]]
    return counts


def _client():
    client = get_client()
    if client is None:
        raise SearchUnavailable("ELASTICSEARCH_URL is not set")
    return client


def search(query):
    """Run the query; returns (SearchResults without facet labels, raw facet counts)."""
    try:
        # request_cache: the node keeps the query phase of a search (the page's ids, the total, the facet counts,
        # the suggestion) in its shard request cache until a refresh changes the index, so a search asked again
        # (a category page, a popular query) skips it and only fetches the page's documents and highlights.
        # Results stay exactly those of an uncached search; without it only size-0 searches are kept.
        response = _client().search(
            index=alias_name(),
            body=request_body(query),
            filter_path=RESPONSE_FIELDS,
            request_cache=True,
            request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        )
    except (ElasticsearchException, OSError) as exc:
        raise SearchUnavailable(f"{exc.__class__.__name__}: {exc}") from exc
    locale_suffix = LANGUAGE_FIELDS[query.language]
    hits = [
        hit_from_document(hit["_source"], query.language, _highlight(hit, locale_suffix))
        for hit in response["hits"].get("hits", [])
    ]
    results = SearchResults(
        total=response["hits"]["total"]["value"],
        hits=hits,
        facets={},
        page=query.page,
        engine=NAME,
        suggestion=_suggestion(response) if query.text else "",
        query=query,
        took=response.get("took"),
    )
    return results, _facet_counts(response["aggregations"])


def autocomplete(texts, language):
    """Up to ten distinct product names whose words start with the typed words of one of `texts` (the typed
    text and its synonyms)."""
    body = {
        "size": AUTOCOMPLETE_CANDIDATES,
        "query": {
            "bool": {
                "should": [{"match": {"autocomplete": {"query": text, "operator": "and"}}} for text in texts],
                "minimum_should_match": 1,
            }
        },
        "_source": ["id", "name", "urls", "sku", "supplier", "price_twd", "moq", "certifications", "markets"],
    }
    try:
        response = _client().search(
            index=alias_name(),
            body=body,
            filter_path="hits.hits._source",
            request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        )
    except (ElasticsearchException, OSError) as exc:
        raise SearchUnavailable(f"{exc.__class__.__name__}: {exc}") from exc
    hits = (hit_from_document(hit["_source"], language) for hit in response.get("hits", {}).get("hits", []))
    return distinct_suggestions(hits, AUTOCOMPLETE_SIZE)
