"""`manage.py schedule`: the periodic jobs with their last and next run; `run` is the clock process,
`run-due` runs what is due once (for a cron line or a systemd timer instead of the clock)."""

import datetime

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from portal.schedule import services


def _moment(value):
    moment = parse_datetime(value)
    if moment is None:
        raise CommandError(f"--now must be a date and time such as 2026-12-01T09:00:00+08:00, not {value!r}.")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "—"


class Command(BaseCommand):
    help = "List the periodic jobs (last and next run); `run` starts the clock, `run-due` runs the due jobs once."

    def add_arguments(self, parser):
        parser.add_argument("action", nargs="?", choices=["list", "run", "run-due"], default="list")
        parser.add_argument("--now", help="run-due / list: the moment to use instead of the clock (ISO 8601)")

    def handle(self, *args, action, now, **options):
        moment = _moment(now) if now else None
        if action == "run":
            if moment:
                raise CommandError("--now is for list and run-due; the clock uses the real time.")
            return self.run_clock()
        if action == "run-due":
            for name, outcome in services.run_due(now=moment).items():
                self.stdout.write(f"{name}: {outcome}")
            return
        self.list(moment)

    def list(self, moment):
        self.stdout.write(f"Times in {timezone.get_current_timezone_name()}.")
        header = f"{'job':<20} {'command':<22} {'every':>7}  {'last run':<16} {'outcome':<14} next run"
        self.stdout.write(header)
        for row in services.schedule_rows(now=moment):
            job, last = row["job"], row["last"]
            outcome = last.outcome if last else "never run"
            if not row["installed"]:
                outcome = services.NOT_INSTALLED
            self.stdout.write(
                f"{job.name:<20} {job.command:<22} {services.interval_label(job.every):>7}  "
                f"{_when(last.started_at if last else None):<16} {outcome:<14} {_when(row['next'])}"
            )

    def run_clock(self):
        """APScheduler wakes the clock at the start of every minute; what is due is decided from the database."""
        scheduler = BlockingScheduler(timezone=datetime.UTC)
        scheduler.add_job(
            services.run_due,
            CronTrigger(second=0, timezone=datetime.UTC),
            id="portal-schedule",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=30,
        )
        self.stdout.write("Schedule clock started: due jobs run at the start of every minute (Ctrl+C stops).")
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            scheduler.shutdown(wait=False)
