"""The "Showcase moderators" group manages the readiness rules (add, change, delete, view) in the admin."""

from django.db import migrations

GROUP = "Showcase moderators"
ACTIONS = {
    "add": "Can add readiness rule",
    "change": "Can change readiness rule",
    "delete": "Can delete readiness rule",
    "view": "Can view readiness rule",
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="readiness", model="rule")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for action, name in ACTIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_rule", defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        codenames = [f"{action}_rule" for action in ACTIONS]
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="readiness", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("readiness", "0001_initial"),
        ("showcase", "0002_moderation_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
