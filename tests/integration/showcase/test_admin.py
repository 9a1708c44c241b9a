"""Staff moderate products in the Wagtail admin: approve or reject with a comment, unpublish."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from catalog.showcase import services
from catalog.showcase.models import ModerationState, Product
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import ProductFactory, VerifiedCompanyFactory, add_image, live_product

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(Product.snippet_viewset.get_url_name(name), args=args)


@pytest.fixture
def moderator():
    """A bureau moderator: not a superuser, only in the "Showcase moderators" group."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Showcase moderators"))
    return user


@pytest.fixture
def submitted(django_capture_on_commit_callbacks):
    company = VerifiedCompanyFactory()
    member = MembershipFactory(company=company).user
    product = ProductFactory(company=company)
    add_image(product)
    product.save_revision(user=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.product_submit_for_review(product=product, user=member)
    mail.outbox.clear()
    return Product.objects.get(pk=product.pk)


def test_listing_for_staff_and_refused_to_members(client):
    """Staff see the product listing in the admin; a company member without admin access is turned away."""
    live_product(name_en="Sun cake")
    client.force_login(StaffFactory())
    response = client.get(url("list"))
    assert response.status_code == 200
    assert "Sun cake" in response.content.decode()
    client.force_login(MembershipFactory().user)
    assert client.get(url("list")).status_code in (302, 403)


def test_moderator_approves_in_the_admin(client, moderator, submitted, django_capture_on_commit_callbacks):
    """A moderator's "approve" publishes the product and the company is e-mailed."""
    task_state = submitted.current_workflow_state.current_task_state
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("workflow_action", submitted.pk, "approve", task_state.pk), {"comment": ""})
    assert response.status_code in (200, 302)
    submitted.refresh_from_db()
    assert submitted.live
    assert len(mail.outbox) == 1


def test_moderator_rejects_with_a_comment(client, moderator, submitted, django_capture_on_commit_callbacks):
    """A rejection with a comment keeps the product hidden and the comment reaches the company."""
    task_state = submitted.current_workflow_state.current_task_state
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("workflow_action", submitted.pk, "reject", task_state.pk), {"comment": "Photos are too dark."})
    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.moderation_state == ModerationState.REJECTED
    assert "Photos are too dark." in mail.outbox[0].body


def test_company_member_cannot_approve(client, submitted):
    """A member of the company cannot approve its own product through the admin URL."""
    task_state = submitted.current_workflow_state.current_task_state
    member = submitted.company.memberships.get().user
    client.force_login(member)
    client.post(url("workflow_action", submitted.pk, "approve", task_state.pk), {"comment": ""})
    assert not Product.objects.get(pk=submitted.pk).live


def test_staff_unpublish_in_the_admin(client):
    """Staff unpublish a live product from the admin; it leaves the public queryset."""
    product = live_product()
    client.force_login(StaffFactory())
    response = client.post(url("unpublish", product.pk))
    assert response.status_code == 302
    assert not Product.objects.public().filter(pk=product.pk).exists()
