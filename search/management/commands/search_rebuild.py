"""Rebuild the product index with zero downtime: new versioned index, bulk load, atomic alias switch."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from elasticsearch.exceptions import ElasticsearchException

from search import indexing, sources
from search.engine import get_client


class Command(BaseCommand):
    help = "Rebuild the database search entries and, when ELASTICSEARCH_URL is set, a new Elasticsearch index."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, no_progress=False, **options):
        total = sources.public_count()
        started = time.monotonic()
        documents = list(sources.iter_documents())
        indexing.write_entries(documents, replace_all=True)
        self.stdout.write(f"database: {len(documents)} product(s) in the search table")
        client = get_client()
        if client is None:
            self.stdout.write("engine: database (ELASTICSEARCH_URL is not set); nothing else to rebuild")
            return
        progress = None if no_progress else self._progress(total)
        try:
            name, count = indexing.rebuild_index(client, iter(documents), progress=progress)
        except (ElasticsearchException, OSError) as exc:
            raise CommandError(f"Elasticsearch rebuild failed, the alias still points at the old index: {exc}") from exc
        if progress:
            self.stdout.write("")
        elapsed = time.monotonic() - started
        rate = count / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"elasticsearch: {count} product(s) in {name}; alias switched ({elapsed:.1f} s, {rate:.0f}/s)"
            )
        )

    def _progress(self, total):
        width = 30
        interactive = sys.stdout.isatty()

        def draw(done):
            if not interactive and done not in (total,) and done % 1000:
                return
            filled = width * done // total if total else width
            line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
            self.stdout.write(("\r" if interactive else "") + line, ending="" if interactive else "\n")
            self.stdout.flush()

        return draw
