"""The public JSON API (django-ninja, OpenAPI at /api/v1/docs): product search and autocomplete."""

from django.utils import translation
from ninja import Field, NinjaAPI, Query, Schema
from pydantic import create_model

from .facets import BUCKETS, DEFAULT_SORT, FACETS, FLAG, FLAG_VALUE, PRICE_RANGE, SORTS
from .selectors import LANGUAGES, InvalidSearch, build_filters, parse_page, product_autocomplete, product_search

api = NinjaAPI(
    title="Taipei Good Products API",
    version="1",
    urls_namespace="api-v1",
    description="Search the public products of the Taipei Good Products showcase.",
)


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


# One list per facet of the vocabulary (search/facets.py).
FacetsOut = create_model("FacetsOut", __base__=Schema, **{facet.name: (list[FacetValueOut], ...) for facet in FACETS})


class ProductOut(Schema):
    id: int
    sku: str
    name: str
    supplier: str
    url: str
    price_twd: float | None
    moq: int | None
    certifications: list[str]
    highlight: str


class SearchOut(Schema):
    total: int
    page: int
    engine: str
    suggestion: str
    results: list[ProductOut]
    facets: FacetsOut


class SuggestionOut(Schema):
    id: int
    name: str
    url: str


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    """django-ninja's answer to a value of the wrong type (e.g. sample=maybe): one entry per bad parameter."""

    detail: list[dict]


# A number from 0 to under 1,000,000,000 (MAX_PRICE), as the price range takes it; a page number from 1.
NUMBER = r"^(?:\d{1,9}(?:\.\d+)?)?$"
PAGE = r"^[1-9]\d{0,5}$"
RESPONSES = {400: ErrorOut, 422: ValidationErrorOut}


def _lang_field():
    return Field("zh-hant", description="The buyer's language.", json_schema_extra={"enum": list(LANGUAGES)})


def _facet_param(facet):
    """The query parameter of a facet: a boolean flag, a repeatable list or one string."""
    if facet.kind == FLAG:
        return bool, Field(False, description=f"true (or {FLAG_VALUE}): only products with {facet.field}.")
    if facet.multiple:
        return list[str], Field([], description="Repeat for several values (any of them matches).")
    if facet.kind == BUCKETS:
        keys = ", ".join(bucket.key for bucket in facet.buckets)
        return str, Field("", description=f"One bucket, low included, high excluded: {keys}.")
    return str, Field("")


SearchParams = create_model(
    "SearchParams",
    __base__=Schema,
    q=(str, ""),
    lang=(str, _lang_field()),
    **{facet.param: _facet_param(facet) for facet in FACETS},
    **{
        name: (str, Field("", description="Inclusive, in TWD.", json_schema_extra={"pattern": NUMBER}))
        for name in PRICE_RANGE
    },
    sort=(str, Field(DEFAULT_SORT, description=f"One of: {', '.join(SORTS)}; anything else sorts by relevance.")),
    page=(str, Field("1", json_schema_extra={"pattern": PAGE})),
)


class AutocompleteParams(Schema):
    q: str = ""
    lang: str = _lang_field()


def _language(value):
    if value not in LANGUAGES:
        raise InvalidSearch(f"Unknown lang {value[:20]!r}; use one of: {', '.join(LANGUAGES)}.")
    return value


@api.exception_handler(InvalidSearch)
def invalid_search(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.get("/products/search", response={200: SearchOut, **RESPONSES}, summary="Search products")
def search_products(request, params: Query[SearchParams]):
    """Full-text search with facets. `engine` says whether Elasticsearch or the database answered."""
    language = _language(params.lang)
    with translation.override(language):
        results = product_search(
            query=params.q,
            filters=build_filters(
                **{facet.attribute: getattr(params, facet.param) for facet in FACETS},
                **{name: getattr(params, name) for name in PRICE_RANGE},
            ),
            sort=params.sort,
            page=parse_page(params.page),
            locale=language,
        )
        return {
            "total": results.total,
            "page": results.page,
            "engine": results.engine,
            "suggestion": results.suggestion,
            "results": [
                {**hit.__dict__, "price_twd": None if hit.price_twd is None else float(hit.price_twd)}
                for hit in results.hits
            ],
            "facets": {facet: [v.__dict__ for v in values] for facet, values in results.facets.items()},
        }


@api.get("/products/autocomplete", response={200: list[SuggestionOut], **RESPONSES}, summary="Suggest products")
def autocomplete_products(request, params: Query[AutocompleteParams]):
    """Up to ten distinct product names for the typed text, its synonyms and the glossary terms it begins."""
    language = _language(params.lang)
    return [{"id": hit.id, "name": hit.name, "url": hit.url} for hit in product_autocomplete(params.q, language)]
