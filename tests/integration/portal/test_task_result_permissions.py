"""The site's staff group may list and re-run background tasks from the migration on, and no other group may."""

import pytest
from django.contrib.auth.models import Group

from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db


def test_moderators_view_and_change_task_results():
    """The "Moderators" group holds exactly the view and change permissions of the task results."""
    codenames = set(
        Group.objects.get(name="Moderators")
        .permissions.filter(content_type__app_label="django_tasks_database")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_dbtaskresult", "change_dbtaskresult"}


def test_other_staff_groups_get_no_task_result_permission():
    """Only the Moderators were given task-result permissions; every other group has none."""
    others = Group.objects.exclude(name="Moderators").filter(
        permissions__content_type__app_label="django_tasks_database"
    )
    assert list(others.values_list("name", flat=True)) == []


def test_a_moderator_lists_the_background_tasks(client, settings):
    """A staff member who is only a Moderator (no superuser) opens the background tasks list in the admin."""
    settings.REQUIRE_STAFF_MFA = False
    user = StaffFactory(is_superuser=False, admin_language="en")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    response = client.get("/admin/task_result/")
    assert response.status_code == 200


def test_an_editor_is_kept_out_of_the_background_tasks(client, settings):
    """A staff member who is only an Editor has no task-result permission: the list is refused."""
    settings.REQUIRE_STAFF_MFA = False
    user = StaffFactory(is_superuser=False, admin_language="en")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    response = client.get("/admin/task_result/")
    assert response.status_code in (302, 403)
    assert b"Background tasks" not in response.content
