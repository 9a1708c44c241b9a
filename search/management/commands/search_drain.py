"""Apply every pending index update now (after an outage), and queue certificate validity changes.

Run it from cron every few minutes in production; it is also what the outage runbook calls.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from search import services
from search.models import PendingUpdate


class Command(BaseCommand):
    help = "Process the search outbox (all rows, ignoring back-off) and report what is left."

    def handle(self, *args, **options):
        refreshed = services.queue_due_refreshes(today=timezone.localdate())
        applied, failed = services.process_pending(everything=True)
        left = PendingUpdate.objects.count()
        self.stdout.write(
            f"applied: {applied}, failed: {failed}, still pending: {left}, certificate refreshes: {refreshed}"
        )
