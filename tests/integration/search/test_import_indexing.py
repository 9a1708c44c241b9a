"""A bulk import reaches the index: the one task queued after the commit makes every imported product findable."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django_tasks import default_task_backend

from catalog.showcase.imports import import_products
from catalog.showcase.models import Product
from catalog.showcase.signals import products_changed
from search.documents import alias_name
from search.engine import get_client
from search.models import PendingUpdate
from search.selectors import product_search
from tests.factories.showcase import ProductCategoryFactory, VerifiedCompanyFactory
from tests.integration.showcase.test_import import csv_bytes, row

from .conftest import rebuild

pytestmark = pytest.mark.django_db


def test_imported_products_are_found_after_the_task_runs(engine, django_capture_on_commit_callbacks):
    """After the import commits, its task empties the outbox and the engine under test finds every product."""
    food = ProductCategoryFactory(slug="food-beverage", path="food-beverage")
    ProductCategoryFactory(parent=food, slug="snacks", path="food-beverage/snacks")
    rebuild()
    company = VerifiedCompanyFactory()
    data = csv_bytes([row(n, name_en=f"Salted egg crisps {n}") for n in range(1, 16)])
    with django_capture_on_commit_callbacks(execute=True):
        result = import_products(company=company, data=data, publish=True)
    assert not PendingUpdate.objects.exists()
    if engine == "elasticsearch":
        get_client().indices.refresh(index=alias_name())
    results = product_search("salted egg crisps", locale="en")
    assert (results.engine, results.total) == (engine, 15)
    assert {hit.id for hit in results.hits} == set(result.created)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_products_changed_writes_one_row_per_product_and_queues_one_task(
    use_database, django_capture_on_commit_callbacks
):
    """The bulk signal upserts every id in one statement (an id already queued keeps its one row, moved to the
    new time) and queues the task once."""
    default_task_backend.clear()
    PendingUpdate.objects.create(product_id=7, attempts=3)
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        products_changed.send(sender=Product, product_ids=[7, 8, 9, 8], reason="published")
    writes = [q["sql"] for q in queries.captured_queries if "search_pendingupdate" in q["sql"]]
    assert len(writes) == 1 and writes[0].startswith("INSERT")
    assert sorted(PendingUpdate.objects.values_list("product_id", "attempts")) == [(7, 0), (8, 0), (9, 0)]
    assert [result.task.name for result in default_task_backend.results] == ["process_pending_updates"]
