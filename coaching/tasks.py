"""Background work for coaching: the applicant's e-mail after every status change."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from payments.stripe_client import stripe_configured
from portal.background import retries
from portal.status import StatusChange

from .models import Application
from .selectors import waitlist_suggestion


@retries(attempts=5, backoff_seconds=60)
@task()
def send_status_email(status_change_id, base_url=""):
    """E-mail the applicant about one recorded status change, in the language the application was made in."""
    change = StatusChange.objects.get(pk=status_change_id)
    application = Application.objects.select_related("program", "company", "created_by").get(pk=change.object_id)
    recipients = [application.contact_email or (application.created_by and application.created_by.email)]
    recipients = [r for r in recipients if r]
    if not recipients:
        return
    with translation.override(application.language or settings.LANGUAGE_CODE):
        program = application.program.localized
        context = {
            "application": application,
            "change": change,
            "program": program,
            "base_url": base_url,
            "fee": application.program.fee_display if application.program.fee > 0 else "",
            "online_payment": stripe_configured(),
        }
        subject = render_to_string("coaching/email/status_subject.txt", context).strip()
        body = render_to_string("coaching/email/status_body.txt", context)
    send_mail(subject, body, None, recipients)


@retries(attempts=5, backoff_seconds=60)
@task()
def send_place_freed_email(application_id, base_url=""):
    """Tell the bureau that an accepted company withdrew, with the best-scored waitlisted application."""
    recipients = settings.STAFF_NOTIFICATION_EMAILS
    if not recipients:
        return
    application = Application.objects.select_related("program", "company").get(pk=application_id)
    context = {
        "application": application,
        "program": application.program,
        "suggestion": waitlist_suggestion(application.program),
        "base_url": base_url,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("coaching/email/place_freed_subject.txt", context).strip()
        body = render_to_string("coaching/email/place_freed_body.txt", context)
    send_mail(subject, body, None, recipients)
