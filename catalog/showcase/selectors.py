"""Reads of the showcase.

The public storefront's reads return only live products of verified companies; the supplier dashboard's reads
are scoped to the member's own companies.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from portal import images, locales
from portal.companies.models import Company
from portal.companies.selectors import company_for_member
from portal.home.featured import FeaturedItem

from . import listings
from .models import Certificate, Collection, PriceTier, Product, ProductCategory, ProductImage, ShowcasePage

NEW_ARRIVALS = 8
COLLECTION_SIZE = 8
NEWEST_FIRST = ("-first_published_at", "-pk")


# The renditions of a product card (showcase/includes/product_card.html, the "card" picture preset): fetched
# with the images of a listing.
CARD_RENDITIONS = images.specs("card")


def card_pictures():
    """The first picture of each product (by sort order) with its image: the ``ProductImage`` rows a listing
    shows, in one query, without reading the products' other pictures (``with_card_renditions`` then reads
    the renditions the cards need)."""
    first = ProductImage.objects.filter(product_id=OuterRef("product_id")).order_by("sort_order", "pk")
    return ProductImage.objects.filter(pk=Subquery(first.values("pk")[:1])).select_related("image")


def with_card_renditions(pictures):
    """``pictures`` (``ProductImage`` rows) with the card renditions of those whose card picture this process
    has not kept yet, in one query (``portal.images.prefetch_renditions``): a card is not one rendition lookup
    per picture, and a picture shown before reads none."""
    images.prefetch_renditions([picture.image for picture in pictures], "card")
    return pictures


def _with_media(queryset):
    """The products of ``queryset`` with their company, category and first picture (``card_images``: a list of
    none or one, with the card renditions not yet kept): a fixed number of queries for a listing, whatever its
    length."""
    products = list(
        queryset.select_related("company", "category").prefetch_related(
            Prefetch("images", queryset=card_pictures(), to_attr="card_images")
        )
    )
    with_card_renditions([picture for product in products for picture in product.card_images])
    return products


def live_products():
    """Every product a buyer may see, newest first."""
    return Product.objects.public().select_related("category").order_by(*NEWEST_FIRST)


def new_arrivals(*, limit=NEW_ARRIVALS):
    return _with_media(live_products()[:limit])


def featured_collections(*, size=COLLECTION_SIZE):
    """Staff-curated collections with at least one public product, each with its first ``size`` products."""
    result = []
    for collection in Collection.objects.featured():
        products = _with_media(collection.live_products()[:size])
        if products:
            result.append((collection, products))
    return result


def root_categories():
    return ProductCategory.objects.roots().order_by("sort_order", "path")


def category_by_path(slug_path):
    return ProductCategory.objects.select_related("parent").filter(path=slug_path.strip("/")).first()


def category_products(*, category, sort, page_number, language):
    """One page of the public products in ``category`` and below: ``(products, listing page)``.

    The product search answers (``listings``); the products come back in its order, with their images.
    """
    listing = listings.provider()
    try:
        number = max(1, int(page_number or 1))
    except (TypeError, ValueError):
        number = 1
    page = listing.page(category_path=category.path, sort=sort, page=number, language=language)
    by_pk = {product.pk: product for product in _with_media(Product.objects.public().filter(pk__in=page.product_ids))}
    return [by_pk[pk] for pk in page.product_ids if pk in by_pk], page


def public_product(pk):
    """The approved live version of a product of a verified company, or None."""
    return (
        Product.objects.public()
        .select_related("company", "company__supplier_profile", "category", "category__parent")
        .prefetch_related(
            Prefetch("images", queryset=ProductImage.objects.select_related("image").order_by("sort_order")),
            Prefetch("price_tiers", queryset=PriceTier.objects.order_by("min_quantity")),
        )
        .filter(pk=pk)
        .first()
    )


def category_trail(category):
    """The category and its ancestors, root first: those read with it (``select_related``), then the others in
    one query by the prefixes of its slug path (not one query per level)."""
    trail = [category]
    while trail[-1].parent_id is not None and ProductCategory.parent.is_cached(trail[-1]):
        trail.append(trail[-1].parent)
    if trail[-1].parent_id is not None:
        parts = trail[-1].path.split("/")
        prefixes = ["/".join(parts[:length]) for length in range(1, len(parts))]
        ancestors = {ancestor.pk: ancestor for ancestor in ProductCategory.objects.filter(path__in=prefixes)}
        while trail[-1].parent_id is not None:
            trail.append(ancestors.get(trail[-1].parent_id) or trail[-1].parent)
    return list(reversed(trail))


def public_suppliers():
    """Companies with a public storefront: verified by the bureau and with at least one live product."""
    return Company.objects.verified().filter(pk__in=Product.objects.public().values("company_id")).order_by("pk")


def public_supplier(company_id):
    return public_suppliers().select_related("supplier_profile").filter(pk=company_id).first()


def supplier_profile(company):
    """The company's showcase profile, or None when it has not written one."""
    try:
        return company.supplier_profile
    except Company.supplier_profile.RelatedObjectDoesNotExist:
        return None


def supplier_products(*, company):
    return _with_media(Product.objects.public().for_company(company).order_by(*NEWEST_FIRST))


