"""Writing documents: the database entries (always) and the Elasticsearch alias (when configured).

Index lifecycle: searches and writes use the alias `<prefix>_products`, which points at one versioned
index. A rebuild bulk-loads a new versioned index, switches the alias in one atomic `_aliases` call and
drops the old index, so searches never see a missing or half-filled index. While a rebuild runs, writes
go to every versioned index, so changes made during the rebuild are not lost.
"""

import collections
import datetime
import itertools
import logging
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from elasticsearch import helpers
from elasticsearch.exceptions import ElasticsearchException, NotFoundError

from . import spelling
from .documents import LANGUAGE_FIELDS, REFRESH_INTERVAL, alias_name, index_body, index_pattern, new_index_name
from .facets import BUCKETS, FACETS
from .models import ProductEntry, ProductEntryFacet, ProductFacetTotal, facet_key
from .synonyms import load_synonym_sets
from .text import fold

logger = logging.getLogger(__name__)
BULK_CHUNK = 1000
# Bulk requests in flight at once during a rebuild: the node indexes one while the next is being built and sent.
REBUILD_THREADS = 2
# Index administration (create, alias switch, delete) may wait on the cluster state: a longer timeout.
ADMIN_TIMEOUT = 30


# --- Database entries --------------------------------------------------------------------------------------


def _facet_rows(document):
    """(facet, value) rows of the TERMS and FLAG facets; BUCKETS facets are counted from their column."""
    return [
        (facet.name, value) for facet in FACETS if facet.kind != BUCKETS for value in facet.document_values(document)
    ]


def _names(document):
    return [text for text in document["name"].values() if text]


def _category_names(document):
    return [text for text in (document.get("category_name") or {}).values() if text]


def _entry(document):
    names = _names(document)
    categories = _category_names(document)
    texts = names + [text for text in document["description"].values() if text] + categories
    supplier = document["supplier"]
    texts += [document["sku"], supplier["name"], supplier["name_en"]]
    refresh_on = document.get("refresh_on")
    return ProductEntry(
        product_id=document["id"],
        document={key: value for key, value in document.items() if key != "refresh_on"},
        name_text=fold(" | ".join(names)),
        category_text=fold(" | ".join(categories)),
        search_text=fold(" | ".join(t for t in texts if t)),
        price_twd=None if document["price_twd"] is None else Decimal(str(document["price_twd"])),
        moq=document["moq"],
        created_at=document["created_at"],
        refresh_on=datetime.date.fromisoformat(refresh_on) if refresh_on else None,
        facet_keys=[facet_key(facet, value) for facet, value in _facet_rows(document)],
    )


