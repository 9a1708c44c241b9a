"""Moderation of products: Wagtail workflow on the Product snippet; only the approved version is public."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation
from wagtail.models import Workflow

from catalog.showcase import services
from catalog.showcase.models import ModerationState, Product, ShowcaseError
from catalog.showcase.signals import product_changed, product_deleted
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import ProductFactory, VerifiedCompanyFactory, add_image, live_product, png_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids), whatever the catalogs say."""
    with translation.override("en"):
        yield


@pytest.fixture
def member():
    return MembershipFactory(company=VerifiedCompanyFactory()).user


@pytest.fixture
def company(member):
    return member.memberships.get().company


@pytest.fixture
def staff():
    return StaffFactory()


def fields(**overrides):
    base = {
        "sku": "PC-001",
        "name_zh_hant": "土鳳梨酥",
        "name_en": "Native pineapple cake",
        "description_zh_hant": "酸甜內餡。",
        "description_en": "Sweet and sour filling.",
        "price_twd": Decimal("500"),
        "moq": 20,
        "order_multiple": 10,
        "hs_code": "19059000",
        "ships_to": ["TH"],
    }
    base.update(overrides)
    return base


def approve(product, staff):
    """Approve the product's current workflow task as a moderator."""
    workflow_state = product.current_workflow_state
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, staff, "approve")


def reject(product, staff, comment):
    workflow_state = product.current_workflow_state
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, staff, "reject", comment=comment)


@pytest.fixture
def draft(member, company, django_capture_on_commit_callbacks):
    from tests.factories.showcase import ProductCategoryFactory

    with django_capture_on_commit_callbacks(execute=True):
        product = services.product_create(
            company=company, user=member, fields=fields(category=ProductCategoryFactory())
        )
        services.product_add_image(product=product, user=member, upload=png_upload(), alt_text="Cakes in a box")
    return Product.objects.get(pk=product.pk)


def test_workflow_is_seeded_for_products():
    """The migration assigns the "Showcase moderation" workflow to Product."""
    assert Product().get_workflow() == Workflow.objects.get(name="Showcase moderation")


def test_draft_is_invisible(draft):
    """A new product is a draft: not in the public queryset."""
    assert draft.moderation_state == ModerationState.DRAFT
    assert not Product.objects.public().filter(pk=draft.pk).exists()


def test_submission_needs_an_image(member, company):
    """Submitting a product without images is refused with a clear message."""
    product = ProductFactory(company=company)
    product.save_revision()
    with pytest.raises(ShowcaseError, match="at least one image"):
        services.product_submit_for_review(product=product, user=member)


def test_approval_publishes_and_emails(draft, member, staff, django_capture_on_commit_callbacks):
    """Approval in the workflow publishes the product, sends product_changed and e-mails the company."""
    received = []
    product_changed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-approve")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.product_submit_for_review(product=draft, user=member)
        draft.refresh_from_db()
        assert draft.moderation_state == ModerationState.IN_REVIEW
        assert not Product.objects.public().filter(pk=draft.pk).exists()
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            approve(draft, staff)
    finally:
        product_changed.disconnect(dispatch_uid="t-approve")
    draft.refresh_from_db()
    assert draft.live and draft.moderation_state == ModerationState.LIVE
    assert Product.objects.public().filter(pk=draft.pk).exists()
    assert draft.images.count() == 1
    assert {"product_id": draft.pk, "reason": "published"}.items() <= received[-1].items()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert draft.name_en in mail.outbox[0].subject


