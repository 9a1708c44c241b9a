"""Seed the three review groups with their permissions (page permissions are granted on the program index)."""

from django.db import migrations

GROUPS = {
    "Program managers": [
        ("wagtailadmin", "access_admin"),
        ("coaching", "manage_applications"),
        ("coaching", "add_coach"),
        ("coaching", "change_coach"),
        ("coaching", "delete_coach"),
        ("coaching", "view_coach"),
    ],
    "Reviewers": [("wagtailadmin", "access_admin"), ("coaching", "review_application")],
    "Decision makers": [("wagtailadmin", "access_admin"), ("coaching", "decide_application")],
}


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    coaching = apps.get_app_config("coaching")
    coaching.models_module = True
    create_permissions(coaching, verbosity=0, apps=apps)
    coaching.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in perms:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
