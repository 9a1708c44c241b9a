"""Showcase moderators open certificate scans and check certificates."""

from django.db import migrations

GROUP = "Showcase moderators"


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("showcase")
    config.models_module = True
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="showcase", codename="check_certificate"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(codename="check_certificate"))


class Migration(migrations.Migration):
    dependencies = [("showcase", "0003_certificate_checks")]

    operations = [migrations.RunPython(grant, revoke)]
