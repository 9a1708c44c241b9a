"""Receivers for other apps' signals (Wagtail publishing and workflows, company changes, exchange rates).

They turn them into the showcase's own ``product_changed`` / ``product_deleted`` signals and moderation e-mails,
and start a new version of the marketplace feeds when something they show may have changed.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import (
    page_published,
    page_unpublished,
    published,
    unpublished,
    workflow_approved,
    workflow_rejected,
)

from payments.models import ExchangeRate
from portal.companies.models import Company
from portal.signals import content_changed

from . import feeds
from . import tasks as showcase_tasks
from .models import Product, ProductCategory, ShowcasePage
from .services import notify_products_changed
from .signals import product_deleted


@receiver(published, sender=Product)
def product_published(sender, instance, **kwargs):
    notify_products_changed([instance.pk], reason="published")


@receiver(unpublished, sender=Product)
def product_unpublished(sender, instance, **kwargs):
    notify_products_changed([instance.pk], reason="unpublished")
    product_id = instance.pk
    transaction.on_commit(
        lambda: showcase_tasks.send_moderation_email.enqueue(product_id=product_id, decision="unpublished")
    )


@receiver(post_delete, sender=Product)
def product_removed(sender, instance, **kwargs):
    product_id = instance.pk
    transaction.on_commit(lambda: product_deleted.send(sender=Product, product_id=product_id))


@receiver(post_save, sender=Company)
def company_saved(sender, instance, created, **kwargs):
    """A renamed (or re-verified) company changes how its live products are shown."""
    if not created:
        notify_products_changed(
            Product.objects.live().filter(company=instance).values_list("pk", flat=True), reason="company"
        )


def _product_of(workflow_state):
    content_object = workflow_state.content_object
    return content_object if isinstance(content_object, Product) else None


@receiver(workflow_approved)
def product_approved(sender, instance, user=None, **kwargs):
    product = _product_of(instance)
    if product is not None:
        product_id = product.pk
        transaction.on_commit(
            lambda: showcase_tasks.send_moderation_email.enqueue(product_id=product_id, decision="approved")
        )


@receiver(workflow_rejected)
def product_rejected(sender, instance, user=None, **kwargs):
    product = _product_of(instance)
    if product is None:
        return
    task_state = instance.current_task_state
    comment = (task_state.get_comment() if task_state else "") or ""
    product_id = product.pk
    transaction.on_commit(
        lambda: showcase_tasks.send_moderation_email.enqueue(
            product_id=product_id, decision="rejected", comment=comment
        )
    )


@receiver(content_changed)
@receiver(product_deleted, sender=Product)
@receiver([post_save, post_delete], sender=ExchangeRate)
@receiver([post_save, post_delete], sender=ProductCategory)
@receiver([page_published, page_unpublished], sender=ShowcasePage)
def feeds_changed(sender, **kwargs):
    """The feeds show public products (``content_changed`` comes with every ``product_changed`` and
    ``products_changed``), their category paths, prices at the exchange rates and addresses under the showcase
    page: any of these changing starts a new feed version."""
    feeds.changed()
