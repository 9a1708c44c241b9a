"""Each report opens to the staff groups whose work it measures; "Bureau analysts" (new) see all of them, and
"Company officers" (new) verify companies and see the companies report."""

from django.db import migrations

REPORTS = {
    "Program managers": ["view_applications_report", "view_outcomes_report"],
    "Decision makers": ["view_applications_report", "view_outcomes_report"],
    "Showcase moderators": ["view_showcase_report", "view_inquiries_report"],
    "Payments officers": ["view_payments_report"],
    "Company officers": ["view_companies_report"],
    "Bureau analysts": [
        "view_applications_report",
        "view_companies_report",
        "view_showcase_report",
        "view_inquiries_report",
        "view_payments_report",
        "view_outcomes_report",
    ],
}
OTHER_PERMISSIONS = {
    "Company officers": [
        ("wagtailadmin", "access_admin"),
        ("companies", "view_company"),
        ("companies", "change_company"),
    ],
    "Bureau analysts": [("wagtailadmin", "access_admin")],
}
NEW_GROUPS = ("Company officers", "Bureau analysts")


def create(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for label in ("reports", "companies"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in REPORTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for codename in codenames:
            group.permissions.add(Permission.objects.get(content_type__app_label="reports", codename=codename))
        for app_label, codename in OTHER_PERMISSIONS.get(name, []):
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.filter(name__in=NEW_GROUPS).delete()
    report_permissions = Permission.objects.filter(content_type__app_label="reports")
    for group in Group.objects.filter(name__in=REPORTS):
        group.permissions.remove(*report_permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("coaching", "0002_review_groups"),
        ("showcase", "0002_moderation_workflow"),
        ("orders", "0002_payments_officers_group"),
        ("companies", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create, remove)]
