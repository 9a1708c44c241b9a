"""Background tasks that can fail: their retry declarations, the back-off, and the re-run of a failed task.

The worker (`manage.py db_worker`, django-tasks-db) marks a task that raised as failed. A task declared with
``@retries(...)`` in its app's ``tasks.py`` is put back in the queue instead, to run again after a delay
that doubles with every attempt, until its attempts are used up: then it stays failed, listed for staff in
the admin (Settings → Background tasks), who can run it again once the cause is fixed.

One queued row per task: the attempts are the worker ids that claimed it, the last error stays on the row
while it waits for the next attempt. The immediate backend (tests) runs a task once and never retries.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from portal import audit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int
    backoff_seconds: int

    def delay(self, attempt):
        """After the 1st failed attempt backoff_seconds, then twice as long after each further one."""
        return datetime.timedelta(seconds=self.backoff_seconds * 2 ** (attempt - 1))


# Task module path → its policy, filled by @retries as the tasks modules are imported.
RETRY_POLICIES = {}


def retries(*, attempts, backoff_seconds):
    """Declare that a task (below ``@task()``'s result) runs up to ``attempts`` times, waiting
    ``backoff_seconds``, then twice, four times… as long between attempts."""
    if attempts < 1 or backoff_seconds < 0:
        raise ValueError("A task runs at least once, with a back-off of zero seconds or more.")

    def declare(task):
        RETRY_POLICIES[task.module_path] = RetryPolicy(attempts=attempts, backoff_seconds=backoff_seconds)
        return task

    return declare


def policy_for(task_path):
    return RETRY_POLICIES.get(task_path)


def attempts_made(db_result):
    return len(db_result.worker_ids)


def _retry_failed_task(sender, task_result, **kwargs):
    """task_finished (worker): put a failed task with attempts left back in the queue, after its back-off."""
    db_result = getattr(task_result, "db_result", None)
    if db_result is None or task_result.status != TaskResultStatus.FAILED:
        return
    policy = policy_for(db_result.task_path)
    attempt = attempts_made(db_result)
    if policy is None or attempt >= policy.attempts:
        logger.error("Task %s (%s) failed for good after %s attempt(s).", db_result.pk, db_result.task_path, attempt)
        return
    run_after = timezone.now() + policy.delay(attempt)
    DBTaskResult.objects.filter(pk=db_result.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
    logger.warning(
        "Task %s (%s) failed (attempt %s of %s); next attempt after %s.",
        db_result.pk,
        db_result.task_path,
        attempt,
        policy.attempts,
        run_after.isoformat(),
    )


def connect_signals():
    task_finished.connect(_retry_failed_task, dispatch_uid="portal.background.retry_failed_task")


def failed_tasks():
    """Tasks that failed for good, newest first."""
    return DBTaskResult.objects.failed().order_by("-finished_at")


TASK_RERUN = "portal.task_rerun"


class TaskNotFailed(Exception):
    """Only a failed task can be run again."""


@transaction.atomic
def task_rerun(*, task_id, by):
    """Queue a failed task again, now, with all its attempts; recorded in the admin's history."""
    db_result = DBTaskResult.objects.select_for_update().filter(pk=task_id).first()
    if db_result is None or db_result.status != TaskResultStatus.FAILED:
        raise TaskNotFailed
    db_result.status = TaskResultStatus.READY
    db_result.run_after = timezone.now()
    db_result.finished_at = None
    db_result.worker_ids = []
    db_result.save(update_fields=["status", "run_after", "finished_at", "worker_ids"])
    audit.record(db_result, TASK_RERUN, by=by, task=db_result.task_path)
    return db_result
