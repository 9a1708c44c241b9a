"""The search vocabulary, defined once: the facets, the price buckets, the sort orders and the page size.

Everything else is derived from these tables: request parsing in the view and the API, the `Filters`
dataclass, the API's OpenAPI schema, the Elasticsearch filters and aggregations, the database backend's
facet rows, filters and counts, and the labels on the results page. Adding a facet is one `Facet` entry
here plus its document field (docs/architecture.md, "Adding a facet").
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from payments.money import twd_text

from . import sources

PAGE_SIZE = 20
# Elasticsearch's default max_result_window is 10,000 hits; deeper pages answer with no results.
MAX_PAGE = 10_000 // PAGE_SIZE

# Kinds of facet: how a backend filters and counts it.
TERMS = "terms"  # keyword values, counted per value
FLAG = "flag"  # a yes/no document field; its one facet value is FLAG_VALUE
BUCKETS = "buckets"  # a number counted in fixed half-open ranges [low, high)
FLAG_VALUE = "1"

# The free-form price range on PRICE_FIELD: URL/API parameters and Filters attributes; both ends are inclusive.
PRICE_RANGE = ("price_min", "price_max")
PRICE_FIELD = "price_twd"

CATEGORY_PATH = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*$")


class LabelMap:
    """Labels of a fixed list of values, built once per language and kept for the life of the process.

    `build()` returns {value: label} (lazy or plain strings); it runs with the language activated.
    """

    def __init__(self, build):
        self._build = build
        self._by_language = {}

    def __call__(self, values, language):
        labels = self._by_language.get(language)
        if labels is None:
            with translation.override(language):
                labels = {value: str(label) for value, label in self._build().items()}
            self._by_language[language] = labels
        return labels


@dataclass(frozen=True)
class PriceBucket:
    """Prices p with low <= p < high, in TWD; None is open-ended."""

    key: str
    low: Decimal | None
    high: Decimal | None

    def label(self, display=twd_text):
        """The bucket in the active language; the upper bound is exclusive, and the words say so.

        ``display`` writes an amount in TWD as the reader sees it: TWD by default (the API), the buyer's
        currency on the results page (``BuyerCurrency.display``), e.g. "Under ≈ THB 111".
        """
        if self.low is None:
            return gettext("Under %(high)s") % {"high": display(self.high)}
        if self.high is None:
            return gettext("%(low)s and more") % {"low": display(self.low)}
        return gettext("%(low)s to under %(high)s") % {"low": display(self.low), "high": display(self.high)}


PRICE_BUCKETS = (
    PriceBucket("0-100", None, Decimal("100")),
    PriceBucket("100-500", Decimal("100"), Decimal("500")),
    PriceBucket("500-1000", Decimal("500"), Decimal("1000")),
    PriceBucket("1000-5000", Decimal("1000"), Decimal("5000")),
    PriceBucket("5000-", Decimal("5000"), None),
)


@dataclass(frozen=True)
class QuantityBucket:
    """Minimum order quantities q with low <= q < high; None is open-ended. Units differ between products
    (boxes, packs, pieces), so the words give the number only."""

    key: str
    low: int | None
    high: int | None

    def label(self):
        if self.low is None:
            return gettext("Under %(high)s") % {"high": number_format(self.high, force_grouping=True)}
        if self.high is None:
            return gettext("%(low)s and more") % {"low": number_format(self.low, force_grouping=True)}
        return gettext("%(low)s to under %(high)s") % {
            "low": number_format(self.low, force_grouping=True),
            "high": number_format(self.high, force_grouping=True),
        }


MOQ_BUCKETS = (
    QuantityBucket("0-50", None, 50),
    QuantityBucket("50-200", 50, 200),
    QuantityBucket("200-1000", 200, 1000),
    QuantityBucket("1000-", 1000, None),
)


def _one_of(values):
    allowed = frozenset(values)
    return allowed.__contains__


def _any(value):
    return True


def _identity(value):
    return value


@dataclass(frozen=True)
class Facet:
    """One facet of the product search.

    name       key in `SearchResults.facets` and the API's `facets`, and `ProductEntryFacet.facet` (≤ 20 chars)
    field      the index document field: the Elasticsearch field filtered and aggregated, the source of the
               database facet rows (TERMS, FLAG), or the ProductEntry column of the same name (BUCKETS)
    label      the facet's title on the results page
    param      URL and API query parameter (defaults to `name`)
    attribute  the `Filters` attribute (defaults to `name`)
    multiple   values may repeat and combine (OR); otherwise one value replaces another
    normalise  applied to each raw value; `accepts` then keeps the known ones (stale links still work)
    labels     (values, language) → {value: label}; values without a label show as themselves
    buckets    the ranges of a BUCKETS facet
    """

    name: str
    field: str
    label: object
    kind: str = TERMS
    param: str = ""
    attribute: str = ""
    multiple: bool = False
    normalise: object = _identity
    accepts: object = _any
    labels: object = None
    buckets: tuple = ()

    def __post_init__(self):
        object.__setattr__(self, "param", self.param or self.name)
        object.__setattr__(self, "attribute", self.attribute or self.name)

    # --- Filters ---------------------------------------------------------------------------------------

    @property
    def empty(self):
        """The `Filters` value when the facet is not used."""
        if self.kind == FLAG:
            return False
        return () if self.multiple else ""

    @property
    def python_type(self):
        if self.kind == FLAG:
            return bool
        return tuple if self.multiple else str

    def clean(self, raw):
        """The `Filters` value from raw input (a string, a list of strings, or a bool for a flag)."""
        if self.kind == FLAG:
            return bool(raw)
        if self.multiple:
            values = (self.normalise(value) for value in raw or ())
            return tuple(dict.fromkeys(value for value in values if self.accepts(value)))
        value = self.normalise(raw or "")
        return value if self.accepts(value) else ""

    def from_query(self, values):
        """The raw input from a URL parameter's values (the last one counts for single-valued facets)."""
        if self.kind == FLAG:
            return bool(values) and values[-1] == FLAG_VALUE
        if self.multiple:
            return list(values)
        return values[-1] if values else ""

    def selected(self, filters):
        """The facet values that `filters` asks for, as they appear in the counts."""
        value = getattr(filters, self.attribute)
        if self.kind == FLAG:
            return (FLAG_VALUE,) if value else ()
        if self.multiple:
            return tuple(value)
        return (value,) if value else ()

    def bucket(self, key):
        return next((bucket for bucket in self.buckets if bucket.key == key), None)

    # --- Documents and labels --------------------------------------------------------------------------

    def document_values(self, document):
        """The facet values of an index document (TERMS and FLAG facets; BUCKETS are counted from a column)."""
        value = document.get(self.field)
        if self.kind == FLAG:
            return [FLAG_VALUE] if value else []
        if isinstance(value, list | tuple):
            return list(value)
        return [value] if value else []

    def value_labels(self, values, language):
        return self.labels(values, language) if self.labels else {}


