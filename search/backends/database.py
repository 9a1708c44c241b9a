"""Searching the ProductEntry table: substring matching over folded text (search/text.py: Chinese in one
script, no case, no Latin diacritics; works for Chinese and Thai on SQLite and PostgreSQL), facet counts by
aggregation, the same result shape as Elasticsearch. Typos in Latin words: search/spelling.py.

Words of 3+ characters are looked up in a trigram index first (migration 0003: `pg_trgm` GIN on PostgreSQL,
which the planner applies to `LIKE` by itself; the FTS5 table ProductEntry.TEXT_INDEX on SQLite, asked
here); `LIKE` still decides, so the index only narrows and the results are those of `LIKE` alone. Shorter
words (many Chinese and Thai ones: 茶, ชา) have no trigram: on PostgreSQL they are looked up in the index of
one- and two-character substrings (migration 0005), on SQLite matched by `LIKE` over the rows the other
words leave.
"""

import contextlib
import dataclasses
import functools
import re
import sqlite3

from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan
from django.utils.html import escape

from .. import spelling, synonyms
from ..facets import BUCKETS, FACETS, MAX_PAGE, PAGE_SIZE, PRICE_FIELD, sort_for
from ..models import ProductEntry, ProductEntryFacet, ProductFacetTotal, facet_key
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


# A trigram index narrows by words of at least this many characters (one trigram); shorter ones match all rows.
INDEXED_WORD = 3


@functools.cache
def _sqlite_has_trigram():
    """Whether this SQLite library has FTS5's trigram tokenizer (3.34+): migration 0003 then made TEXT_INDEX."""
    with contextlib.closing(sqlite3.connect(":memory:")) as probe:
        try:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='trigram')")
        except sqlite3.OperationalError:
            return False
    return True


def _fts_all(words):
    """An FTS5 query: every word as a quoted string (a substring of 3+ characters for the trigram tokenizer)."""
    return "(" + " AND ".join('"' + word.replace('"', '""') + '"' for word in words) + ")"


def _indexed(words):
    return [word for word in words if len(word) >= INDEXED_WORD]


def _in_text_index(query):
    """The entries the trigram table finds for an FTS5 query."""
    table = ProductEntry.TEXT_INDEX
    # Table name from the model; the query is a parameter.
    found = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [query])  # noqa: S608, S611
    return Q(product_id__in=found)


def _has_short_gram(word):
    """The entry's one- and two-character substrings include `word`: the column and index of migration 0005
    (PostgreSQL; Django does not know the column, which PostgreSQL computes from `search_text`)."""
    return Q(RawSQL("short_grams @> ARRAY[%s]::text[]", [word], output_field=BooleanField()))


def _contains(word):
    """The entry's text holds `word`. On PostgreSQL a word of 1–2 characters is looked up in the short-gram
    index and decided by `strpos`, not `LIKE`: the planner would apply the trigram index to a `LIKE`, which
    has no trigram for it, and misjudge how many entries it matches."""
    if len(word) < INDEXED_WORD and connection.vendor == "postgresql":
        return _has_short_gram(word) & Q(GreaterThan(StrIndex("search_text", Value(word)), 0))
    return Q(search_text__contains=word)


def _all_contain(words):
    condition = Q()
    for word in words:
        condition &= _contains(word)
    return condition


def _any_branch(branches):
    condition = Q()
    for words in branches:
        condition |= _all_contain(words)
    return condition


def _narrowed_by_text_index(common, branches):
    """The condition of ``_text_filter`` with the entries first narrowed by the trigram table (SQLite).

    Each substring of 3+ characters an entry contains is found by the table, so narrowing by those words
    changes no result. Alternatives with such a word are tested only on the entries the table finds for them
    (one FTS5 query for all of them); alternatives of shorter words only (a Chinese "茶", a Thai "ชา") may
    match any entry and are tested on all, as are all of them when no word can be looked up.
    """
    common_words = _indexed(sorted(common))
    common_query = " AND ".join(_fts_all([word]) for word in common_words)
    by_common_words = _in_text_index(common_query) if common_query else Q()
    looked_up = [words for words in branches if _indexed(words)]
    scanned = [words for words in branches if not _indexed(words)]
    if not branches:
        return _all_contain(sorted(common)) & by_common_words
    alternatives = Q()
    if looked_up:
        either = "(" + " OR ".join(_fts_all(_indexed(words)) for words in looked_up) + ")"
        query = f"{common_query} AND {either}" if common_query else either
        alternatives |= _in_text_index(query) & _any_branch(looked_up)
    if scanned:
        alternatives |= by_common_words & _any_branch(scanned)
    return _all_contain(sorted(common)) & alternatives


def _text_filter(alternatives):
    """Each alternative matches when every word is a substring of the entry's text; any alternative will do.

    Words shared by every alternative (most synonym swaps change one term) are tested once. On SQLite with
    the trigram table, the entries are first narrowed to those the table finds.
    """
    word_lists = [_words(text) for text in alternatives]
    common = set.intersection(*(set(words) for words in word_lists))
    branches = [[word for word in words if word not in common] for words in word_lists]
    if not all(branches):
        branches = []
    if connection.vendor == "sqlite" and _sqlite_has_trigram():
        return _narrowed_by_text_index(common, branches)
    condition = _all_contain(sorted(common))
    if branches:
        condition &= _any_branch(branches)
    return condition


