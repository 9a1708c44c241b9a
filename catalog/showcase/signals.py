"""Signals other apps (the search index) subscribe to. They carry ids only and are sent after commit.

- ``product_changed(sender=Product, product_id=int, reason=str)``: the public version of a product may have
  changed (published, unpublished, a live product edited, certificates changed or expired, company renamed).
- ``products_changed(sender=Product, product_ids=list[int], reason=str)``: the same for many products at once
  (an import), so that a receiver can write once for all of them.
- ``product_deleted(sender=Product, product_id=int)``: the product no longer exists.
"""

from django.dispatch import Signal

product_changed = Signal()
products_changed = Signal()
product_deleted = Signal()
