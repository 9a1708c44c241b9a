"""Writes of the search app: the outbox that keeps the index in step with the catalog, and the glossary load.

Keeping the index in step with the catalog through a durable outbox (PendingUpdate).

Receivers of the catalog signals only write outbox rows and queue `process_pending_updates` after commit,
so saving a product never waits for, or fails because of, Elasticsearch. Processing rewrites the database
entries, then sends the same documents to Elasticsearch; a row is deleted only when both succeeded, and
otherwise retried with back-off (`search_drain` catches up after an outage).
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from elasticsearch.exceptions import ElasticsearchException

from . import indexing, sources, spelling, tasks
from .engine import get_client
from .models import PendingUpdate, ProductEntry, SynonymSet

logger = logging.getLogger(__name__)
BATCH_SIZE = 500


@transaction.atomic
def queue_products(*, product_ids):
    """Record that these products must be re-indexed and process the queue once the transaction commits.

    One upsert for all the ids (a row already queued is moved to now) and one task, however many there are."""
    now = timezone.now()
    ids = sorted(set(product_ids))
    if not ids:
        return
    PendingUpdate.objects.bulk_create(
        [PendingUpdate(product_id=product_id, queued_at=now, next_attempt_at=now, attempts=0) for product_id in ids],
        update_conflicts=True,
        unique_fields=["product_id"],
        update_fields=["queued_at", "next_attempt_at", "attempts"],
    )
    transaction.on_commit(tasks.process_pending_updates.enqueue)


def queue_due_refreshes(*, today):
    """Queue the products whose certificates start or end being valid today (their facets change)."""
    ids = list(ProductEntry.objects.filter(refresh_on__lte=today).values_list("product_id", flat=True))
    if ids:
        queue_products(product_ids=ids)
    return len(ids)


def process_pending(*, now=None, everything=False):
    """Apply due outbox rows (all rows with `everything`). Returns (applied, failed)."""
    now = now or timezone.now()
    rows = PendingUpdate.objects.all() if everything else PendingUpdate.objects.filter(next_attempt_at__lte=now)
    applied = failed = 0
    last_id = 0
    while True:
        batch = list(rows.filter(pk__gt=last_id).order_by("pk")[:BATCH_SIZE])
        if not batch:
            return applied, failed
        last_id = batch[-1].pk
        ok, error = _apply(batch)
        if ok:
            for row in batch:
                PendingUpdate.objects.filter(pk=row.pk, queued_at=row.queued_at).delete()
            applied += len(batch)
        else:
            for row in batch:
                row.retry_later(error=error, now=now)
            PendingUpdate.objects.bulk_update(batch, ["attempts", "next_attempt_at", "last_error"])
            failed += len(batch)
            logger.warning("search: %d index update(s) postponed: %s", len(batch), error)


def _apply(rows):
    """Write the rows' products to the database entries and Elasticsearch; (ok, error message)."""
    ids = [row.product_id for row in rows]
    documents = sources.documents_for(ids)
    removed = [product_id for product_id in ids if product_id not in documents]
    indexing.write_entries(list(documents.values()), removed)
    client = get_client()
    if client is None:
        return True, ""
    try:
        indexing.write_documents(client, list(documents.values()), removed)
    except (ElasticsearchException, OSError) as exc:
        return False, f"{exc.__class__.__name__}: {exc}"
    return True, ""


@dataclass(frozen=True)
class GlossaryLoad:
    created: tuple
    updated: tuple
    unchanged: int
    not_in_file: tuple
    pruned: bool


@transaction.atomic
def glossary_load(*, concepts, prune=False, dry_run=False):
    """Write each glossary concept to its synonym set (found by `glossary_key`), creating missing ones.

    Sets of the glossary whose concept is not in `concepts` are kept, or deleted with `prune`; sets staff
    made themselves (no concept) are never touched. `dry_run` reports the changes without writing them.
    Latin words of the terms join the database backend's spelling vocabulary.
    """
    existing = {s.glossary_key: s for s in SynonymSet.objects.exclude(glossary_key="").select_for_update()}
    created, updated, unchanged = [], [], 0
    for concept in concepts:
        terms = "\n".join(concept.all_terms())
        synonym_set = existing.get(concept.key)
        if synonym_set is None:
            created.append(concept.key)
            if not dry_run:
                SynonymSet.objects.create(name=concept.name, terms=terms, glossary_key=concept.key)
        elif synonym_set.terms != terms or synonym_set.name != concept.name:
            updated.append(concept.key)
            if not dry_run:
                synonym_set.name, synonym_set.terms = concept.name, terms
                synonym_set.save(update_fields=["name", "terms", "updated_at"])
        else:
            unchanged += 1
    stale = tuple(sorted(set(existing) - {concept.key for concept in concepts}))
    if not dry_run:
        if prune and stale:
            SynonymSet.objects.filter(glossary_key__in=stale).delete()
        spelling.add_words(term for concept in concepts for term in concept.all_terms())
    return GlossaryLoad(
        created=tuple(created), updated=tuple(updated), unchanged=unchanged, not_in_file=stale, pruned=prune
    )
