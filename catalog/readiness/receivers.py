"""What the readiness app keeps in each process follows the rules and the categories they name."""

from django.db.models.signals import post_delete, post_save

from catalog.showcase.models import ProductCategory

from .models import Rule
from .selectors import ACTIVE_RULE_SET


def connect():
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        for sender in (Rule, ProductCategory):
            signal.connect(
                ACTIVE_RULE_SET.changed, sender=sender, dispatch_uid=f"readiness.rules.{sender.__name__}_{name}"
            )
