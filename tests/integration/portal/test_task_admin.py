"""Staff list the background tasks in the Wagtail admin and run a failed one again, by permission."""

import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from portal import background
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/task_result/"


def rerun_url(task):
    return f"{INDEX}rerun/{task.pk}/"


def make_task(status=TaskResultStatus.FAILED, path="tests.task_support.flaky"):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {"path": "/tmp/none", "failures": 0}},
        task_path=path,
        backend_name="default",
        run_after=timezone.now(),
        worker_ids=["w1", "w2", "w3"],
        finished_at=timezone.now(),
        exception_class_path="smtplib.SMTPServerDisconnected",
        traceback="Traceback …",
    )


def staff_with(*codenames, group=None):
    """A staff member who is no superuser: admin access, the given task-result permissions, maybe a role."""
    user = StaffFactory(is_superuser=False, admin_language="en")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    tasks = Permission.objects.filter(content_type__app_label="django_tasks_database")
    for codename in codenames:
        user.user_permissions.add(tasks.get(codename=codename))
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def test_anonymous_is_sent_to_log_in(client):
    task = make_task()
    assert client.get(INDEX).status_code == 302
    assert client.post(rerun_url(task)).status_code == 302
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED


def test_a_signed_in_company_member_is_kept_out(client):
    task = make_task()
    client.force_login(UserFactory())
    assert client.get(INDEX).status_code in (302, 403)
    assert client.post(rerun_url(task)).status_code in (302, 403)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED


@pytest.mark.parametrize("role", ["Reviewers", "Decision makers", "Program managers"])
def test_staff_roles_without_the_task_permissions_see_no_tasks(client, role):
    """The coaching roles have admin access but no permission on tasks: no listing, no menu item, no re-run."""
    task = make_task()
    client.force_login(staff_with(group=role))
    response = client.get(INDEX)
    assert response.status_code == 302
    assert client.post(rerun_url(task)).status_code == 302
    assert "/admin/task_result/" not in client.get("/admin/").content.decode()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED


def test_staff_who_may_view_tasks_see_the_failed_ones_but_cannot_rerun(client):
    task = make_task()
    make_task(status=TaskResultStatus.SUCCESSFUL, path="search.tasks.process_pending_updates")
    client.force_login(staff_with("view_dbtaskresult"))
    html = client.get(INDEX + "?status=FAILED").content.decode()
    assert "Background tasks" in html
    assert "SMTPServerDisconnected" in html
    assert "flaky" in html
    assert "smtplib.SMTPServerDisconnected" in html
    assert "process_pending_updates" not in html
    assert "Run again" not in html
    assert client.get(f"{INDEX}inspect/{task.pk}/").status_code == 200
    assert client.post(rerun_url(task)).status_code == 302
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED


@pytest.mark.parametrize(
    "make_user",
    [lambda: staff_with("view_dbtaskresult", "change_dbtaskresult"), lambda: StaffFactory(admin_language="en")],
    ids=["with-the-permissions", "superuser"],
)
def test_staff_who_may_change_tasks_run_a_failed_one_again(client, make_user):
    """Confirm, then the task is ready again with all its attempts; the admin history records who did it."""
    task = make_task()
    user = make_user()
    client.force_login(user)
    assert "Run again" in client.get(INDEX).content.decode()
    confirm = client.get(rerun_url(task))
    assert confirm.status_code == 200
    assert "SMTPServerDisconnected" in confirm.content.decode()
    response = client.post(rerun_url(task), follow=True)
    assert response.redirect_chain[-1][0] == f"{INDEX}?status=FAILED"
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY
    assert task.worker_ids == []
    assert task.run_after <= timezone.now()
    entry = ModelLogEntry.objects.get(action=background.TASK_RERUN)
    assert entry.user == user
    assert entry.data == {"task": "tests.task_support.flaky"}


@pytest.mark.parametrize("status", [TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.SUCCESSFUL])
def test_a_task_that_did_not_fail_is_not_run_again(client, status):
    """A clear message, nothing changed, no audit entry."""
    task = make_task(status=status)
    client.force_login(StaffFactory(admin_language="en"))
    assert "Only a failed task can be run again." in client.get(rerun_url(task)).content.decode()
    response = client.post(rerun_url(task), follow=True)
    assert "Only a failed task can be run again." in response.content.decode()
    task.refresh_from_db()
    assert task.status == status
    assert task.worker_ids == ["w1", "w2", "w3"]
    assert not ModelLogEntry.objects.filter(action=background.TASK_RERUN).exists()


def test_an_unknown_or_malformed_task_id_is_not_found(client):
    client.force_login(StaffFactory(admin_language="en"))
    assert client.post(f"{INDEX}rerun/{uuid.uuid4()}/", follow=True).status_code == 404
    assert client.post(f"{INDEX}rerun/not-a-uuid/", follow=True).status_code == 404


def test_the_listing_speaks_the_admin_language(client):
    """Statuses, columns and the title in the staff member's language; a next attempt only for a waiting task."""
    make_task()
    waiting = make_task(status=TaskResultStatus.READY)
    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now() + timezone.timedelta(minutes=2))
    client.force_login(StaffFactory(admin_language="zh-hant"))
    html = client.get(INDEX).content.decode()
    assert "背景工作" in html
    assert "失敗" in html and "排隊中" in html
    assert "重新執行" in html
    assert "FAILED" not in html.split("<tbody")[1]
