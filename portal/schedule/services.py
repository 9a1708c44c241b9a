"""Running the declared jobs: each one at most once per interval, whatever number of clocks runs at once."""

import io
import logging
import traceback
import zlib
from contextlib import contextmanager
from datetime import timedelta

from django.core.cache import cache
from django.core.management import call_command, get_commands
from django.db import connection
from django.utils import timezone

from .jobs import JOBS
from .models import JobRun

logger = logging.getLogger(__name__)

# A job that outlives this is taken for dead: on a cache lock (SQLite), another clock may start it again.
LOCK_SECONDS = 6 * 60 * 60
# Skipped on this run: another clock holds the job's lock, or its command is not installed.
LOCKED = "locked"
NOT_INSTALLED = "not installed"


def tick(now):
    """The clock's minute: runs started at 10:05:00.3 count as 10:05, so a 5-minute job is due at 10:10:00."""
    return now.replace(second=0, microsecond=0)


def next_run(job, last_run):
    return last_run.started_at + job.every if last_run else None


def is_installed(job):
    return job.command in get_commands()


@contextmanager
def job_lock(name):
    """A PostgreSQL session advisory lock (held by this connection only), or a cache lock on other databases."""
    if connection.vendor == "postgresql":
        key = zlib.crc32(f"portal.schedule:{name}".encode())
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            locked = cursor.fetchone()[0]
        try:
            yield locked
        finally:
            if locked:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    cache_key = f"portal.schedule.lock:{name}"
    locked = cache.add(cache_key, "locked", timeout=LOCK_SECONDS)
    try:
        yield locked
    finally:
        if locked:
            cache.delete(cache_key)


def run_job(job, *, now):
    """Run one job if it is due at ``now``: checked again under its lock, so two clocks never both run it."""
    if not is_installed(job):
        return NOT_INSTALLED
    with job_lock(job.name) as locked:
        if not locked:
            return LOCKED
        last = JobRun.objects.filter(job=job.name).first()
        due = next_run(job, last)
        if due is not None and due > now:
            return None
        JobRun.objects.update_or_create(
            job=job.name,
            defaults={"started_at": tick(now), "finished_at": None, "outcome": JobRun.Outcome.RUNNING, "output": ""},
        )
        output = io.StringIO()
        try:
            call_command(job.command, *job.args, stdout=output, stderr=output)
        except Exception:
            logger.exception("Scheduled job %s (%s) failed.", job.name, job.command)
            outcome = JobRun.Outcome.FAILED
            output.write(traceback.format_exc())
        else:
            outcome = JobRun.Outcome.SUCCEEDED
        JobRun.objects.filter(job=job.name).update(
            finished_at=timezone.now(), outcome=outcome, output=output.getvalue()[-10_000:]
        )
        return outcome


def run_due(*, now=None, jobs=JOBS):
    """Every due job, one after the other; returns {job name: outcome} of those it ran or skipped."""
    now = now or timezone.now()
    results = {}
    for job in jobs:
        outcome = run_job(job, now=now)
        if outcome is not None:
            results[job.name] = outcome
    return results


def schedule_rows(*, now=None, jobs=JOBS):
    """Each declared job with its last run and when it is due next (``now`` when it never ran)."""
    now = now or timezone.now()
    runs = {run.job: run for run in JobRun.objects.all()}
    rows = []
    for job in jobs:
        last = runs.get(job.name)
        rows.append(
            {
                "job": job,
                "installed": is_installed(job),
                "last": last,
                "next": (next_run(job, last) or tick(now)) if is_installed(job) else None,
            }
        )
    return rows


def interval_label(every):
    if every % timedelta(days=1) == timedelta(0):
        return f"{every.days} d"
    if every % timedelta(hours=1) == timedelta(0):
        return f"{int(every.total_seconds() // 3600)} h"
    return f"{int(every.total_seconds() // 60)} min"
