"""Fill the site with demo content: calls ``seed(stdout=...)`` of every module in DEMO_MODULES, in order."""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Page

DEMO_MODULES = [
    "portal.home.demo",
    "portal.companies.demo",
    "catalog.solutions.demo",
    "catalog.showcase.storefront_demo",
    "catalog.showcase.demo",
    "catalog.readiness.demo",
    "search.demo",
    "coaching.demo",
    "payments.demo",
    "catalog.orders.demo",
    "catalog.inquiries.demo",
    "catalog.sourcing.demo",
]


def summary_counts():
    """Number of rows per model of the project's apps (what a second run must leave unchanged)."""
    counts = {"wagtailcore.Page": Page.objects.count(), "wagtailcore.Locale": Locale.objects.count()}
    for app_label in (
        "portal",
        "home",
        "accounts",
        "companies",
        "coaching",
        "solutions",
        "showcase",
        "inquiries",
        "orders",
        "readiness",
        "payments",
        "sourcing",
    ):
        try:
            app_config = apps.get_app_config(app_label)
        except LookupError:
            continue
        for model in app_config.get_models():
            counts[model._meta.label] = model._default_manager.count()
    return counts


class Command(BaseCommand):
    help = "Create demo content (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        for name in DEMO_MODULES:
            self.stdout.write(self.style.MIGRATE_HEADING(f"Seeding {name}"))
            importlib.import_module(name).seed(stdout=self.stdout)
        self.stdout.write(self.style.MIGRATE_HEADING("Summary"))
        for label, count in sorted(summary_counts().items()):
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
