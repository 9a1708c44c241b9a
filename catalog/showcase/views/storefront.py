"""The showcase's routes: parse the address, read through the storefront selectors, render."""

import json
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.safestring import mark_safe

from portal.home.templatetags.portal_tags import bcp47
from portal.markets import Market

from .. import listings, selectors
from ..models import ShowcasePage

JSON_LD_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def _route_url(page, request, route, kwargs):
    base = page.get_full_url(request)
    if not base:
        return ""
    return base.rstrip("/") + "/" + page.reverse_subpage(route, kwargs=kwargs or {})


def route_links(page, request, route, kwargs=None):
    """The canonical address of a route and its address in every language of the site.

    A language with its own showcase page uses it; the others are served by the default-language page under
    their own prefix (product names and descriptions then come in that language, falling back to English).
    """
    versions = {
        version.locale.language_code: version
        for version in page.get_translations(inclusive=True).live().select_related("locale").specific()
    }
    fallback = versions.get(settings.LANGUAGE_CODE, page)
    fallback_url = _route_url(fallback, request, route, kwargs)
    fallback_prefix = f"/{fallback.locale.language_code}/"
    urls = {}
    for code, _name in settings.LANGUAGES:
        if code in versions:
            urls[code] = _route_url(versions[code], request, route, kwargs)
        elif fallback_url:
            urls[code] = fallback_url.replace(fallback_prefix, f"/{code}/", 1)
    alternates = [Alternate(bcp47(code), url) for code, url in urls.items() if url]
    if urls.get(settings.LANGUAGE_CODE):
        alternates.append(Alternate("x-default", urls[settings.LANGUAGE_CODE]))
    canonical = urls.get(translation.get_language()) or _route_url(page, request, route, kwargs)
    return {"canonical_url": canonical, "alternates": alternates}


def json_ld(data):
    """A JSON-LD payload that is safe inside <script>: ``<``, ``>`` and ``&`` are escaped."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_LD_ESCAPES))  # noqa: S308


def product_structured_data(*, product, url, image_urls):
    """schema.org ``Product`` with the supplier as brand and manufacturer and a TWD offer from the MOQ."""
    company = product.company
    supplier_name = company.display_name(translation.get_language())
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "sku": product.sku,
        "url": url,
        "image": image_urls,
        "brand": {"@type": "Brand", "name": supplier_name},
        "manufacturer": {"@type": "Organization", "name": supplier_name},
        "offers": {
            "@type": "Offer",
            "url": url,
            "priceCurrency": "TWD",
            "price": f"{product.price_twd:.2f}",
            "eligibleQuantity": {"@type": "QuantitativeValue", "minValue": product.moq, "unitText": product.unit},
            "availability": "https://schema.org/InStock"
            if product.stock_status == "in_stock"
            else "https://schema.org/PreOrder"
            if product.stock_status == "made_to_order"
            else "https://schema.org/OutOfStock",
        },
    }
    if product.hs_code:
        data["additionalProperty"] = {"@type": "PropertyValue", "name": "HS code", "value": product.hs_code}
    return data


def landing(request, page: ShowcasePage):
    """Hero, staff-curated collections, top categories and new arrivals."""
    return page.render(
        request,
        context_overrides={
            "collections": selectors.featured_collections(),
            "categories": selectors.root_categories(),
            "new_arrivals": selectors.new_arrivals(),
            **route_links(page, request, "landing_view"),
        },
    )


def category(request, page: ShowcasePage, *, slug_path):
    """The public products of one category and its subcategories, paginated, sorted by newest or price."""
    current = selectors.category_by_path(slug_path)
    if current is None:
        raise Http404
    listing = listings.provider()
    sorts = listing.sorts()
    sort = request.GET.get("sort", listing.default_sort)
    if sort not in dict(sorts):
        sort = listing.default_sort
    products, listing_page = selectors.category_products(
        category=current, sort=sort, page_number=request.GET.get("page"), language=translation.get_language()
    )
    return page.render(
        request,
        template="showcase/category.html",
        context_overrides={
            "category": current,
            "trail": selectors.category_trail(current),
            "subcategories": current.children.order_by("sort_order", "path"),
            "products": products,
            "listing": listing_page,
            "sort": sort,
            "sort_choices": sorts,
            **route_links(page, request, "category_view", {"slug_path": current.path}),
        },
    )


def product(request, page: ShowcasePage, *, pk, slug=""):
    """A live product of a verified supplier; other addresses of the same product redirect to the canonical one."""
    item = selectors.public_product(pk)
    if item is None:
        raise Http404
    canonical_slug = item.slug
    if slug != canonical_slug:
        return redirect(
            page.url + page.reverse_subpage("product", kwargs={"pk": pk, "slug": canonical_slug}), permanent=True
        )
    kwargs = {"pk": pk, "slug": canonical_slug}
    links = route_links(page, request, "product", kwargs)
    images = list(item.images.all())
    root_url = page.get_site().root_url
    image_urls = [urljoin(root_url, image.image.get_rendition("max-1200x1200").url) for image in images]
    company = item.company
    return page.render(
        request,
        template="showcase/product.html",
        context_overrides={
            "product": item,
            "images": images,
            "tiers": list(item.price_tiers.all()),
            "ships_to": [Market(code).label for code in item.ships_to if code in Market.values],
            "certificates": list(item.valid_certificates()),
            "trail": selectors.category_trail(item.category),
            "supplier": company,
            "profile": selectors.supplier_profile(company),
            "structured_data": json_ld(
                product_structured_data(product=item, url=links["canonical_url"], image_urls=image_urls)
            ),
            **links,
        },
    )


def _language_name(code):
    """The language's name in the reader's language ("ภาษาอังกฤษ" for en on a Thai page)."""
    try:
        return translation.gettext(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def supplier(request, page: ShowcasePage, *, company_id):
    """The storefront of a verified company with at least one live product."""
    company = selectors.public_supplier(company_id)
    if company is None:
        raise Http404
    profile = selectors.supplier_profile(company)
    spoken = [_language_name(code) for code in profile.languages_spoken] if profile else []
    return page.render(
        request,
        template="showcase/supplier.html",
        context_overrides={
            "supplier": company,
            "profile": profile,
            "languages_spoken": spoken,
            "products": selectors.supplier_products(company=company),
            "certificates": list(company.certificates.valid_today()),
            **route_links(page, request, "supplier", {"company_id": company.pk}),
        },
    )


def register_routes():
    """The storefront's own sub-routes of the showcase page (other apps add theirs, e.g. the inquiry forms)."""
    ShowcasePage.routes.register("", landing, name="landing_view")
    ShowcasePage.routes.register("category/<path:slug_path>/", category, name="category_view")
    ShowcasePage.routes.register("product/<int:pk>-<slug:slug>/", product, name="product")
    ShowcasePage.routes.register("product/<int:pk>/", product, name="product_short")
    ShowcasePage.routes.register("supplier/<int:company_id>/", supplier, name="supplier")
