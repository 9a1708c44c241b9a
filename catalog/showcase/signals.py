"""Signals other apps (the search index) subscribe to. They carry ids only and are sent after commit.

- ``product_changed(sender=Product, product_id=int, reason=str)``: the public version of a product may have
  changed (published, unpublished, a live product edited, certificates changed or expired, company renamed).
- ``product_deleted(sender=Product, product_id=int)``: the product no longer exists.
"""

from django.dispatch import Signal

product_changed = Signal()
product_deleted = Signal()
