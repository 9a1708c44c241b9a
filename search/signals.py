"""Receivers of the catalog's signals (ids only, sent after commit): they only fill the outbox. Saving or
deleting a synonym set or a category also starts a new version of the values searches keep (portal/versioned.py)."""

from django.db.models.signals import post_delete, post_save

from . import services, sources
from .models import SynonymSet
from .sources import product_changed, product_deleted, products_changed
from .synonyms import SYNONYM_SETS


def on_product_changed(sender, product_id, **kwargs):
    services.queue_products(product_ids=[product_id])


def on_products_changed(sender, product_ids, **kwargs):
    services.queue_products(product_ids=product_ids)


def on_product_deleted(sender, product_id, **kwargs):
    services.queue_products(product_ids=[product_id])


def connect():
    product_changed.connect(on_product_changed, dispatch_uid="search.product_changed")
    products_changed.connect(on_products_changed, dispatch_uid="search.products_changed")
    product_deleted.connect(on_product_deleted, dispatch_uid="search.product_deleted")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(SYNONYM_SETS.changed, sender=SynonymSet, dispatch_uid=f"search.synonym_set_{name}")
        signal.connect(
            sources.CATEGORY_LABELS.changed, sender=sources.ProductCategory, dispatch_uid=f"search.category_{name}"
        )
