"""The showcase's routes: parse the address, read through the storefront selectors, render."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation

from portal import site_address
from portal.home.selectors import live_translations
from portal.home.templatetags.portal_tags import bcp47
from portal.markets import Market

from .. import listings, selectors, structured_data
from ..models import ShowcasePage


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def _route_url(page, request, route, kwargs):
    base = page.get_url(request)
    if not base:
        return ""
    return site_address.absolute(base.rstrip("/") + "/" + page.reverse_subpage(route, kwargs=kwargs or {}))


def route_links(page, request, route, kwargs=None):
    """The canonical address of a route and its address in every language of the site.

    A language with its own showcase page uses it; the others are served by the default-language page under
    their own prefix (product names and descriptions then come in that language, falling back to English).
    """
    versions = live_translations(page)
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


def landing(request, page: ShowcasePage):
    """Hero, staff-curated collections, top categories and new arrivals."""
    return page.render(
        request,
        context_overrides={
            "collections": selectors.featured_collections(),
            "categories": selectors.root_categories(),
            "new_arrivals": selectors.new_arrivals(),
            "share_image": page.hero_image,
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
    trail = selectors.category_trail(current)
    products, listing_page = selectors.category_products(
        category=current, sort=sort, page_number=request.GET.get("page"), language=translation.get_language()
    )
    return page.render(
        request,
        template="showcase/category.html",
        context_overrides={
            "category": current,
            "trail": trail,
            "breadcrumbs": _breadcrumbs(page, trail),
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
    tiers = list(item.price_tiers.all())
    trail = selectors.category_trail(item.category)
    company = item.company
    data = structured_data.product(
        product=item,
        url=links["canonical_url"],
        gallery=images,
        tiers=tiers,
        storefront_url=_route_url(page, request, "supplier", {"company_id": company.pk}),
    )
    return page.render(
        request,
        template="showcase/product.html",
        context_overrides={
            "product": item,
            "images": images,
            "tiers": tiers,
            "ships_to": [Market(code).label for code in item.ships_to if code in Market.values],
            "certificates": list(item.valid_certificates()),
            "trail": trail,
            "supplier": company,
            "profile": selectors.supplier_profile(company),
            "page_title": product_title(item),
            "meta_description": item.description,
            "share_image": images[0].image if images else None,
            "share_kind": "product",
            "breadcrumbs": _breadcrumbs(page, trail),
            "structured_data": data,
            **links,
        },
    )


def product_title(product):
    """ "Product — Supplier" in the reader's language: two suppliers' products of the same name differ."""
    return f"{product.name} — {structured_data.supplier_name(product.company)}"


def _breadcrumbs(page, trail):
    """The trail the page shows: the showcase, then the categories down to the current one."""
    steps = [(page.title, page.url)]
    steps += [
        (step.translated("name"), page.url + page.reverse_subpage("category_view", kwargs={"slug_path": step.path}))
        for step in trail
    ]
    return steps


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
    products = selectors.supplier_products(company=company)
    links = route_links(page, request, "supplier", {"company_id": company.pk})
    data = structured_data.supplier(
        company=company,
        profile=profile,
        url=links["canonical_url"],
        products=products,
        product_url=lambda item: _route_url(page, request, "product", {"pk": item.pk, "slug": item.slug}),
    )
    return page.render(
        request,
        template="showcase/supplier.html",
        context_overrides={
            "supplier": company,
            "profile": profile,
            "languages_spoken": spoken,
            "products": products,
            "certificates": list(company.certificates.valid_today()),
            "meta_description": profile.translated("story") if profile else "",
            "share_image": (profile.banner or profile.logo) if profile else None,
            "structured_data": data,
            **links,
        },
    )


def register_routes():
    """The storefront's own sub-routes of the showcase page (other apps add theirs, e.g. the inquiry forms)."""
    ShowcasePage.routes.register("", landing, name="landing_view")
    ShowcasePage.routes.register("category/<path:slug_path>/", category, name="category_view")
    ShowcasePage.routes.register("product/<int:pk>-<slug:slug>/", product, name="product")
    ShowcasePage.routes.register("product/<int:pk>/", product, name="product_short")
    ShowcasePage.routes.register("supplier/<int:company_id>/", supplier, name="supplier")