def _bucket_condition(column, low, high):
    """[low, high): the lower bound is included, the upper one is not."""
    return Q(
        *([Q(**{f"{column}__gte": low})] if low is not None else []),
        *([Q(**{f"{column}__lt": high})] if high is not None else []),
    )


def _filtered(entries, filters, *, by_keys=False):
    """The entries passing the filters. A TERMS or FLAG facet's values are found through the facet rows' index
    or, `by_keys`, through the entries' own `facet_keys` (PostgreSQL's GIN index, migration 0005)."""
    for facet in FACETS:
        values = facet.selected(filters)
        if not values:
            continue
        if facet.kind == BUCKETS:
            bucket = facet.bucket(values[0])
            entries = entries.filter(_bucket_condition(facet.field, bucket.low, bucket.high))
        elif by_keys:
            any_value = Q()
            for value in values:
                any_value |= Q(facet_keys__contains=[facet_key(facet.name, value)])
            entries = entries.filter(any_value)
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


def _order_sql(sort):
    """ORDER BY terms of a Sort's `database` ordering, over the matched rows' columns (NULLs where the database
    puts them, as `order_by` does)."""
    quote = connection.ops.quote_name
    return ", ".join(
        f"{quote(name[1:])} DESC" if name.startswith("-") else f"{quote(name)} ASC" for name in sort.database
    )


def _bucket_sql(column, bucket):
    """The SQL condition of a [low, high) bucket and its parameters."""
    conditions, params = [], []
    if bucket.low is not None:
        conditions.append(f"{column} >= %s")
        params.append(bucket.low)
    if bucket.high is not None:
        conditions.append(f"{column} < %s")
        params.append(bucket.high)
    return " AND ".join(conditions), params


def _materialized():
    """`AS MATERIALIZED` where the engine has it (PostgreSQL 12+, SQLite 3.35+): the matched rows are found
    once and read by every part of the statement, never inlined into each."""
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        return ""
    return " MATERIALIZED"


def _bucket_counts(facet):
    """The SQL counting a BUCKETS facet's matched rows per bucket (one pass), and its parameters."""
    cases, params = [], [facet.name]
    for bucket in facet.buckets:
        condition, bucket_params = _bucket_sql(facet.field, bucket)
        cases.append(f"WHEN {condition} THEN %s")
        params += [*bucket_params, bucket.key]
    cases, column = " ".join(cases), facet.field
    # Column names from FACETS, values as parameters.
    bucketed = f"SELECT CASE {cases} END AS bucket FROM matched WHERE {column} IS NOT NULL"  # noqa: S608
    sql = f"SELECT 'b', %s, bucket, COUNT(*), 0 FROM ({bucketed}) buckets WHERE bucket IS NOT NULL GROUP BY bucket"  # noqa: S608
    return sql, params


def _facet_counts(table):
    """The SQL counting the matched entries' facet rows, as ('f', facet, value, count, 0) rows.

    When at most half of the entries match, their facet rows are counted (the matched rows lead: SQLite keeps
    a CROSS JOIN's order, PostgreSQL a LATERAL subquery's; each one's facet rows are read through the
    (entry, facet, value) index, never the whole facet table). When more match, the facet rows of the entries
    *not* matched are counted and subtracted from the totals (ProductFacetTotal), so a search never counts
    more than half of the facet rows. Both are exact; `sizes` decides which one runs, before either starts.
    """
    entries, totals = ProductEntry._meta.db_table, ProductFacetTotal._meta.db_table
    few, many = (
        "(SELECT matched_count * 2 <= entry_count FROM sizes)",
        "(SELECT matched_count * 2 > entry_count FROM sizes)",
    )
    # Table names from the models; no values.
    if connection.vendor == "postgresql":
        # As a plain join, the planner misjudged the size of `matched` and hashed the whole facet table
        # (133 ms of 180 at 100,000 entries); `OFFSET 0` keeps the subquery from being flattened back into it.
        rows = f"SELECT facet, value FROM {table} WHERE entry_id = matched.product_id OFFSET 0"  # noqa: S608
        direct = (
            f"SELECT 'f', facet, value, COUNT(*), 0 FROM matched CROSS JOIN LATERAL ({rows}) rows "  # noqa: S608
            f"WHERE {few} GROUP BY facet, value"
        )
    else:
        direct = (
            f"SELECT 'f', facet, value, COUNT(*), 0 FROM matched CROSS JOIN {table} "  # noqa: S608
            f"WHERE entry_id = matched.product_id AND {few} GROUP BY facet, value"
        )
    # The condition is repeated inside: SQLite fills a joined subquery before it tests the outer WHERE.
    unmatched = (
        f"SELECT facet, value, COUNT(*) AS entries FROM {entries} unmatched CROSS JOIN {table} "  # noqa: S608
        f"WHERE entry_id = unmatched.product_id AND {many} "
        "AND NOT EXISTS (SELECT 1 FROM matched WHERE matched.product_id = unmatched.product_id) "
        "GROUP BY facet, value"
    )
    complement = (
        "SELECT 'f', totals.facet, totals.value, totals.entries - COALESCE(counted.entries, 0), 0 "  # noqa: S608
        f"FROM {totals} totals LEFT JOIN ({unmatched}) counted "
        f"ON counted.facet = totals.facet AND counted.value = totals.value WHERE {many}"
    )
    return [(direct, []), (complement, [])]


