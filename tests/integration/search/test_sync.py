"""Catalog signals → outbox → task: the database index follows product changes after commit."""

import pytest
from django.core.management import call_command

from catalog.showcase.models import Product
from catalog.showcase.signals import product_changed, product_deleted
from search.models import PendingUpdate, ProductEntry
from search.selectors import product_search
from tests.factories.search import PublicProductFactory

pytestmark = pytest.mark.django_db


def test_a_published_product_is_searchable_after_commit(use_database, django_capture_on_commit_callbacks):
    """product_changed queues the id; the task runs after commit and the product is found."""
    product = PublicProductFactory(name_en="Sun cake")
    with django_capture_on_commit_callbacks(execute=True):
        product_changed.send(sender=Product, product_id=product.pk, reason="published")
    assert PendingUpdate.objects.count() == 0
    assert [hit.id for hit in product_search("sun cake", locale="en").hits] == [product.pk]


def test_unpublishing_and_deleting_remove_the_product(use_database, django_capture_on_commit_callbacks):
    product = PublicProductFactory(name_en="Sun cake")
    with django_capture_on_commit_callbacks(execute=True):
        product_changed.send(sender=Product, product_id=product.pk, reason="published")
    Product.objects.filter(pk=product.pk).update(live=False)
    with django_capture_on_commit_callbacks(execute=True):
        product_changed.send(sender=Product, product_id=product.pk, reason="unpublished")
    assert product_search("sun cake", locale="en").total == 0
    with django_capture_on_commit_callbacks(execute=True):
        product_deleted.send(sender=Product, product_id=product.pk)
    assert not ProductEntry.objects.exists()


def test_saving_never_fails_when_the_engine_is_down(settings, django_capture_on_commit_callbacks):
    """With Elasticsearch unreachable the signal still succeeds: the update waits in the outbox."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    product = PublicProductFactory(name_en="Sun cake")
    with django_capture_on_commit_callbacks(execute=True):
        product_changed.send(sender=Product, product_id=product.pk, reason="edited")
    row = PendingUpdate.objects.get(product_id=product.pk)
    assert row.attempts == 1 and "ConnectionError" in row.last_error


def test_rebuild_without_elasticsearch_fills_the_database_table(use_database):
    PublicProductFactory.create_batch(3)
    PublicProductFactory(live=False)
    call_command("search_rebuild", "--no-progress", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ProductEntry.objects.count() == 3
