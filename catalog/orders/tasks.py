"""E-mails about sample orders, sent in the background with ids only."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from portal.background import retries
from portal.companies.models import Membership
from portal.emails import send_templated_email

from .models import SampleOrder


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(*, template, **kwargs):
    send_templated_email(template=f"orders/emails/{template}", **kwargs)


@retries(attempts=5, backoff_seconds=60)
@task()
def send_order_emails(*, order_id, event):
    """``paid`` or ``shipped``: the buyer (in the order's language, with the secret link) and the supplier's
    owners (each in their language, with the order in the dashboard)."""
    order = SampleOrder.objects.select_related("company").prefetch_related("items").get(pk=order_id)
    with translation.override(order.language):
        order_url = _absolute(order.get_absolute_url())
    context = {"order": order, "items": list(order.items.all()), "order_url": order_url}
    _send(template=f"order_{event}_buyer", language=order.language, context=context, recipients=[order.buyer_email])
    owners = order.company.memberships.filter(role=Membership.Role.OWNER, user__is_active=True).select_related("user")
    for membership in owners:
        language = membership.user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            dashboard_url = _absolute(
                reverse("sample_orders:supplier_order", kwargs={"company_id": order.company_id, "pk": order.pk})
            )
        _send(
            template=f"order_{event}_supplier",
            language=language,
            context={**context, "dashboard_url": dashboard_url},
            recipients=[membership.user.email],
        )