def dashboard_company(*, user, company_id):
    """One of the user's companies, or 404."""
    return company_for_member(user=user, pk=company_id)


def company_products(*, company):
    """The company's products, newest first, with what the list needs to show their state: the category and
    the active moderation workflow (one query for all rows, not one per product)."""
    active_workflows = Prefetch(
        "_workflow_states", queryset=WorkflowState.objects.active(), to_attr="_current_workflow_states"
    )
    return (
        Product.objects.for_company(company)
        .select_related("category")
        .prefetch_related(active_workflows)
        .order_by("-updated_at")
    )


def company_product(*, company, pk) -> Product:
    """One of the company's products, or 404 (products of other companies are never revealed)."""
    return get_object_or_404(Product.objects.for_company(company), pk=pk)


def company_certificates(*, company):
    return Certificate.objects.for_company(company).order_by("valid_until")


def company_certificate(*, company, pk) -> Certificate:
    return get_object_or_404(Certificate.objects.for_company(company), pk=pk)


def products_to_feature(*, chosen, limit):
    """The home page's products in the active language: those staff chose that buyers may see, then the newest
    from verified suppliers, one per supplier before a second; each links to the showcase page of the active
    language. The choice is made on ids; only the products shown are read with their pictures."""
    showcase = ShowcasePage.objects.live().filter(locale=locales.active()).first()
    if showcase is None:
        return []
    public = Product.objects.public()
    chosen_ids = [product.pk for product in chosen if product is not None]
    visible = dict(public.filter(pk__in=chosen_ids).values_list("pk", "company_id")) if chosen_ids else {}
    picked = list(dict.fromkeys(pk for pk in chosen_ids if pk in visible))
    if len(picked) < limit:
        # The newest product of each supplier first, so one busy supplier does not fill the home page.
        newest = list(
            public.exclude(pk__in=picked).order_by(*NEWEST_FIRST).values_list("pk", "company_id")[: limit * 10]
        )
        seen = {visible[pk] for pk in picked}
        for pk, company_id in newest:
            if company_id not in seen:
                seen.add(company_id)
                picked.append(pk)
        picked += [pk for pk, _company_id in newest if pk not in picked][: max(0, limit - len(picked))]
    picked = picked[:limit]
    by_pk = {product.pk: product for product in _with_media(public.filter(pk__in=picked))}
    products = [by_pk[pk] for pk in picked if pk in by_pk]
    items = []
    for product in products:
        images = product.card_images
        url = showcase.url + showcase.reverse_subpage("product", kwargs={"pk": product.pk, "slug": product.slug})
        items.append(
            FeaturedItem(
                title=product.name,
                url=url,
                image=images[0].image if images else None,
                price_twd=product.price_twd,
                supplier=product.company.display_name(translation.get_language()),
                verified=True,
                meta=[_("Minimum order: %(moq)s %(unit)s") % {"moq": product.moq, "unit": product.get_unit_display()}],
            )
        )
    return items


# Reports (read by the ``reports`` app) ----------------------------------------------------------

EXPIRY_WARNING_DAYS = 30


def _pending_since(products):
    """{product pk: when its moderation workflow started} for those of ``products`` waiting for a moderator."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Product), status=WorkflowState.STATUS_IN_PROGRESS
    )
    started = {int(object_id): created for object_id, created in states.values_list("object_id", "created_at")}
    return {pk: started[pk] for pk in products.filter(pk__in=list(started)).values_list("pk", flat=True)}


def showcase_report(*, companies, start=None, end=None, now=None):
    """Per category, the products of ``companies`` created in [start, end): live now, waiting for moderation
    now and the age in days of the oldest waiting one; and the valid certificates of ``companies`` that expire
    within 30 days, soonest first."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    products = Product.objects.filter(company__in=companies)
    if start is not None:
        products = products.filter(created_at__gte=start)
    if end is not None:
        products = products.filter(created_at__lt=end)
    live = dict(products.filter(live=True).order_by().values_list("category_id").annotate(n=Count("pk")))
    pending = _pending_since(products)
    category_of = dict(products.filter(pk__in=list(pending)).values_list("pk", "category_id"))
    waiting = {}
    for pk, since in pending.items():
        waiting.setdefault(category_of[pk], []).append((today - timezone.localdate(since)).days)
    categories = ProductCategory.objects.filter(pk__in=set(live) | set(waiting)).order_by("path")
    rows = [
        {
            "category": category.translated("name"),
            "path": category.path,
            "live": live.get(category.pk, 0),
            "pending": len(waiting.get(category.pk, [])),
            "oldest_pending_days": max(waiting[category.pk]) if category.pk in waiting else None,
        }
        for category in categories
    ]
    expiring = list(
        Certificate.objects.filter(company__in=companies)
        .valid_on(today)
        .filter(valid_until__lte=today + datetime.timedelta(days=EXPIRY_WARNING_DAYS))
        .select_related("company")
        .order_by("valid_until", "pk")
    )
    return {"rows": rows, "expiring": expiring}


def companies_with_live_products(*, company_ids):
    """Pks among ``company_ids`` of the companies with at least one live product."""
    return set(Product.objects.live().filter(company__in=company_ids).values_list("company_id", flat=True))
