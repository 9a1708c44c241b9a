from django.core.management.base import BaseCommand

from catalog.sourcing.services import close_expired_requests


class Command(BaseCommand):
    help = "Close the requests for quotation whose deadline is over. Safe to re-run: closed ones stay closed."

    def handle(self, *args, **options):
        self.stdout.write(f"closed: {close_expired_requests()}")
