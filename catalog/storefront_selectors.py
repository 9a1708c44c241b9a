"""Reads for the public storefront: only live products of verified companies are ever returned."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from portal.companies.models import Company

from .models import Collection, Inquiry, PriceTier, Product, ProductCategory, ProductImage
from .reply_time import REPLY_TIME_WINDOW_DAYS, reply_time_badge

PRODUCTS_PER_PAGE = 24
NEW_ARRIVALS = 8
COLLECTION_SIZE = 8
SORTS = {
    "newest": ("-first_published_at", "-pk"),
    "price_asc": ("price_twd", "pk"),
    "price_desc": ("-price_twd", "-pk"),
}
DEFAULT_SORT = "newest"


def product_slug(product):
    """The readable part of a product address: the English name, stable across languages."""
    return slugify(product.name_en) or "product"


def _with_media(queryset):
    return queryset.select_related("company", "category").prefetch_related(
        Prefetch("images", queryset=ProductImage.objects.select_related("image").order_by("sort_order"))
    )


def live_products():
    """Every product a buyer may see, newest first."""
    return Product.objects.public().select_related("category").order_by(*SORTS[DEFAULT_SORT])


def new_arrivals(*, limit=NEW_ARRIVALS):
    return list(_with_media(live_products())[:limit])


def featured_collections(*, size=COLLECTION_SIZE):
    """Staff-curated collections with at least one public product, each with its first ``size`` products."""
    result = []
    for collection in Collection.objects.featured():
        products = list(_with_media(collection.live_products())[:size])
        if products:
            result.append((collection, products))
    return result


def root_categories():
    return ProductCategory.objects.roots().order_by("sort_order", "path")


def category_by_path(slug_path):
    return ProductCategory.objects.filter(path=slug_path.strip("/")).first()


def category_products(*, category, sort, page_number):
    """One page of the public products in ``category`` and below, sorted by ``sort`` (newest, price)."""
    ordering = SORTS.get(sort, SORTS[DEFAULT_SORT])
    products = _with_media(Product.objects.public().in_category(category).order_by(*ordering))
    return Paginator(products, PRODUCTS_PER_PAGE).get_page(page_number)


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
    """The category and its ancestors, root first."""
    trail = []
    while category is not None:
        trail.append(category)
        category = category.parent
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
    return list(_with_media(Product.objects.public().for_company(company).order_by(*SORTS[DEFAULT_SORT])))


def supplier_reply_badge(*, company, now=None):
    """ "Usually replies within …" from the median first-reply time of the last 90 days, or None."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=REPLY_TIME_WINDOW_DAYS)
    replied = (
        Inquiry.objects.for_company(company)
        .confirmed()
        .replied()
        .filter(email_confirmed_at__gte=since)
        .values_list("email_confirmed_at", "first_replied_at")
    )
    return reply_time_badge(replied_at - confirmed_at for confirmed_at, replied_at in replied)
