"""Which engine answers, where the alias points, how many products are indexed, what is still queued."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from elasticsearch.exceptions import ElasticsearchException

from search import indexing, sources
from search.documents import alias_name
from search.engine import get_client
from search.models import PendingUpdate, ProductEntry


class Command(BaseCommand):
    help = "Show the search engine, the index alias, indexed vs. public products and the pending outbox."

    def handle(self, *args, **options):
        public = sources.public_count()
        pending = PendingUpdate.objects.count()
        due = PendingUpdate.objects.filter(next_attempt_at__lte=timezone.now()).count()
        client = get_client()
        self.stdout.write(f"engine: {'elasticsearch' if client else 'database'}")
        self.stdout.write(f"public products: {public}")
        self.stdout.write(f"database entries: {ProductEntry.objects.count()}")
        if client is not None:
            try:
                target = indexing.alias_target(client)
                count = client.count(index=alias_name())["count"] if target else 0
                self.stdout.write(f"alias: {alias_name()} -> {target or '(none)'}")
                self.stdout.write(f"elasticsearch documents: {count}")
            except (ElasticsearchException, OSError) as exc:
                self.stdout.write(
                    self.style.WARNING(f"elasticsearch at {settings.ELASTICSEARCH_URL} unreachable: {exc}")
                )
        oldest = PendingUpdate.objects.order_by("queued_at").first()
        line = f"pending updates: {pending} ({due} due)"
        if oldest:
            line += f", oldest queued {oldest.queued_at:%Y-%m-%d %H:%M:%S}, last error: {oldest.last_error or '-'}"
        self.stdout.write(line)
