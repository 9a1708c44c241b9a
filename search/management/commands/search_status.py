"""Which engine answers, the cluster's health and the index's shards, where the alias points, how many
products are indexed, what is still queued."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from elasticsearch.exceptions import ElasticsearchException

from search import indexing, sources
from search.documents import alias_name
from search.engine import get_client
from search.models import PendingUpdate, ProductEntry


class Command(BaseCommand):
    help = (
        "Show the search engine, cluster health and shard state, the index alias, indexed vs. public products "
        "and the pending outbox."
    )

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
                self.cluster(client, target)
            except (ElasticsearchException, OSError) as exc:
                self.stdout.write(
                    self.style.WARNING(f"elasticsearch at {settings.ELASTICSEARCH_URL} unreachable: {exc}")
                )
        oldest = PendingUpdate.objects.order_by("queued_at").first()
        line = f"pending updates: {pending} ({due} due)"
        if oldest:
            line += f", oldest queued {oldest.queued_at:%Y-%m-%d %H:%M:%S}, last error: {oldest.last_error or '-'}"
        self.stdout.write(line)

    def cluster(self, client, target):
        """Health of the whole cluster, then where each shard of the index behind the alias is and its state."""
        health = client.cluster.health()
        style = {"green": self.style.SUCCESS, "yellow": self.style.WARNING}.get(health["status"], self.style.ERROR)
        self.stdout.write(
            style(
                f"cluster: {health['cluster_name']} {health['status']}, nodes {health['number_of_nodes']} "
                f"(data {health['number_of_data_nodes']}), shards active {health['active_shards']}, "
                f"relocating {health['relocating_shards']}, initializing {health['initializing_shards']}, "
                f"unassigned {health['unassigned_shards']}"
            )
        )
        if not target:
            return
        for shard in client.cat.shards(index=target, format="json", h="shard,prirep,state,node"):
            role = "primary" if shard["prirep"] == "p" else "replica"
            self.stdout.write(f"  shard {shard['shard']} {role}: {shard['state']} on {shard.get('node') or '-'}")
