"""What every search backend receives and returns: one query shape, one result shape."""

from dataclasses import dataclass, field, make_dataclass
from decimal import Decimal

from ..facets import FACETS, MAX_PAGE, PAGE_SIZE, PRICE_RANGE

MAX_QUERY_LENGTH = 200
AUTOCOMPLETE_SIZE = 10
# Products read to find AUTOCOMPLETE_SIZE distinct names: many suppliers sell "the same" pineapple cake.
AUTOCOMPLETE_CANDIDATES = 100


class SearchUnavailable(Exception):
    """The engine failed or was too slow; the selector falls back to the database backend."""


# One attribute per facet (search/facets.py: `attribute`, empty by default) and the free-form price range.
Filters = make_dataclass(
    "Filters",
    [(facet.attribute, facet.python_type, field(default=facet.empty)) for facet in FACETS]
    + [(name, Decimal | None, field(default=None)) for name in PRICE_RANGE],
    frozen=True,
)
Filters.__module__ = __name__
Filters.__doc__ = "What a search is narrowed to; built by selectors.build_filters from raw input."


@dataclass(frozen=True)
class SearchQuery:
    text: str
    alternatives: tuple
    filters: Filters
    sort: str
    page: int
    language: str

    @property
    def offset(self):
        return (self.page - 1) * PAGE_SIZE


@dataclass
class Hit:
    """One product in the results; `highlight` is HTML-escaped text with <mark> around matches."""

    id: int
    sku: str
    name: str
    supplier: str
    supplier_verified: bool
    url: str
    price_twd: Decimal | None
    moq: int | None
    certifications: list
    markets: list
    highlight: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    active: bool = False


@dataclass
class SearchResults:
    total: int
    hits: list
    facets: dict
    page: int
    engine: str
    suggestion: str = ""
    degraded: bool = False
    page_size: int = PAGE_SIZE
    # Milliseconds the engine itself reported (Elasticsearch's `took`); None for the database backend.
    took: int | None = None
    query: SearchQuery | None = field(default=None, repr=False)

    @property
    def page_count(self):
        return min(MAX_PAGE, max(1, -(-self.total // self.page_size)))

    @property
    def has_next(self):
        return self.page < self.page_count

    @property
    def has_previous(self):
        return self.page > 1


def localised(values, language):
    """The text in the buyer's language, else English, else Chinese, else any."""
    suffix = language.replace("-", "_")
    for key in (suffix, "en", "zh_hant"):
        if values.get(key):
            return values[key]
    return next((v for v in values.values() if v), "")


def hit_from_document(document, language, highlight=""):
    supplier = document.get("supplier") or {}
    supplier_name = (
        supplier.get("name_en") if language != "zh-hant" and supplier.get("name_en") else supplier.get("name")
    )
    urls = document.get("urls") or {}
    price = document.get("price_twd")
    return Hit(
        id=int(document["id"]),
        sku=document.get("sku", ""),
        name=localised(document.get("name") or {}, language),
        supplier=supplier_name or "",
        supplier_verified=bool(supplier.get("verified")),
        url=urls.get(language) or next(iter(urls.values()), ""),
        price_twd=None if price is None else Decimal(str(price)),
        moq=document.get("moq"),
        certifications=list(document.get("certifications") or []),
        markets=list(document.get("markets") or []),
        highlight=highlight,
    )


def distinct_suggestions(hits, size):
    """The first hit of each distinct name (case and spacing ignored), at most `size`."""
    seen, suggestions = set(), []
    for hit in hits:
        key = " ".join(hit.name.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            suggestions.append(hit)
            if len(suggestions) == size:
                break
    return suggestions
