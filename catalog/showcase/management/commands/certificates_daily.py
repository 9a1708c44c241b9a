"""Run the daily certificate check (for cron): announce expired certificates, remind 30 days before expiry."""

import datetime

from django.core.management.base import BaseCommand

from catalog.showcase.tasks import certificates_daily


class Command(BaseCommand):
    help = "Hide expired certificates from products and remind companies 30 days before expiry."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="Run as if today were YYYY-MM-DD.")

    def handle(self, *args, date=None, **options):
        result = certificates_daily.call(today=date.isoformat() if date else None)
        self.stdout.write(f"{result['reminded']} reminder(s) sent.")
