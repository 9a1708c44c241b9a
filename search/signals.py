"""Receivers of the catalog's signals (ids only, sent after commit): they only fill the outbox."""

from . import services
from .sources import product_changed, product_deleted


def on_product_changed(sender, product_id, **kwargs):
    services.queue_products(product_ids=[product_id])


def on_product_deleted(sender, product_id, **kwargs):
    services.queue_products(product_ids=[product_id])


def connect():
    product_changed.connect(on_product_changed, dispatch_uid="search.product_changed")
    product_deleted.connect(on_product_deleted, dispatch_uid="search.product_deleted")
