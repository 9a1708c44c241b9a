"""E-mails of the companies app, sent in the background with ids only."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from portal.background import retries
from portal.emails import send_to_users

from .models import Company


@retries(attempts=5, backoff_seconds=60)
@task()
def send_verified_email(*, company_id):
    """Tell every member of a company, each in their language, that the bureau verified it."""
    company = Company.objects.get(pk=company_id)
    users = [membership.user for membership in company.memberships.select_related("user").order_by("pk")]
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("companies:detail", args=[company.pk])
    send_to_users(
        template="companies/emails/verified",
        users=users,
        context={"company": company, "company_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path},
    )
