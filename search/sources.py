"""The one place that reads the catalog: which products are public, what their index document holds, and
the signals that say a product changed.

Buyers see `Product.objects.public()` (live products of companies verified by the bureau); certificates
count only while valid, so each document records the next date its certificates change (`refresh_on`).
The markets a product is ready for (`ready_for`) come from the readiness checklist, which reads the same
certificates valid today, so the same refresh date keeps them right.
"""

import datetime

from django.utils import timezone

from catalog.readiness.selectors import ready_markets
from catalog.showcase import listings
from catalog.showcase.models import CertificateType, Product, ProductCategory, ShowcasePage
from catalog.showcase.selectors import card_pictures, with_card_renditions
from catalog.showcase.signals import product_changed as product_changed  # re-exported for search.signals
from catalog.showcase.signals import product_deleted as product_deleted
from catalog.showcase.signals import products_changed as products_changed
from catalog.showcase.translated import LANGUAGE_SUFFIXES, column
from portal.markets import District, Market
from portal.versioned import Versioned

BATCH_SIZE = 2000


def public_products():
    return Product.objects.public()


_TRANSLATED = [column(field, code) for field in ("name", "description") for code in LANGUAGE_SUFFIXES]
_COLUMNS = (
    "pk",
    "sku",
    *_TRANSLATED,
    "category__path",
    "ships_to",
    "sample_available",
    "price_twd",
    "moq",
    "created_at",
    "updated_at",
    "company_id",
    "company__name_zh",
    "company__name_en",
    "company__verified_at",
    "company__district",
)


def _rows(products):
    """The columns a document needs, as dicts (no model instance per product), in primary-key order."""
    return products.order_by("pk").values(*_COLUMNS)


def _certificate_rows(product_ids):
    """{product id: [(type, valid from, valid until)]} of the products' certificates, in one query."""
    through = Product.certificates.through
    rows = through.objects.filter(product_id__in=product_ids).values_list(
        "product_id", "certificate__certificate_type", "certificate__valid_from", "certificate__valid_until"
    )
    certificates = {}
    for product_id, *certificate in rows:
        certificates.setdefault(product_id, []).append(certificate)
    return certificates


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


def _certificates(certificates, today):
    """The certificate types valid today, and the next date that changes (one starts, or one ends)."""
    valid, boundaries = set(), []
    for certificate_type, valid_from, valid_until in certificates:
        if valid_from <= today <= valid_until:
            valid.add(certificate_type)
            boundaries.append(valid_until + datetime.timedelta(days=1))
        elif valid_from > today:
            boundaries.append(valid_from)
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


def build_document(row, certificates, *, today, base_urls, categories, ready_for=()):
    """The engine-independent document of a public product (plain JSON types) from its row (`_rows`) and its
    certificates (`_certificate_rows`); `categories` is category_names(); `ready_for` the market codes the
    readiness checklist says it is ready for (`ready_markets`)."""
    certifications, refresh_on = _certificates(certificates, today)
    suffixes = LANGUAGE_SUFFIXES.items()
    path = row["category__path"]
    return {
        "id": row["pk"],
        "sku": row["sku"],
        "name": {suffix: row[column("name", code)] for code, suffix in suffixes},
        "description": {suffix: row[column("description", code)] for code, suffix in suffixes},
        "category": path,
        "category_name": categories.get(path, {}),
        "category_paths": _ancestor_paths(path),
        "certifications": certifications,
        "markets": [code for code in row["ships_to"] if code in MARKET_CODES],
        "ready_for": [code for code in ready_for if code in MARKET_CODES],
        "district": row["company__district"],
        "sample_available": row["sample_available"],
        "price_twd": float(row["price_twd"]),
        "moq": row["moq"],
        "created_at": row["created_at"].isoformat(),
        "updated_at": row["updated_at"].isoformat(),
        "supplier": {
            "id": row["company_id"],
            "name": row["company__name_zh"],
            "name_en": row["company__name_en"],
            "verified": row["company__verified_at"] is not None,
        },
        "urls": {language: f"{base}product/{row['pk']}/" for language, base in base_urls.items()},
        "refresh_on": refresh_on.isoformat() if refresh_on else None,
    }


def _context():
    return {"today": timezone.localdate(), "base_urls": showcase_urls(), "categories": category_names()}


def _documents(rows, context):
    ids = [row["pk"] for row in rows]
    certificates = _certificate_rows(ids)
    ready = ready_markets(ids, today=context["today"])
    return [
        build_document(row, certificates.get(row["pk"], ()), ready_for=ready.get(row["pk"], ()), **context)
        for row in rows
    ]


def documents_for(product_ids):
    """{id: document} for the given ids that are public; ids missing from the result must be removed."""
    rows = list(_rows(public_products().filter(pk__in=list(product_ids))))
    return {document["id"]: document for document in _documents(rows, _context())}


def iter_documents():
    """Every public product's document, read BATCH_SIZE rows per query (two queries per batch)."""
    context = _context()
    last_pk = 0
    while True:
        rows = list(_rows(public_products().filter(pk__gt=last_pk))[:BATCH_SIZE])
        if not rows:
            return
        yield from _documents(rows, context)
        last_pk = rows[-1]["pk"]


def public_count():
    return public_products().count()


def card_images(product_ids):
    """{product id: its first ProductImage (image and card renditions loaded)} for the result cards of one page,
    in two queries at most (the hits' other pictures are not read, nor the renditions of a picture shown before)."""
    pictures = with_card_renditions(list(card_pictures().filter(product_id__in=product_ids)))
    return {picture.product_id: picture for picture in pictures}


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
