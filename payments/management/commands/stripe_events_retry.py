"""Process again the Stripe events that are not done: received, failed or waiting (oldest first)."""

from django.core.management.base import BaseCommand

from payments import services
from payments.models import StripeEvent


class Command(BaseCommand):
    help = "Process Stripe events that were stored but not processed (after an outage or a fixed error)."

    def handle(self, *args, **options):
        done = (StripeEvent.Status.PROCESSED, StripeEvent.Status.IGNORED)
        pending = StripeEvent.objects.exclude(status__in=done).order_by("received_at", "pk")
        for event_id in list(pending.values_list("pk", flat=True)):
            event = services.webhook_event_process(event_id=event_id)
            self.stdout.write(
                f"{event.stripe_id} {event.type}: {event.status}{f' ({event.error})' if event.error else ''}"
            )
        self.stdout.write(self.style.SUCCESS("Stripe events: nothing left to process."))
