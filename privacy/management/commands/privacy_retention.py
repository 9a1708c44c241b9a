"""Enforce the retention periods that every app declares (``portal.personal_data.register_retention``).

Safe to run again at any time: each rule removes only what is older than its period at that moment.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal import personal_data


class Command(BaseCommand):
    help = "Delete or expire personal data kept longer than its stated retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        rules = personal_data.retention_rules()
        total = 0
        for number, rule in enumerate(rules, start=1):
            removed = rule.purge(now=now)
            total += removed
            self.stdout.write(f"[{number}/{len(rules)}] {rule.name} (kept {rule.period.days} days): {removed} removed")
        self.stdout.write(self.style.SUCCESS(f"Retention applied: {total} removed in all."))
