"""The product feed (live products of verified companies) for marketplaces mirroring the storefront."""

import csv

from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from portal.spreadsheets import escape_formula

from .models import Product
from .translated import LANGUAGE_SUFFIXES, column

FEED_FIELDS = [
    "id",
    "sku",
    "supplier_ubn",
    "supplier_name_zh_hant",
    "supplier_name_en",
    *[column("name", code) for code in LANGUAGE_SUFFIXES],
    *[column("description", code) for code in LANGUAGE_SUFFIXES],
    "category",
    "price_twd",
    "moq",
    "order_multiple",
    "unit",
    "lead_time_days",
    "hs_code",
    "origin",
    "ships_to",
    "stock_status",
    "sample_available",
    "sample_price_twd",
    "certifications",
    "image_url",
    "updated_at",
]


def feed_products():
    """Public products with everything the feed needs, in a fixed order."""
    return (
        Product.objects.public()
        .select_related("company", "category")
        .prefetch_related("certificates", "images__image")
        .order_by("pk")
    )


def feed_item(product, request, today):
    first_image = next(iter(product.images.all()), None)
    return {
        "id": product.pk,
        "sku": product.sku,
        "supplier_ubn": product.company.ubn,
        "supplier_name_zh_hant": product.company.name_zh,
        "supplier_name_en": product.company.name_en,
        **{column("name", code): getattr(product, column("name", code)) for code in LANGUAGE_SUFFIXES},
        **{column("description", code): getattr(product, column("description", code)) for code in LANGUAGE_SUFFIXES},
        "category": product.category.path,
        "price_twd": str(product.price_twd),
        "moq": product.moq,
        "order_multiple": product.order_multiple,
        "unit": product.unit,
        "lead_time_days": product.lead_time_days,
        "hs_code": product.hs_code,
        "origin": product.origin,
        "ships_to": list(product.ships_to),
        "stock_status": product.stock_status,
        "sample_available": product.sample_available,
        "sample_price_twd": str(product.sample_price_twd) if product.sample_price_twd is not None else "",
        "certifications": [
            {
                "type": certificate.certificate_type,
                "issuer": certificate.issuer,
                "number": certificate.number,
                "valid_until": certificate.valid_until.isoformat(),
            }
            for certificate in product.certificates.all()
            if certificate.is_valid_on(today)
        ],
        "image_url": request.build_absolute_uri(first_image.image.file.url) if first_image else "",
        "updated_at": (product.last_published_at or product.updated_at).isoformat(),
    }


def _items(request):
    today = timezone.localdate()
    return [feed_item(product, request, today) for product in feed_products()]


@require_GET
def feed_json(request):
    items = _items(request)
    return JsonResponse({"count": len(items), "products": items}, json_dumps_params={"ensure_ascii": False})


@require_GET
def feed_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="taipei-good-products.csv"'
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=FEED_FIELDS)
    writer.writeheader()
    for item in _items(request):
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
