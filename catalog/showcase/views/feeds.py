"""The product feeds for partner marketplaces (public: they list what the storefront already shows).

``/showcase/feeds/<layout>/<language>/<country>.<extension>`` answers a feed of ``catalog.showcase.feeds`` in
one language for one target country: streamed while it is made, then from the stored file until the next
change; 404 for a language or country no feed is made for, 503 with the reason when it cannot be made now.
``/showcase/feed.csv`` and ``.json`` keep the first layout for the partners that read it.
"""

import csv
import logging

from django.http import FileResponse, Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import translation
from django.views.decorators.http import require_GET, require_safe

from portal.spreadsheets import escape_formula

from .. import feeds

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 3600


@require_safe
def marketplace_feed(request, layout, language, country):
    feed_format = feeds.FORMATS[layout]
    country = country.upper()
    if not feeds.check_choice(language=language, country=country):
        raise Http404
    with translation.override(language):
        try:
            context = feeds.feed_context(language=language, country=country)
        except feeds.FeedUnavailable as error:
            logger.warning("Feed %s/%s/%s not made: %s", layout, language, country, error)
            return HttpResponse(
                str(error),
                status=503,
                content_type="text/plain; charset=utf-8",
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
    chunks, stored = feeds.stream(feed_format, context)
    response_class = FileResponse if stored else StreamingHttpResponse
    response = response_class(chunks, content_type=feed_format.content_type)
    response["Content-Disposition"] = (
        f'inline; filename="taipei-good-products-{layout}-{language}-{country}.{feed_format.extension}"'
    )
    response["X-Feed"] = "stored" if stored else "made"
    return response


@require_GET
def feed_json(request):
    items = feeds.legacy_items(request)
    return JsonResponse({"count": len(items), "products": items}, json_dumps_params={"ensure_ascii": False})


@require_GET
def feed_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="taipei-good-products.csv"'
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=feeds.FEED_FIELDS)
    writer.writeheader()
    for item in feeds.legacy_items(request):
        row = {
            **item,
            "ships_to": ";".join(item["ships_to"]),
            "certifications": ";".join(
                f"{c['type']}|{c['issuer']}|{c['number']}|{c['valid_until']}" for c in item["certifications"]
            ),
            "sample_available": "yes" if item["sample_available"] else "no",
        }
        writer.writerow({name: escape_formula(value) for name, value in row.items()})
    return response
