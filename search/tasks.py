"""Background work of the search app (django-tasks). Tasks carry no data: the outbox holds the ids."""

from django_tasks import task

from portal.background import retries

from . import services


@retries(attempts=5, backoff_seconds=60)
@task()
def process_pending_updates():
    """Apply the due outbox rows; failures stay queued with back-off for the next run or `search_drain`."""
    applied, failed = services.process_pending()
    return {"applied": applied, "failed": failed}
