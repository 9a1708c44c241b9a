"""The periodic jobs of the portal: the one place where they and their intervals are declared.

Each job is a management command of its app (called by name, so the core imports no feature app). The
clock process (`manage.py schedule run`) starts the due ones; `manage.py schedule` lists them with their
last and next run. A job whose command is not installed (``privacy_retention`` before the personal-data
app is merged) is listed as such and skipped.
"""

from dataclasses import dataclass, field
from datetime import timedelta


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    every: timedelta
    what: str
    args: tuple = field(default=())


JOBS = (
    Job(
        "search-outbox",
        "search_drain",
        timedelta(minutes=5),
        "sends the pending search-index updates (each retried with back-off)",
    ),
    Job(
        "stripe-events",
        "stripe_events_retry",
        timedelta(minutes=15),
        "processes again the stored Stripe webhook events that did not finish",
    ),
    Job(
        "inquiry-escalation",
        "escalate_inquiries",
        timedelta(hours=1),
        "reminds suppliers of unanswered inquiries, hands the oldest to a case officer",
    ),
    Job(
        "rfq-deadlines",
        "close_rfqs",
        timedelta(hours=1),
        "closes the requests for quotation whose deadline is over",
    ),
    Job(
        "certificates",
        "certificates_daily",
        timedelta(days=1),
        "expired certificates stop showing; 30-day expiry reminders",
    ),
    Job(
        "exchange-rates",
        "exchange_rates_check",
        timedelta(days=1),
        "warns the staff when an exchange rate has not been updated for a week",
    ),
    Job(
        "privacy-retention",
        "privacy_retention",
        timedelta(days=1),
        "erases personal data past its retention period",
    ),
)
