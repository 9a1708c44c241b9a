"""The Stripe webhook endpoint: verify, store once, answer at once; processing runs as a task."""

import stripe
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services, tasks


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """400 for a bad or old signature or a body that is not JSON; 200 otherwise, duplicates included."""
    try:
        event, _created = services.webhook_event_record(
            payload=request.body, signature=request.headers.get("Stripe-Signature")
        )
    except (stripe.SignatureVerificationError, ValueError):
        return HttpResponseBadRequest("invalid webhook", content_type="text/plain")
    if event.needs_processing:
        tasks.process_stripe_event.enqueue(event_id=event.pk)
    return HttpResponse("ok", content_type="text/plain")