def _category_labels(values, language):
    # Category names live in the database and change with it: looked up for the values shown only.
    return sources.category_labels(values, language)


def _choices(values, label):
    return LabelMap(lambda: {value: label(value) for value in values})


FACETS = (
    Facet(
        "category",
        field="category_paths",
        label=_("Category"),
        normalise=lambda value: value.strip().lower(),
        accepts=CATEGORY_PATH.match,
        labels=_category_labels,
    ),
    Facet(
        "certification",
        field="certifications",
        label=_("Certification"),
        attribute="certifications",
        multiple=True,
        normalise=str.upper,
        accepts=_one_of(sources.CERTIFICATE_TYPES),
        labels=_choices(sources.CERTIFICATE_TYPES, sources.certificate_label),
    ),
    Facet(
        "market",
        field="markets",
        label=_("Ships to"),
        attribute="markets",
        multiple=True,
        normalise=str.upper,
        accepts=_one_of(sources.MARKETS),
        labels=_choices(sources.MARKETS, sources.market_label),
    ),
    Facet(
        "ready_for",
        field="ready_for",
        label=_("Market readiness"),
        multiple=True,
        normalise=str.upper,
        accepts=_one_of(sources.MARKETS),
        # "Ready for Malaysia", so that its chip is not read as "ships to Malaysia"
        labels=_choices(
            sources.MARKETS, lambda code: gettext("Ready for %(market)s") % {"market": sources.market_label(code)}
        ),
    ),
    Facet(
        "district",
        field="district",
        label=_("Supplier district"),
        attribute="districts",
        multiple=True,
        normalise=str.lower,
        accepts=_one_of(sources.DISTRICTS),
        labels=_choices(sources.DISTRICTS, sources.district_label),
    ),
    Facet(
        "sample",
        field="sample_available",
        label=_("Samples"),
        kind=FLAG,
        labels=LabelMap(lambda: {FLAG_VALUE: _("Samples available")}),
    ),
    Facet(
        "price",
        field=PRICE_FIELD,
        label=_("Price"),
        kind=BUCKETS,
        normalise=str.strip,
        accepts=_one_of(bucket.key for bucket in PRICE_BUCKETS),
        labels=LabelMap(lambda: {bucket.key: bucket.label() for bucket in PRICE_BUCKETS}),
        buckets=PRICE_BUCKETS,
    ),
    Facet(
        "moq",
        field="moq",
        label=_("Minimum order"),
        kind=BUCKETS,
        normalise=str.strip,
        accepts=_one_of(bucket.key for bucket in MOQ_BUCKETS),
        labels=LabelMap(lambda: {bucket.key: bucket.label() for bucket in MOQ_BUCKETS}),
        buckets=MOQ_BUCKETS,
    ),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


# --- Sort orders ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sort:
    """One sort order: its URL/API value, its label and how each backend orders by it.

    database       `order_by()` of the ProductEntry table (`rank` is the database backend's relevance)
    elasticsearch  the request's `sort` clauses
    ranked         orders by relevance to the query text; without text, BROWSE_SORT applies instead
    """

    value: str
    label: object
    database: tuple
    elasticsearch: tuple
    ranked: bool = False


SORTS = {
    sort.value: sort
    for sort in (
        Sort(
            "relevance",
            _("Best match"),
            database=("-rank", "-created_at", "-product_id"),
            elasticsearch=("_score", {"created_at": "desc"}, {"id": "desc"}),
            ranked=True,
        ),
        Sort(
            "newest",
            _("Newest"),
            database=("-created_at", "-product_id"),
            elasticsearch=({"created_at": "desc"}, {"id": "desc"}),
        ),
        Sort(
            "price_asc",
            _("Price: low to high"),
            database=("price_twd", "product_id"),
            elasticsearch=({"price_twd": {"order": "asc", "missing": "_last"}}, {"id": "asc"}),
        ),
        Sort(
            "price_desc",
            _("Price: high to low"),
            database=("-price_twd", "product_id"),
            elasticsearch=({"price_twd": {"order": "desc", "missing": "_last"}}, {"id": "asc"}),
        ),
    )
}
DEFAULT_SORT = "relevance"
BROWSE_SORT = "newest"


def sort_for(value, *, has_text):
    """The Sort a backend applies: unknown values give DEFAULT_SORT, relevance without text BROWSE_SORT."""
    sort = SORTS.get(value) or SORTS[DEFAULT_SORT]
    return SORTS[BROWSE_SORT] if sort.ranked and not has_text else sort
