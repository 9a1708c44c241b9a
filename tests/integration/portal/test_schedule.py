"""The schedule (portal.schedule): declared jobs run when due on a fixed clock, once even with two clocks."""

import io
import threading
import time
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from django.db import connection

from portal.schedule import services
from portal.schedule.jobs import JOBS, Job
from portal.schedule.models import JobRun

T0 = datetime(2026, 12, 1, 1, 0, 12, tzinfo=UTC)


@pytest.fixture
def commands_run(monkeypatch):
    """Record the commands the schedule starts instead of running them (they have tests of their own)."""
    calls = []
    monkeypatch.setattr(services, "call_command", lambda name, *args, **kwargs: calls.append(name))
    return calls


def test_every_declared_job_names_a_command_but_the_privacy_one_until_merged():
    """privacy_retention comes with the personal-data app; every other job's command exists."""
    missing = {job.command for job in JOBS} - set(get_commands())
    assert missing <= {"privacy_retention"}
    assert len({job.name for job in JOBS}) == len(JOBS)


@pytest.mark.django_db
def test_jobs_run_when_their_interval_is_over_on_a_fixed_clock(commands_run):
    assert connection.vendor == "postgresql"
    first = services.run_due(now=T0)
    installed = [job.command for job in JOBS if job.command in get_commands()]
    assert commands_run == installed
    assert first.get("privacy-retention", services.NOT_INSTALLED) in (services.NOT_INSTALLED, "succeeded")
    assert JobRun.objects.get(job="search-outbox").started_at == T0.replace(second=0)

    commands_run.clear()
    services.run_due(now=T0 + timedelta(minutes=4))
    assert commands_run == [], "nothing is due four minutes later"
    services.run_due(now=T0.replace(second=0) + timedelta(minutes=5))
    assert commands_run == ["search_drain"], "the clock's minute counts: due at 01:05:00, not 01:05:12"
    commands_run.clear()
    services.run_due(now=T0 + timedelta(minutes=15))
    assert commands_run == ["search_drain", "stripe_events_retry"]
    commands_run.clear()
    services.run_due(now=T0 + timedelta(hours=1))
    assert commands_run == ["search_drain", "stripe_events_retry", "escalate_inquiries", "close_rfqs"]
    commands_run.clear()
    services.run_due(now=T0 + timedelta(days=1))
    assert set(commands_run) == set(installed)


@pytest.mark.django_db
def test_schedule_lists_each_job_with_its_last_and_next_run(commands_run):
    services.run_due(now=T0)
    out = _call("schedule", "--now", "2026-12-01T01:03:00+00:00")
    assert "Times in Asia/Taipei." in out
    line = next(line for line in out.splitlines() if line.startswith("search-outbox"))
    assert "search_drain" in line and "5 min" in line
    assert "2026-12-01 09:00" in line and "2026-12-01 09:05" in line and "succeeded" in line
    daily = next(line for line in out.splitlines() if line.startswith("certificates"))
    assert "2026-12-02 09:00" in daily


@pytest.mark.django_db
def test_a_failing_job_is_recorded_failed_and_waits_its_interval(monkeypatch):
    def fail(name, *args, **kwargs):
        raise RuntimeError("Elasticsearch is down")

    monkeypatch.setattr(services, "call_command", fail)
    job = Job("drill", "check", timedelta(minutes=5), "a test job")
    assert services.run_due(now=T0, jobs=(job,)) == {"drill": JobRun.Outcome.FAILED}
    run = JobRun.objects.get(job="drill")
    assert "Elasticsearch is down" in run.output
    assert services.run_due(now=T0 + timedelta(minutes=2), jobs=(job,)) == {}


@pytest.mark.django_db
def test_a_job_held_by_another_clock_is_skipped(commands_run):
    """While another connection holds the job's advisory lock, this clock does not run it."""
    job = Job("drill", "check", timedelta(minutes=5), "a test job")
    other = psycopg.connect(_dsn(), autocommit=True)
    try:
        key = services.zlib.crc32(b"portal.schedule:drill")
        other.execute("SELECT pg_advisory_lock(%s)", [key])
        assert services.run_due(now=T0, jobs=(job,)) == {"drill": services.LOCKED}
        assert commands_run == []
        other.execute("SELECT pg_advisory_unlock(%s)", [key])
        assert services.run_due(now=T0, jobs=(job,)) == {"drill": JobRun.Outcome.SUCCEEDED}
        assert commands_run == ["check"]
    finally:
        other.close()


@pytest.mark.django_db(transaction=True)
def test_two_clocks_at_once_run_a_job_once(monkeypatch):
    """Two schedulers ticking at the same moment (two threads, two database connections): one runs the
    job, the other finds it locked or already done."""
    calls = []

    def slow(name, *args, **kwargs):
        calls.append(name)
        time.sleep(0.5)

    monkeypatch.setattr(services, "call_command", slow)
    job = Job("drill", "check", timedelta(minutes=5), "a test job")
    results = []

    def clock():
        try:
            results.append(services.run_due(now=T0, jobs=(job,)))
        finally:
            connection.close()

    threads = [threading.Thread(target=clock) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == ["check"]
    assert sorted(result.get("drill", "not due") for result in results) in (
        ["locked", "succeeded"],
        ["not due", "succeeded"],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, message",
    [
        (("--now", "yesterday"), "--now must be a date and time"),
        (("run", "--now", "2026-12-01T09:00:00"), "--now is for list and run-due"),
        (("every-second",), "invalid choice"),
    ],
)
def test_bad_input_is_refused_with_a_message(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("schedule", *args)
    assert not JobRun.objects.exists()


def _call(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _dsn():
    db = connection.settings_dict
    return f"postgresql://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
