"""The Stripe webhook endpoint (verify, store once, answer at once; processing runs as a task) and the
buyer's choice of browsing currency."""

import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services, tasks
from .currencies import Currency
from .errors import InvalidWebhook
from .money import CURRENCY_COOKIE

CURRENCY_COOKIE_AGE = 365 * 24 * 60 * 60

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """400 (and a warning in the log) for a bad, old or future signature or a body that is not a Stripe
    event; 200 otherwise, duplicates included."""
    try:
        event, _created = services.webhook_event_record(
            payload=request.body, signature=request.headers.get("Stripe-Signature")
        )
    except InvalidWebhook as error:
        logger.warning("Stripe webhook refused: %s", error)
        return HttpResponseBadRequest("invalid webhook", content_type="text/plain")
    if event.needs_processing:
        tasks.process_stripe_event.enqueue(event_id=event.pk)
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def currency_choose(request):
    """Remember the currency the buyer wants prices in (a cookie) and go back to the page they came from.

    An unknown currency is refused with 400 and changes nothing; a ``next`` that leaves the site goes home.
    """
    code = request.POST.get("currency", "").upper()
    if code not in Currency.values:
        return HttpResponseBadRequest(_("Choose one of the currencies in the list."), content_type="text/plain")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        CURRENCY_COOKIE,
        code,
        max_age=CURRENCY_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response
