"""Imports in bulk: one validation per row, products and revisions written in bulk, one outbox write and one
task for the whole file, all or nothing, and the admin's history as if each product had been saved by hand."""

import pytest
from django.contrib.admin.utils import quote
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation
from django_tasks import default_task_backend
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision, WorkflowState

from catalog.showcase import imports
from catalog.showcase.imports import ProductImportError, import_products
from catalog.showcase.models import Certificate, PriceTier, Product, ProductCategory, ShowcaseError
from catalog.showcase.services import product_update
from search.models import PendingUpdate
from tests.factories.accounts import StaffFactory
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import ProductCategoryFactory, VerifiedCompanyFactory, live_product
from tests.integration.showcase.test_import import csv_bytes, row

pytestmark = pytest.mark.django_db
QUEUE_ONLY = override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def company():
    return VerifiedCompanyFactory()


@pytest.fixture
def snacks():
    food = ProductCategoryFactory(slug="food-beverage", path="food-beverage")
    return ProductCategoryFactory(parent=food, slug="snacks", path="food-beverage/snacks")


def rows(count, **overrides):
    return [row(n, **overrides) for n in range(1, count + 1)]


def outbox_inserts(queries):
    return [q["sql"] for q in queries if q["sql"].startswith("INSERT") and "search_pendingupdate" in q["sql"]]


@QUEUE_ONLY
def test_200_rows_publish_with_one_outbox_write_and_one_task(company, snacks, django_capture_on_commit_callbacks):
    """200 rows with publish: all live on their first revision; the outbox gets one write and one task is queued
    for the whole file, once the import has committed."""
    default_task_backend.clear()
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        result = import_products(company=company, data=csv_bytes(rows(200)), publish=True)
    assert len(result.created) == 200
    assert Product.objects.public().filter(company=company).count() == 200
    assert PendingUpdate.objects.count() == 200
    assert len(outbox_inserts(queries.captured_queries)) == 1
    assert [r.task.name for r in default_task_backend.results] == ["process_pending_updates"]
    for product in Product.objects.filter(company=company):
        assert product.live_revision_id == product.latest_revision_id is not None
        assert not product.has_unpublished_changes
        assert product.first_published_at == product.last_published_at is not None
    assert Revision.objects.filter(base_content_type__model="product").count() == 200


@QUEUE_ONLY
def test_each_row_is_validated_once(company, snacks, monkeypatch):
    """The model's full_clean() runs once per row, not once per step of saving and publishing."""
    calls = []
    real = Product.full_clean
    monkeypatch.setattr(Product, "full_clean", lambda self, *a, **kw: calls.append(self.sku) or real(self, *a, **kw))
    import_products(company=company, data=csv_bytes(rows(5)), publish=True)
    assert sorted(calls) == [f"SN-{n:04d}" for n in range(1, 6)]


def test_imported_revisions_read_back_as_the_product(company, snacks):
    """Each revision holds the product as published: its fields, category and certificates."""
    import_products(company=company, data=csv_bytes(rows(2)), publish=True)
    product = Product.objects.get(company=company, sku="SN-0002")
    version = product.live_revision.as_object()
    assert (version.name_en, version.price_twd, version.category_id) == (product.name_en, 120, snacks.pk)
    assert [c.number for c in version.certificates.all()] == ["JAKIM-0001"]
    assert product.live_revision.object_str == str(product)


def test_the_admin_shows_each_products_history_and_revision(client, company, snacks):
    """Staff see the imported product's history (saved, then published, by the importing user) and can open
    it for editing; the category's usage lists the products."""
    staff = StaffFactory(admin_language="en")
    import_products(company=company, data=csv_bytes(rows(3)), user=staff, publish=True)
    client.force_login(staff)
    for product in Product.objects.filter(company=company):
        actions = list(
            ModelLogEntry.objects.for_instance(product).order_by("id").values_list("action", "user", "revision")
        )
        assert actions == [
            ("wagtail.edit", staff.pk, product.live_revision_id),
            ("wagtail.publish", staff.pk, product.live_revision_id),
        ]
        name = Product.snippet_viewset.get_url_name
        history = client.get(reverse(name("history"), args=[quote(product.pk)]))
        assert history.status_code == 200
        assert "Published" in history.content.decode()
        edit = client.get(reverse(name("edit"), args=[quote(product.pk)]))
        assert edit.status_code == 200
        assert product.name_en in edit.content.decode()
    assert ReferenceIndex.get_references_to(snacks).count() == 3


