"""Webhook events are processed in the background, so the endpoint answers Stripe at once."""

from django_tasks import task

from portal.background import retries

from . import services


@retries(attempts=5, backoff_seconds=60)
@task()
def process_stripe_event(*, event_id):
    """Process one stored Stripe event (ids only cross the queue)."""
    services.webhook_event_process(event_id=event_id)
