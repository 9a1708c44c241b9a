"""The notice in force when the privacy app was introduced, so consents always have a version to point at."""

import datetime

from django.db import migrations

FIRST_VERSION = "2026-12"


def create_first_version(apps, schema_editor):
    ConsentText = apps.get_model("privacy", "ConsentText")
    ConsentText.objects.get_or_create(
        version=FIRST_VERSION,
        defaults={
            "published_at": datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC),
            "summary": "First version: personal-data rights (copy, erasure) and retention periods.",
        },
    )


def remove_first_version(apps, schema_editor):
    apps.get_model("privacy", "ConsentText").objects.filter(version=FIRST_VERSION, consent__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(create_first_version, remove_first_version)]