def test_reimport_keeps_tiers_and_images_and_logs_the_rename(company, snacks):
    """Re-importing a live product with publish writes a second revision, keeps its price tiers and images,
    and records the rename in the history."""
    product = live_product(company=company, category=snacks, sku="SN-0001", name_en="Old name")
    first_revision = product.live_revision_id
    import_products(company=company, data=csv_bytes([row(1, price_twd="99")]), publish=True)
    product.refresh_from_db()
    assert product.live_revision_id == product.latest_revision_id != first_revision
    assert (product.price_twd, product.name_en) == (99, "Halal peanut brittle 1")
    assert product.price_tiers.count() == 1 and product.images.count() == 1
    version = product.live_revision.as_object()
    assert (len(version.price_tiers.all()), len(version.images.all())) == (1, 1)
    assert [c.number for c in product.certificates.all()] == ["JAKIM-0001"]
    rename = ModelLogEntry.objects.for_instance(product).get(action="wagtail.rename")
    assert rename.data["title"]["old"].startswith("Old name")


def test_reimport_publishes_the_latest_revision_with_its_unpublished_changes(company, snacks):
    """A live product with a newer, unpublished revision (new price tiers): importing it with publish publishes
    that version with the row's values, tiers included."""
    product = live_product(company=company, category=snacks, sku="SN-0001")
    member = MembershipFactory(company=company).user
    product_update(product=product, user=member, fields={}, tiers=[{"min_quantity": 500, "unit_price_twd": 90}])
    import_products(company=company, data=csv_bytes([row(1, price_twd="99")]), publish=True)
    product.refresh_from_db()
    assert product.price_twd == 99 and not product.has_unpublished_changes
    assert list(PriceTier.objects.filter(product=product).values_list("min_quantity", flat=True)) == [500]


def test_an_order_multiple_that_no_longer_divides_the_moq_is_reported_by_row(company, snacks):
    """The product keeps its order multiple; a new MOQ that is not a multiple of it is a row error, not a crash."""
    live_product(company=company, category=snacks, sku="SN-0001", moq=60, order_multiple=12)
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes([row(1, moq="50")]), publish=True)
    assert [(e.row, e.column) for e in excinfo.value.errors] == [(2, "order_multiple")]


def nothing_left(company):
    assert not Product.objects.exists()
    assert not Revision.objects.filter(base_content_type__model="product").exists()
    assert not ModelLogEntry.objects.filter(content_type__model="product").exists()
    assert not Certificate.objects.exists()
    assert not WorkflowState.objects.exists()
    assert not PendingUpdate.objects.exists()
    assert set(ProductCategory.objects.values_list("path", flat=True)) == set()


def test_a_bad_row_150_of_200_leaves_nothing_behind(company, django_capture_on_commit_callbacks):
    """A row that fails validation on line 151: nothing is written, new categories included."""
    data = [row(n, category="new/snacks", hs_code="12AB" if n == 150 else "200811") for n in range(1, 201)]
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes(data), publish=True, create_categories=True)
    assert [(e.row, e.column) for e in excinfo.value.errors] == [(151, "hs_code")]
    nothing_left(company)


def test_a_row_failing_while_written_rolls_back_the_whole_file(company, monkeypatch):
    """Row 150 fails after the first 149 products were written and sent to review: the report names line 151,
    and the products, revisions, history, certificates, workflows and new categories are all gone."""
    started = []
    real = imports.start_review

    def start_review(product, *, user):
        started.append(product.sku)
        if len(started) == 150:
            raise ShowcaseError("Moderation is not set up; please contact the bureau.")
        real(product, user=user)

    monkeypatch.setattr(imports, "start_review", start_review)
    data = [row(n, category="new/snacks") for n in range(1, 201)]
    with pytest.raises(ProductImportError) as excinfo:
        import_products(company=company, data=csv_bytes(data), create_categories=True)
    assert [(e.row, e.message) for e in excinfo.value.errors] == [
        (151, "Moderation is not set up; please contact the bureau.")
    ]
    nothing_left(company)
