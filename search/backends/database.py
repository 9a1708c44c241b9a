"""Searching the ProductEntry table: substring matching over folded text (search/text.py: Chinese in one
script, no case, no Latin diacritics; works for Chinese and Thai on SQLite and PostgreSQL), facet counts by
aggregation, the same result shape as Elasticsearch. Typos in Latin words: search/spelling.py."""

import dataclasses
import re

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils.html import escape

from .. import spelling, synonyms
from ..facets import BUCKETS, FACETS, MAX_PAGE, PAGE_SIZE, PRICE_FIELD, sort_for
from ..models import ProductEntry, ProductEntryFacet
from ..text import fold
from .base import (
    AUTOCOMPLETE_CANDIDATES,
    AUTOCOMPLETE_SIZE,
    SearchResults,
    distinct_suggestions,
    hit_from_document,
    localised,
)

NAME = "database"
SNIPPET_RADIUS = 60


def _words(text):
    return text.split()


def _text_filter(alternatives):
    """Each alternative matches when every word is a substring of the entry's text; any alternative will do.

    Words shared by every alternative (most synonym swaps change one term) are tested once.
    """
    word_lists = [_words(text) for text in alternatives]
    common = set.intersection(*(set(words) for words in word_lists))
    condition = Q()
    for word in sorted(common):
        condition &= Q(search_text__contains=word)
    rest = Q()
    for words in word_lists:
        remaining = [word for word in words if word not in common]
        if not remaining:
            return condition
        branch = Q()
        for word in remaining:
            branch &= Q(search_text__contains=word)
        rest |= branch
    return condition & rest


def _bucket_condition(column, low, high):
    """[low, high): the lower bound is included, the upper one is not."""
    return Q(
        *([Q(**{f"{column}__gte": low})] if low is not None else []),
        *([Q(**{f"{column}__lt": high})] if high is not None else []),
    )


def _filtered(entries, filters):
    for facet in FACETS:
        values = facet.selected(filters)
        if not values:
            continue
        if facet.kind == BUCKETS:
            bucket = facet.bucket(values[0])
            entries = entries.filter(_bucket_condition(facet.field, bucket.low, bucket.high))
        else:
            entries = entries.filter(
                product_id__in=ProductEntryFacet.objects.filter(facet=facet.name, value__in=values).values("entry_id")
            )
    if filters.price_min is not None:
        entries = entries.filter(**{f"{PRICE_FIELD}__gte": filters.price_min})
    if filters.price_max is not None:
        entries = entries.filter(**{f"{PRICE_FIELD}__lte": filters.price_max})
    return entries


def _any_contains(column, alternatives):
    condition = Q()
    for text in alternatives:
        condition |= Q(**{f"{column}__contains": text})
    return condition


def _ordered(entries, query):
    """Relevance: the query is the product's category word (茶, tea) > it is in the name > elsewhere only."""
    sort = sort_for(query.sort, has_text=bool(query.alternatives))
    if sort.ranked:
        in_category = When(_any_contains("category_text", query.alternatives), then=Value(2))
        in_name = When(_any_contains("name_text", query.alternatives), then=Value(1))
        entries = entries.annotate(
            rank=Case(in_category, default=Value(0), output_field=IntegerField())
            + Case(in_name, default=Value(0), output_field=IntegerField())
        )
    return entries.order_by(*sort.database)


def _totals(entries):
    """The number of matches and the counts of every BUCKETS facet, in one aggregate query."""
    buckets = {
        f"bucket_{i}_{j}": (facet, bucket)
        for i, facet in enumerate(FACETS)
        if facet.kind == BUCKETS
        for j, bucket in enumerate(facet.buckets)
    }
    counts = entries.aggregate(
        total=Count("product_id"),
        **{
            alias: Count("product_id", filter=_bucket_condition(facet.field, bucket.low, bucket.high))
            for alias, (facet, bucket) in buckets.items()
        },
    )
    bucket_counts = {facet.name: [] for facet, _bucket in buckets.values()}
    for alias, (facet, bucket) in buckets.items():
        if counts[alias]:
            bucket_counts[facet.name].append((bucket.key, counts[alias]))
    return counts["total"], bucket_counts