def test_rejection_keeps_it_hidden_and_sends_the_comment(draft, member, staff, django_capture_on_commit_callbacks):
    """A rejected product stays hidden; the company gets the moderator's comment; it can be resubmitted."""
    services.product_submit_for_review(product=draft, user=member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reject(draft, staff, "Please add the Thai name.")
    draft.refresh_from_db()
    assert not draft.live
    assert draft.moderation_state == ModerationState.REJECTED
    assert "Please add the Thai name." in mail.outbox[0].body
    services.product_update(product=draft, user=member, fields={"name_th": "ขนมพายสับปะรด"})
    services.product_submit_for_review(product=draft, user=member)
    draft.refresh_from_db()
    assert draft.moderation_state == ModerationState.IN_REVIEW


def test_edit_of_live_product_keeps_live_version_until_approved(member, company, staff):
    """Editing a live product stores a revision only; buyers see the old version until approval."""
    product = live_product(company=company, name_en="Old name")
    services.product_update(
        product=product,
        user=member,
        fields={"name_en": "New name", "price_twd": Decimal("999")},
        tiers=[{"min_quantity": 500, "unit_price_twd": Decimal("300")}],
    )
    public = Product.objects.public().get(pk=product.pk)
    assert public.name_en == "Old name"
    assert public.price_twd == Decimal("450.00")
    assert [t.min_quantity for t in public.price_tiers.all()] == [100]
    assert public.moderation_state == ModerationState.LIVE_PENDING

    services.product_submit_for_review(product=public, user=member)
    assert Product.objects.public().get(pk=product.pk).name_en == "Old name"
    approve(Product.objects.get(pk=product.pk), staff)
    public = Product.objects.public().get(pk=product.pk)
    assert public.name_en == "New name"
    assert [t.min_quantity for t in public.price_tiers.all()] == [500]
    assert public.moderation_state == ModerationState.LIVE


def test_rejected_edit_of_live_product_keeps_the_live_version(member, company, staff):
    """Rejecting an edit of a live product leaves the approved version public."""
    product = live_product(company=company, name_en="Approved name")
    services.product_update(product=product, user=member, fields={"name_en": "Unapproved name"})
    services.product_submit_for_review(product=product, user=member)
    reject(Product.objects.get(pk=product.pk), staff, "No.")
    public = Product.objects.public().get(pk=product.pk)
    assert public.name_en == "Approved name"


def test_unpublish_hides_and_emails(company, member, staff, django_capture_on_commit_callbacks):
    """Staff unpublish: the product leaves the public queryset, the company is told, search hears of it."""
    product = live_product(company=company)
    received = []
    product_changed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-unpub")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.product_unpublish(product=product, user=staff)
    finally:
        product_changed.disconnect(dispatch_uid="t-unpub")
    assert not Product.objects.public().filter(pk=product.pk).exists()
    assert received[-1]["reason"] == "unpublished"
    assert product.name_en in mail.outbox[-1].subject
    assert mail.outbox[-1].to == [member.email]


def test_members_cannot_unpublish(company, member):
    """Unpublishing is staff-only."""
    product = live_product(company=company)
    with pytest.raises(ShowcaseError):
        services.product_unpublish(product=product, user=member)


def test_member_of_other_company_cannot_edit(company):
    """A member of company B cannot edit company A's product through the services."""
    product = live_product(company=company)
    outsider = MembershipFactory().user
    with pytest.raises(ShowcaseError):
        services.product_update(product=product, user=outsider, fields={"name_en": "Hacked"})
    assert Product.objects.get(pk=product.pk).name_en != "Hacked"


def test_delete_sends_product_deleted(company, django_capture_on_commit_callbacks):
    """Deleting a product sends product_deleted with its id after commit."""
    product = live_product(company=company)
    product_id = product.pk
    received = []
    product_deleted.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-del")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            product.delete()
    finally:
        product_deleted.disconnect(dispatch_uid="t-del")
    assert received[0]["product_id"] == product_id


def test_company_rename_announces_live_products(company, django_capture_on_commit_callbacks):
    """Renaming a company sends product_changed for its live products only."""
    live = live_product(company=company)
    ProductFactory(company=company)
    received = []
    product_changed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-co")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            company.name_en = "Renamed Ltd"
            company.save()
    finally:
        product_changed.disconnect(dispatch_uid="t-co")
    assert [(r["product_id"], r["reason"]) for r in received] == [(live.pk, "company")]


def test_not_an_image_is_refused(draft, member):
    """A text file named .png is refused by content; nothing is added."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("cake.png", b"not really a picture", content_type="image/png")
    with pytest.raises(ShowcaseError, match="not an image"):
        services.product_add_image(product=draft, user=member, upload=fake, alt_text="x")
    assert draft.get_latest_revision_as_object().images.count() == 1


def test_add_image_helper_is_used(company):
    """The factory helper attaches an image row (sanity check for other tests)."""
    product = ProductFactory(company=company)
    add_image(product)
    assert product.images.count() == 1


def test_a_showcase_moderator_who_is_not_superuser_can_unpublish(company):
    """The "Showcase moderators" group's publish permission is enough to take a product off the showcase."""
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name="Showcase moderators"))
    product = live_product(company=company)
    services.product_unpublish(product=product, user=moderator)
    assert not Product.objects.public().filter(pk=product.pk).exists()
