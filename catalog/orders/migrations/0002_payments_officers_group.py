"""The "Payments officers" group: staff who follow sample orders and payments, refund them and keep the
exchange rates. Superusers can do all of it anyway; this lets the bureau give the job to others."""

from django.db import migrations

GROUP = "Payments officers"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("orders", "view_sampleorder"),
    ("payments", "view_payment"),
    ("payments", "change_payment"),
    ("payments", "view_stripeevent"),
    ("payments", "view_exchangerate"),
    ("payments", "add_exchangerate"),
    ("payments", "change_exchangerate"),
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for label in ("orders", "payments"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0001_initial"),
        ("payments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
