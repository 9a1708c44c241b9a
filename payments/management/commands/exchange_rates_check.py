"""Warn (log and output) when an exchange rate staff keep has not been updated for a week (scheduled daily)."""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from payments.selectors import stale_exchange_rates

logger = logging.getLogger("payments.exchange_rates")


class Command(BaseCommand):
    help = "Warn about exchange rates not updated for a week (buyer prices are converted with them)."

    def handle(self, *args, **options):
        stale = list(stale_exchange_rates(now=timezone.now()))
        for rate in stale:
            logger.warning(
                "Exchange rate %s was last updated %s; update it under Payments → Exchange rates.",
                rate.currency,
                timezone.localtime(rate.updated_at).strftime("%Y-%m-%d"),
            )
            self.stdout.write(f"{rate.currency}: stale since {timezone.localtime(rate.updated_at):%Y-%m-%d}")
        if not stale:
            self.stdout.write("Exchange rates: all updated within a week.")
