"""Signals of the core that any app may send; the core never needs to know which app sent them.

- ``content_changed(sender=<model class>)``: something shown on public pages may have changed without a
  saved or deleted row revealing it (a live product's approved revision published, a certificate expired,
  a company renamed …). The page cache starts a new generation. Send it after the commit.
"""

from django.dispatch import Signal

content_changed = Signal()
