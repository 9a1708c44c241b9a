"""The "Moderators" group (Wagtail's, the bureau's web team that publishes and runs the site) lists the
background tasks and runs a failed one again: view and change of django-tasks-db's task results."""

from django.db import migrations

GROUP = "Moderators"
CODENAMES = ("view_dbtaskresult", "change_dbtaskresult")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("django_tasks_database")
    config.models_module = True
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for codename in CODENAMES:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="django_tasks_database", codename=codename)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="django_tasks_database", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("django_tasks_database", "0019_rename_django_task_new_ordering_idx_tasks_db_new_ordering_idx_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
