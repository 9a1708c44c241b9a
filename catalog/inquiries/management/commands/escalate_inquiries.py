from django.core.management.base import BaseCommand

from catalog.inquiries.escalation import inquiries_escalate


class Command(BaseCommand):
    help = (
        "Remind suppliers of inquiries unanswered for 2 working days and hand those unanswered for 3 to a case "
        "officer. Safe to re-run: each step happens once per inquiry."
    )

    def handle(self, *args, **options):
        run = inquiries_escalate()
        self.stdout.write(
            f"reminded: {run.reminded}, escalated: {run.escalated}, without a case officer: {run.without_officer}"
        )