def _delete_facet_rows(ids):
    """Delete the facet rows of the entries `ids`; returns {(facet, value): rows deleted}, exactly the rows
    this statement removed (`RETURNING`: PostgreSQL, SQLite 3.35+)."""
    removed = collections.Counter()
    table = ProductEntryFacet._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BULK_CHUNK // 2):
            chunk = ids[start : start + BULK_CHUNK // 2]
            placeholders = ", ".join(["%s"] * len(chunk))
            # Table name from the model; the ids are parameters.
            sql = f"DELETE FROM {table} WHERE entry_id IN ({placeholders}) RETURNING facet, value"  # noqa: S608
            cursor.execute(sql, chunk)
            removed.update(cursor.fetchall())
    return removed


def _add_to_totals(changes):
    """Add {(facet, value): change} to the facet totals, in one atomic upsert per value."""
    table = ProductFacetTotal._meta.db_table
    rows = [(facet, value, change) for (facet, value), change in sorted(changes.items()) if change]
    if not rows:
        return
    # Table name from the model; the values are parameters. Same syntax on PostgreSQL and SQLite 3.24+.
    sql = (
        f"INSERT INTO {table} (facet, value, entries) VALUES (%s, %s, %s) "  # noqa: S608
        f"ON CONFLICT (facet, value) DO UPDATE SET entries = {table}.entries + excluded.entries"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _recount_totals():
    totals, facets = ProductFacetTotal._meta.db_table, ProductEntryFacet._meta.db_table
    ProductFacetTotal.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(
            # Table names from the models.
            f"INSERT INTO {totals} (facet, value, entries) "  # noqa: S608
            f"SELECT facet, value, COUNT(*) FROM {facets} GROUP BY facet, value"
        )


def _analyze():
    """After a full replace the planner's statistics describe the old rows: gather new ones (PostgreSQL also
    marks the pages all-visible, so the facet counts read the indexes only). Runs after the commit (VACUUM
    cannot run in a transaction); when still inside one (an on-commit callback run early, as tests do), only
    ANALYZE, which can."""
    tables = [model._meta.db_table for model in (ProductEntry, ProductEntryFacet, ProductFacetTotal)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            cursor.execute(f"{command} {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")


@transaction.atomic
def write_entries(documents, removed_ids=(), *, replace_all=False):
    """Replace the database entries of `documents` and delete those of `removed_ids` (or all others), keep
    the facet totals in step, and add their names' words to the spelling vocabulary (rewritten from scratch
    with `replace_all`). The SQLite text index follows the entries by itself (triggers, migration 0003)."""
    spelling_texts = [text for document in documents for text in _names(document) + _category_names(document)]
    facet_rows = [(document["id"], facet, value) for document in documents for facet, value in _facet_rows(document)]
    if replace_all:
        ProductEntry.objects.all().delete()
        spelling.replace_words([*spelling_texts, *(term for terms in load_synonym_sets() for term in terms)])
    else:
        spelling.add_words(spelling_texts)
        ids = [*(document["id"] for document in documents), *removed_ids]
        changes = collections.Counter((facet, value) for _id, facet, value in facet_rows)
        changes.subtract(_delete_facet_rows(ids))
        for start in range(0, len(ids), BULK_CHUNK // 2):
            ProductEntry.objects.filter(product_id__in=ids[start : start + BULK_CHUNK // 2]).delete()
    ProductEntry.objects.bulk_create([_entry(document) for document in documents], batch_size=BULK_CHUNK)
    ProductEntryFacet.objects.bulk_create(
        [ProductEntryFacet(entry_id=entry_id, facet=facet, value=value) for entry_id, facet, value in facet_rows],
        batch_size=BULK_CHUNK,
    )
    if replace_all:
        _recount_totals()
        transaction.on_commit(_analyze)
    else:
        _add_to_totals(changes)


# --- Elasticsearch -----------------------------------------------------------------------------------------


def es_source(document):
    """The Elasticsearch _source: the document plus the autocomplete and spelling texts."""
    names = [text for text in document["name"].values() if text]
    source = {key: value for key, value in document.items() if key != "refresh_on"}
    source["autocomplete"] = names
    source["spelling"] = [document["name"][LANGUAGE_FIELDS[code]] for code in ("en", "ms", "id", "vi")]
    return source


class MissingPlugin(ElasticsearchException):
    """The node cannot hold the product index: its analyzers need the analysis-icu plugin."""


def node_has_icu(client):
    plugins = client.cat.plugins(format="json", request_timeout=settings.ELASTICSEARCH_TIMEOUT)
    return any("icu" in plugin.get("component", "").lower() for plugin in plugins)


def require_icu(client):
    if not node_has_icu(client):
        raise MissingPlugin(
            "the Elasticsearch node lacks the analysis-icu plugin (bin/elasticsearch-plugin install analysis-icu); "
            "the product index needs it for Chinese and Thai"
        )


def alias_target(client):
    """The versioned index the alias points at, or None."""
    try:
        return next(iter(client.indices.get_alias(name=alias_name())), None)
    except NotFoundError:
        return None


def versioned_indices(client):
    return sorted(client.indices.get(index=index_pattern(), ignore_unavailable=True, allow_no_indices=True))


def create_index(client, *, building=False):
    require_icu(client)
    name = new_index_name()
    client.indices.create(index=name, body=index_body(building=building), request_timeout=ADMIN_TIMEOUT)
    return name


def ensure_index(client):
    """Create a first (empty) versioned index behind the alias when there is none."""
    if alias_target(client) is None:
        name = create_index(client)
        client.indices.update_aliases(
            body={"actions": [{"add": {"index": name, "alias": alias_name()}}]}, request_timeout=ADMIN_TIMEOUT
        )


def _version(document):
    """External version from the product's last change: an older copy never overwrites a newer one."""
    return int(datetime.datetime.fromisoformat(document["updated_at"]).timestamp() * 1_000_000)


def _index_action(index, document):
    return {
        "_op_type": "index",
        "_index": index,
        "_id": document["id"],
        "_source": es_source(document),
        "version": _version(document),
        "version_type": "external_gte",
    }


def _is_harmless(error):
    """A delete of a missing document, or a copy older than the one indexed."""
    operation, result = next(iter(error.items()))
    return (operation == "delete" and result.get("status") == 404) or result.get("status") == 409


def _actions(indices, documents, removed_ids):
    for index in indices:
        for document in documents:
            yield _index_action(index, document)
        for product_id in removed_ids:
            yield {"_op_type": "delete", "_index": index, "_id": product_id}


def write_documents(client, documents, removed_ids=()):
    """Index `documents` and delete `removed_ids` in every versioned index; raises on any failure."""
    ensure_index(client)
    indices = versioned_indices(client)
    _, errors = helpers.bulk(
        client,
        _actions(indices, documents, removed_ids),
        chunk_size=BULK_CHUNK,
        raise_on_error=False,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT * 5,
    )
    failures = [error for error in errors if not _is_harmless(error)]
    if failures:
        raise helpers.BulkIndexError(f"{len(failures)} document(s) failed to index", failures)


def rebuild_index(client, documents, *, progress=None):
    """Bulk-load a new versioned index from `documents`, switch the alias atomically, drop the old ones.

    The new index is built with refresh off (documents.index_body(building=True)) and filled by
    REBUILD_THREADS bulk requests in parallel. Returns (new index name, number of documents indexed).
    """
    name = create_index(client, building=True)
    count = 0
    try:
        for ok, item in _parallel_bulk(client, (_index_action(name, document) for document in documents)):
            if not ok and not _is_harmless(item):
                raise helpers.BulkIndexError("a document failed to index", [item])
            count += 1
            if progress:
                progress(count)
        client.indices.put_settings(
            index=name, body={"index": {"refresh_interval": REFRESH_INTERVAL}}, request_timeout=ADMIN_TIMEOUT
        )
        client.indices.refresh(index=name, request_timeout=ADMIN_TIMEOUT)
    except Exception:
        client.indices.delete(index=name, ignore=[404], request_timeout=ADMIN_TIMEOUT)
        raise
    old = [index for index in versioned_indices(client) if index != name]
    actions = [{"remove": {"index": index, "alias": alias_name()}} for index in old if _has_alias(client, index)]
    actions.append({"add": {"index": name, "alias": alias_name()}})
    client.indices.update_aliases(body={"actions": actions}, request_timeout=ADMIN_TIMEOUT)
    for index in old:
        client.indices.delete(index=index, ignore=[404], request_timeout=ADMIN_TIMEOUT)
    return name, count


def _send(client, actions):
    return list(
        helpers.streaming_bulk(client, actions, chunk_size=len(actions), raise_on_error=False, request_timeout=60)
    )


def _parallel_bulk(client, actions):
    """(ok, item) per action, sent in bulk requests of BULK_CHUNK by REBUILD_THREADS threads.

    The actions are read here, in the calling thread (documents come from database queries, which belong to
    this thread's connection and transaction); only the requests go to the threads, at most REBUILD_THREADS
    chunks ahead, so memory stays bounded.
    """
    with ThreadPoolExecutor(max_workers=REBUILD_THREADS) as pool:
        pending = collections.deque()
        actions = iter(actions)
        while chunk := list(itertools.islice(actions, BULK_CHUNK)):
            pending.append(pool.submit(_send, client, chunk))
            if len(pending) >= REBUILD_THREADS:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _has_alias(client, index):
    return client.indices.exists_alias(index=index, name=alias_name())
