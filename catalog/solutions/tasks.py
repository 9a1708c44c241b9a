"""E-mails about consultation requests, sent in the background with ids only."""

from django.conf import settings
from django_tasks import task

from portal.background import retries
from portal.emails import send_templated_email

from .models import ConsultationRequest


def _send(*, template, **kwargs):
    send_templated_email(template=f"solutions/emails/{template}", **kwargs)


@retries(attempts=5, backoff_seconds=60)
@task()
def send_consultation_request_emails(*, request_id, event):
    """created: the provider, the staff and the requester; introduced/closed: the requester."""
    consultation_request = ConsultationRequest.objects.select_related(
        "company", "solution_page", "provider", "requested_by"
    ).get(pk=request_id)
    context = {"consultation_request": consultation_request, "base_url": settings.WAGTAILADMIN_BASE_URL}
    requester = consultation_request.requested_by
    requester_language = consultation_request.language or settings.LANGUAGE_CODE
    requester_emails = [requester.email] if requester else []

    if event == "created":
        provider = consultation_request.provider
        if provider is not None:
            _send(
                template="request_provider",
                language=provider.locale.language_code,
                context=context,
                recipients=[provider.contact_email],
            )
        _send(
            template="request_staff",
            language=settings.LANGUAGE_CODE,
            context=context,
            recipients=list(settings.STAFF_NOTIFICATION_EMAILS),
        )
        _send(template="request_received", language=requester_language, context=context, recipients=requester_emails)
    elif event == ConsultationRequest.Status.INTRODUCED:
        _send(template="request_introduced", language=requester_language, context=context, recipients=requester_emails)
    elif event == ConsultationRequest.Status.CLOSED:
        _send(template="request_closed", language=requester_language, context=context, recipients=requester_emails)
