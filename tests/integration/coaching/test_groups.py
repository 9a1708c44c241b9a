"""Program managers edit program pages: a program index created in the admin grants them page permissions."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from coaching.models import ProgramIndexPage
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.coaching import ProgramPageFactory, home_page

pytestmark = pytest.mark.django_db


def test_program_index_created_in_the_admin_is_editable_by_program_managers(client):
    """Creating the index in the admin grants the group add/change/publish; a manager can then edit a program."""
    home = home_page()
    staff = StaffFactory()
    UserProfile.objects.update_or_create(user=staff, defaults={"preferred_language": "en"})
    client.force_login(staff)
    data = nested_form_data(
        {
            "title": "Programs",
            "slug": "programs",
            "intro": rich_text(""),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:add", args=["coaching", "programindexpage", home.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    index = ProgramIndexPage.objects.get()
    group = Group.objects.get(name="Program managers")
    granted = set(
        GroupPagePermission.objects.filter(group=group, page=index).values_list("permission__codename", flat=True)
    )
    assert granted == {"add_page", "change_page", "publish_page"}

    program = ProgramPageFactory(parent=index)
    manager = UserFactory(is_staff=True)
    manager.groups.add(group)
    client.force_login(manager)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[program.pk])).status_code == 200
    outsider = UserFactory(is_staff=True)
    outsider.groups.add(Group.objects.get(name="Reviewers"))
    client.force_login(outsider)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[program.pk])).status_code != 200
