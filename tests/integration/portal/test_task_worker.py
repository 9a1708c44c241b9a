"""The database queue (django-tasks-db) and its worker: failed tasks retry with back-off, then stay failed.

These run on PostgreSQL, the production database; the last test starts a real `manage.py db_worker` process.
"""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from portal import background
from tests import task_support

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _database_queue(db, monkeypatch):
    """The database backend; the in-process worker keeps the test's connection (and its transaction) open."""
    assert connection.vendor == "postgresql", "the worker tests run on PostgreSQL (DATABASE_URL)"
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def run_worker():
    """One worker in this process, until nothing is ready (`db_worker --batch`)."""
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    ).run()


def attempts(path):
    return Path(path).read_text().count("\n")


def test_a_task_that_fails_once_succeeds_on_its_second_attempt(tmp_path):
    """The failed attempt puts the task back in the queue; the next attempt succeeds, on the same row."""
    log = tmp_path / "flaky.log"
    result = task_support.flaky.enqueue(path=str(log), failures=1)
    run_worker()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == 2
    assert len(row.worker_ids) == 2
    assert row.traceback == ""
    assert attempts(log) == 2


def test_a_task_that_keeps_failing_ends_failed_after_its_attempts(tmp_path):
    """Three attempts declared: after the third failure the task stays failed, with its last error."""
    log = tmp_path / "flaky.log"
    result = task_support.flaky.enqueue(path=str(log), failures=10)
    run_worker()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.FAILED
    assert attempts(log) == 3
    assert row.exception_class_path == "tests.task_support.FlakyError"
    assert "attempt 3 fails on purpose" in row.traceback
    assert list(background.failed_tasks()) == [row]


def test_the_back_off_doubles_between_attempts(tmp_path):
    """A minute after the first failure, two after the second; the waiting task is not run before."""
    log = tmp_path / "slow.log"
    result = task_support.slow_retry.enqueue(path=str(log))
    expected_delays = [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    for attempt, delay in enumerate(expected_delays, start=1):
        before = timezone.now()
        run_worker()
        row = DBTaskResult.objects.get(pk=result.id)
        assert row.status == TaskResultStatus.READY, f"attempt {attempt} is retried"
        assert before + delay <= row.run_after <= timezone.now() + delay
        assert row.exception_class_path == "tests.task_support.FlakyError"
        run_worker()
        assert attempts(log) == attempt, "nothing runs before the back-off is over"
        DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())
    run_worker()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.FAILED
    assert attempts(log) == 4


def test_a_task_without_retries_fails_at_once(tmp_path):
    log = tmp_path / "once.log"
    result = task_support.no_policy.enqueue(path=str(log))
    run_worker()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.FAILED
    assert attempts(log) == 1


def test_a_retry_declaration_needs_one_attempt_at_least():
    with pytest.raises(ValueError):
        background.retries(attempts=0, backoff_seconds=10)
    with pytest.raises(ValueError):
        background.retries(attempts=3, backoff_seconds=-1)


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_process_runs_the_queue_and_retries_a_failure(tmp_path):
    """`manage.py db_worker`, started as production starts it, picks up a queued task from PostgreSQL, sees
    it fail, retries it and records the success; SIGTERM stops it cleanly."""
    log = tmp_path / "flaky.log"
    result = task_support.flaky.enqueue(path=str(log), failures=1)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DJANGO_ENV_FILE": "/dev/null",
        "DATABASE_URL": _test_database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-reload"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        row = DBTaskResult.objects.get(pk=result.id)
        while row.status != TaskResultStatus.SUCCESSFUL and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stdout.read()
            time.sleep(0.2)
            row.refresh_from_db()
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
    assert row.status == TaskResultStatus.SUCCESSFUL, output
    assert row.return_value == 2
    assert attempts(log) == 2
    assert "attempt 1 of 3" in output
    assert worker.returncode == 0


def _test_database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