def _statement(entries, query, sort):
    """One statement over one scan of the entries: the total, the bucket counts, the counts of the matched
    entries' facet rows and the ids of the page, as rows (kind, name, value, number, position).

    Names in the SQL come from the models, FACETS and SORTS; every value is a parameter.
    """
    columns = ["product_id", "created_at", *(facet.field for facet in FACETS if facet.kind == BUCKETS)]
    if sort.ranked:
        in_category = When(_any_contains("category_text", query.alternatives), then=Value(2))
        in_name = When(_any_contains("name_text", query.alternatives), then=Value(1))
        entries = entries.annotate(
            rank=Case(in_category, default=Value(0), output_field=IntegerField())
            + Case(in_name, default=Value(0), output_field=IntegerField())
        )
        columns.append("rank")
    matched_sql, matched_params = entries.values(*columns).query.get_compiler(connection=connection).as_sql()
    table = ProductEntryFacet._meta.db_table
    parts = [
        ("SELECT 't', '', '', matched_count, 0 FROM sizes", []),
        *_facet_counts(table),
        *(_bucket_counts(facet) for facet in FACETS if facet.kind == BUCKETS),
    ]
    if query.page <= MAX_PAGE:
        page = f"SELECT product_id FROM matched ORDER BY {_order_sql(sort)} LIMIT %s OFFSET %s"  # noqa: S608
        numbered = f"SELECT 'p', '', '', product_id, ROW_NUMBER() OVER () FROM ({page}) page"  # noqa: S608
        parts.append((numbered, [PAGE_SIZE, query.offset]))
    materialized = _materialized()
    # Table name from the model.
    sizes = (
        f"sizes AS{materialized} (SELECT (SELECT COUNT(*) FROM matched) AS matched_count, "  # noqa: S608
        f"(SELECT COUNT(*) FROM {ProductEntry._meta.db_table}) AS entry_count)"
    )
    sql = f"WITH matched AS{materialized} ({matched_sql}), {sizes} " + " UNION ALL ".join(part for part, _ in parts)
    return sql, [*matched_params, *(param for _, part_params in parts for param in part_params)]


def _run(entries, query):
    """(total, {facet: [(value, count)]} most frequent first, the page's ids in order) from one statement."""
    sort = sort_for(query.sort, has_text=bool(query.alternatives))
    sql, params = _statement(entries, query, sort)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    total, counts, page = 0, {facet.name: [] for facet in FACETS}, []
    for kind, name, value, number, position in rows:
        if kind == "t":
            total = number
        elif kind == "p":
            page.append((position, number))
        elif name in counts and number:  # rows of a facet no longer in the vocabulary wait for the next rebuild
            counts[name].append((value, number))
    for facet in FACETS:
        if facet.kind == BUCKETS:
            order = [bucket.key for bucket in facet.buckets]
            counts[facet.name].sort(key=lambda item: order.index(item[0]))
        else:
            counts[facet.name].sort(key=lambda item: (-item[1], item[0]))
    return total, counts, [product_id for _position, product_id in sorted(page)]


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
            fixed = dataclasses.replace(query, text=corrected, alternatives=synonyms.alternatives(corrected))
            results, counts = _search(fixed)
            results.query, results.suggestion = query, corrected
    return results, counts


def _by_keys(query):
    """Whether the filters go through `facet_keys` (PostgreSQL): when a search has words or more than one
    facet to intersect, the planner then ANDs the index bitmaps before reading any entry. A single facet
    alone is read from the facet rows' index without touching the entries, which is faster there."""
    if connection.vendor != "postgresql":
        return False
    facets = sum(1 for facet in FACETS if facet.kind != BUCKETS and facet.selected(query.filters))
    return bool(facets) and (bool(query.alternatives) or facets > 1)


def _search(query):
    entries = ProductEntry.objects.all()
    if query.alternatives:
        entries = entries.filter(_text_filter(query.alternatives))
    total, counts, ids = _run(_filtered(entries, query.filters, by_keys=_by_keys(query)), query)
    documents = dict(ProductEntry.objects.filter(product_id__in=ids).values_list("product_id", "document"))
    hits = [
        hit_from_document(document, query.language, _highlight(document, query.language, query.alternatives))
        for document in (documents[product_id] for product_id in ids)
    ]
    results = SearchResults(total=total, hits=hits, facets={}, page=query.page, engine=NAME, query=query)
    return results, counts if total else {}


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
