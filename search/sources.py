"""The one place that reads the catalog: which products are public, what their index document holds, and
the signals that say a product changed.

Buyers see `Product.objects.public()` (live products of companies verified by the bureau); certificates
count only while valid, so each document records the next date its certificates change (`refresh_on`).
"""

import datetime

from django.utils import timezone

from catalog.showcase import listings
from catalog.showcase.models import CertificateType, Product, ProductCategory, ShowcasePage
from catalog.showcase.signals import product_changed as product_changed  # re-exported for search.signals
from catalog.showcase.signals import product_deleted as product_deleted
from catalog.showcase.translated import LANGUAGE_SUFFIXES, column
from portal.markets import District, Market

from .caches import Versioned

BATCH_SIZE = 500


def public_products():
    return Product.objects.public()


def _queryset():
    return public_products().select_related("company", "category").prefetch_related("certificates").order_by("pk")


def showcase_urls():
    """{language: URL of the live showcase page in that language}."""
    urls = {}
    for page in ShowcasePage.objects.live().select_related("locale"):
        url = page.get_url()
        if url:
            urls.setdefault(page.locale.language_code, url)
    return urls


def _ancestor_paths(path):
    parts = path.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _certificates(product, today):
    valid, boundaries = set(), []
    for certificate in product.certificates.all():
        if certificate.is_valid_on(today):
            valid.add(certificate.certificate_type)
            boundaries.append(certificate.valid_until + datetime.timedelta(days=1))
        elif certificate.valid_from > today:
            boundaries.append(certificate.valid_from)
    return sorted(valid), min(boundaries, default=None)


def category_names():
    """{category path: {language suffix: "name / parent's name / …"}}: each category with its ancestors, so
    that a category word (茶, tea) finds the products filed under it in every language."""
    categories = {category.pk: category for category in ProductCategory.objects.all()}
    names = {}
    for category in categories.values():
        chain, current = [], category
        while current is not None:
            chain.append(current)
            current = categories.get(current.parent_id)
        names[category.path] = {
            suffix: " / ".join(dict.fromkeys(n for c in chain if (n := getattr(c, column("name", code)))))
            for code, suffix in LANGUAGE_SUFFIXES.items()
        }
    return names


def build_document(product, *, today, base_urls, categories):
    """The engine-independent document of a public product (plain JSON types); `categories` is
    category_names()."""
    company = product.company
    certifications, refresh_on = _certificates(product, today)
    suffixes = LANGUAGE_SUFFIXES.items()
    return {
        "id": product.pk,
        "sku": product.sku,
        "name": {suffix: getattr(product, column("name", code)) for code, suffix in suffixes},
        "description": {suffix: getattr(product, column("description", code)) for code, suffix in suffixes},
        "category": product.category.path,
        "category_name": categories.get(product.category.path, {}),
        "category_paths": _ancestor_paths(product.category.path),
        "certifications": certifications,
        "markets": [code for code in product.ships_to if code in MARKET_CODES],
        "district": company.district,
        "sample_available": product.sample_available,
        "price_twd": float(product.price_twd),
        "moq": product.moq,
        "created_at": product.created_at.isoformat(),
        "updated_at": product.updated_at.isoformat(),
        "supplier": {
            "id": company.pk,
            "name": company.name_zh,
            "name_en": company.name_en,
            "verified": company.verified_at is not None,
        },
        "urls": {language: f"{base}product/{product.pk}/" for language, base in base_urls.items()},
        "refresh_on": refresh_on.isoformat() if refresh_on else None,
    }


def documents_for(product_ids):
    """{id: document} for the given ids that are public; ids missing from the result must be removed."""
    context = {"today": timezone.localdate(), "base_urls": showcase_urls(), "categories": category_names()}
    products = _queryset().filter(pk__in=list(product_ids))
    return {p.pk: build_document(p, **context) for p in products}


def iter_documents():
    """Every public product's document, in batches of BATCH_SIZE rows."""
    context = {"today": timezone.localdate(), "base_urls": showcase_urls(), "categories": category_names()}
    last_pk = 0
    while True:
        batch = list(_queryset().filter(pk__gt=last_pk)[:BATCH_SIZE])
        if not batch:
            return
        for product in batch:
            yield build_document(product, **context)
        last_pk = batch[-1].pk


def public_count():
    return public_products().count()


def _all_category_labels(language):
    return {category.path: category.translated("name", language) for category in ProductCategory.objects.all()}


# Every category's name per language, kept until a category is saved or deleted (search.signals).
CATEGORY_LABELS = Versioned("category-labels", _all_category_labels)


def category_labels(paths, language):
    """{path: category name in the language} for the given slug paths."""
    labels = CATEGORY_LABELS.get(language)
    return {path: labels[path] for path in paths if path in labels}


def certificate_label(value):
    return CertificateType(value).label if value in CertificateType.values else value


def market_label(value):
    return Market(value).label if value in Market.values else value


def district_label(value):
    return District(value).label if value in District.values else value


CERTIFICATE_TYPES = tuple(CertificateType.values)
MARKET_CODES = frozenset(Market.values)
MARKETS = tuple(Market.values)
DISTRICTS = tuple(District.values)


class CategoryListing:
    """The showcase's category pages, answered by `product_search` (registered in `SearchConfig.ready()`).

    The same query path, sort orders and page size as the search page; relevance is left out, since a
    category page has no query text. (The search modules import this one, hence the imports inside.)
    """

    @property
    def default_sort(self):
        from .facets import BROWSE_SORT

        return BROWSE_SORT

    def sorts(self):
        from .facets import SORTS

        return [(value, sort.label) for value, sort in SORTS.items() if not sort.ranked]

    def page(self, *, category_path, sort, page, language):
        from .selectors import build_filters, product_search

        results = product_search(filters=build_filters(category=category_path), sort=sort, page=page, locale=language)
        return listings.ListingPage(
            product_ids=tuple(hit.id for hit in results.hits),
            total=results.total,
            number=results.page,
            num_pages=results.page_count,
        )