def _facet_counts(entries, bucket_counts):
    """{facet name: [(value, count)]} for every facet of the vocabulary, most frequent values first."""
    counts = {facet.name: bucket_counts.get(facet.name, []) for facet in FACETS}
    rows = (
        ProductEntryFacet.objects.filter(entry_id__in=entries.values("product_id"))
        .values_list("facet", "value")
        .annotate(count=Count("id"))
        .order_by("-count", "value")
    )
    for facet, value, count in rows:
        if facet in counts:  # rows of a facet no longer in the vocabulary wait for the next rebuild
            counts[facet].append((value, count))
    return counts


def _texts(document, language):
    """Buyer-language name and description first, then every other language's."""
    names, descriptions = document.get("name") or {}, document.get("description") or {}
    yield localised(names, language)
    yield localised(descriptions, language)
    yield from names.values()
    yield from descriptions.values()


def _highlight(document, language, alternatives):
    """An escaped snippet around the first match, with <mark> around each matching word."""
    words = sorted({w for text in alternatives for w in _words(text)}, key=len, reverse=True)
    if not words:
        return ""
    pattern = re.compile("|".join(re.escape(w) for w in words))
    for text in _texts(document, language):
        folded = fold(text)
        match = pattern.search(folded)
        if not match or len(folded) != len(text):
            continue
        start = max(0, match.start() - SNIPPET_RADIUS)
        end = min(len(text), match.end() + SNIPPET_RADIUS)
        parts, position = [], start
        for found in pattern.finditer(folded, start, end):
            parts += [escape(text[position : found.start()]), "<mark>", escape(text[found.start() : found.end()])]
            parts.append("</mark>")
            position = found.end()
        parts.append(escape(text[position:end]))
        return "".join(parts)
    return ""


def search(query):
    """Run the query; returns (SearchResults without facet labels, raw facet counts).

    A Latin word missing from the vocabulary gets a "did you mean"; when the query as typed finds nothing,
    the corrected query answers (typo tolerance, as Elasticsearch's fuzzy matching gives).
    """
    results, counts = _search(query)
    corrected = spelling.correct(query.text) if query.text else ""
    if corrected:
        results.suggestion = corrected
        if not results.total:
            fixed = dataclasses.replace(
                query, text=corrected, alternatives=tuple(synonyms.expand(corrected, synonyms.load_synonym_sets()))
            )
            results, counts = _search(fixed)
            results.query, results.suggestion = query, corrected
    return results, counts


def _search(query):
    entries = ProductEntry.objects.all()
    if query.alternatives:
        entries = entries.filter(_text_filter(query.alternatives))
    entries = _filtered(entries, query.filters)
    total, bucket_counts = _totals(entries)
    documents = []
    if query.page <= MAX_PAGE and total > query.offset:
        page = _ordered(entries, query).values_list("document", flat=True)[query.offset : query.offset + PAGE_SIZE]
        documents = list(page)
    hits = [
        hit_from_document(document, query.language, _highlight(document, query.language, query.alternatives))
        for document in documents
    ]
    results = SearchResults(total=total, hits=hits, facets={}, page=query.page, engine=NAME, query=query)
    return results, _facet_counts(entries, bucket_counts) if total else {}


def autocomplete(texts, language):
    """Up to ten distinct product names (in the buyer's language) containing one of the typed `texts`: the
    typed text and its synonyms; names that also start with it come first, then the newest."""
    condition = _any_contains("name_text", texts)
    starts = Q()
    for text in texts:
        starts |= Q(name_text__startswith=text) | Q(name_text__contains=f"| {text}")
    entries = (
        ProductEntry.objects.filter(condition)
        .annotate(starts=Case(When(starts, then=Value(1)), default=Value(0), output_field=IntegerField()))
        .order_by("-starts", "-created_at")
    )
    documents = entries.values_list("document", flat=True)[:AUTOCOMPLETE_CANDIDATES]
    return distinct_suggestions((hit_from_document(document, language) for document in documents), AUTOCOMPLETE_SIZE)
