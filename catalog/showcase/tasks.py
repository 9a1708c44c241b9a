"""Background work for the showcase: moderation e-mails and the daily certificate check (ids only).
E-mails go to each member of the company in the language of their account."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from portal.background import retries
from portal.companies.models import Company
from portal.emails import send_to_users

from .models import Certificate, Product
from .services import notify_products_changed

REMINDER_DAYS = 30
CATCH_UP_DAYS = 7


def _send(*, template, company, context):
    """Every member of the company, each in the language of their account."""
    members = [membership.user for membership in company.memberships.select_related("user").order_by("pk")]
    send_to_users(template=f"showcase/dashboard/emails/{template}", users=members, context=context)


@retries(attempts=5, backoff_seconds=60)
@task()
def send_moderation_email(*, product_id, decision, comment=""):
    """Tell the company's members that staff approved, rejected or unpublished a product."""
    product = Product.objects.select_related("company").get(pk=product_id)
    context = {
        "product": product,
        "decision": decision,
        "comment": comment,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
    }
    _send(template=f"product_{decision}", company=product.company, context=context)


@retries(attempts=5, backoff_seconds=60)
@task()
def certificates_daily(*, today=None):
    """Re-announce live products whose certificates expired or started recently (expired ones simply stop
    showing: products show certificates valid today); e-mail each company 30 days before an expiry, once.

    Products are announced for a week after the change so that a missed run is caught up; announcing twice
    only re-indexes a product."""
    today = datetime.date.fromisoformat(today) if today else timezone.localdate()
    week_ago = today - datetime.timedelta(days=CATCH_UP_DAYS)
    changed = Certificate.objects.filter(
        Q(valid_until__gte=week_ago, valid_until__lt=today) | Q(valid_from__gt=week_ago, valid_from__lte=today)
    )
    with transaction.atomic():
        notify_products_changed(
            Product.objects.live().filter(certificates__in=changed).values_list("pk", flat=True),
            reason="certificate_expired",
        )
    reminded = 0
    for certificate in Certificate.objects.needing_reminder(today, days_before=REMINDER_DAYS).select_related("company"):
        with transaction.atomic():
            locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
            if locked.reminder_sent_at is not None:
                continue
            locked.reminder_sent_at = timezone.now()
            locked.save(update_fields=["reminder_sent_at", "updated_at"])
            company = Company.objects.get(pk=locked.company_id)
            transaction.on_commit(
                lambda c=locked, co=company: _send(
                    template="certificate_expiring", company=co, context={"certificate": c, "company": co}
                )
            )
        reminded += 1
    return {"reminded": reminded}
