"""The Elasticsearch index of live products: analyzers, mapping and versioned index names behind an alias.

Per-language text fields: zh-hant bigrams (ICU tokenizer + cjk_bigram, or the `cjk` analyzer without the ICU
plugin), Thai word segmentation (ICU tokenizer, or the `thai` analyzer), `english`, `indonesian` for
Indonesian and Malay, standard + ASCII folding for Vietnamese. Synonyms are expanded at query time
(search/synonyms.py), so no analyzer carries a synonym list and staff edits need no reindex.
"""

from django.conf import settings
from django.utils import timezone
from elasticsearch_dsl import Boolean, Date, Document, Float, Integer, Keyword, MetaField, Object, Text

# Language code → suffix of the per-language fields (name.<suffix>, description.<suffix>).
LANGUAGE_FIELDS = {"zh-hant": "zh_hant", "en": "en", "th": "th", "ms": "ms", "id": "id", "vi": "vi"}
LATIN_LANGUAGES = ("en", "ms", "id", "vi")
LANGUAGE_ANALYZERS = {
    "zh_hant": "zh_text",
    "en": "en_text",
    "th": "th_text",
    "ms": "id_text",
    "id": "id_text",
    "vi": "vi_text",
}


def _per_language():
    return Object(properties={suffix: Text(analyzer=name) for suffix, name in LANGUAGE_ANALYZERS.items()})


class ProductDocument(Document):
    """One live product. `urls` holds the product page per language and is stored, not indexed."""

    id = Integer()
    sku = Keyword()
    name = _per_language()
    description = _per_language()
    autocomplete = Text(analyzer="autocomplete", search_analyzer="autocomplete_search")
    spelling = Text(analyzer="spelling")
    category = Keyword()
    category_paths = Keyword()
    certifications = Keyword()
    markets = Keyword()
    district = Keyword()
    sample_available = Boolean()
    price_twd = Float()
    moq = Integer()
    created_at = Date()
    updated_at = Date()
    supplier = Object(
        properties={
            "id": Integer(),
            "name": Text(analyzer="zh_text", fields={"en": Text(analyzer="en_text")}),
            "name_en": Text(analyzer="en_text"),
            "verified": Boolean(),
        }
    )
    urls = Object(enabled=False)

    class Meta:
        dynamic = MetaField("strict")


def analysis(*, icu):
    """Analyzer definitions; `icu` when the node has the analysis-icu plugin."""
    if icu:
        zh = {"type": "custom", "tokenizer": "icu_tokenizer", "filter": ["cjk_width", "lowercase", "cjk_bigram"]}
        th = {"type": "custom", "tokenizer": "icu_tokenizer", "filter": ["lowercase", "decimal_digit"]}
        word = {"tokenizer": "icu_tokenizer", "filter": ["icu_folding"]}
    else:
        zh = {"type": "cjk"}
        th = {"type": "thai"}
        word = {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}
    return {
        "filter": {"autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}},
        "analyzer": {
            "zh_text": zh,
            "th_text": th,
            "en_text": {"type": "english"},
            "id_text": {"type": "indonesian"},
            "vi_text": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            "autocomplete": {
                "type": "custom",
                "tokenizer": word["tokenizer"],
                "filter": [*word["filter"], "autocomplete_edge"],
            },
            "autocomplete_search": {"type": "custom", **word},
            "spelling": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        },
    }


def index_body(*, icu, building=False):
    """Settings and mappings for a new versioned index; `building` turns refresh off for a bulk load."""
    index_settings = {"number_of_shards": 1, "number_of_replicas": 0, "analysis": analysis(icu=icu)}
    if building:
        index_settings["refresh_interval"] = "-1"
    return {"settings": index_settings, "mappings": ProductDocument._doc_type.mapping.to_dict()}


def alias_name():
    """The name every search and write uses; it points at exactly one versioned index."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_products"


def new_index_name():
    """A versioned index name, e.g. portal_products_20261127043812123456."""
    return f"{alias_name()}_{timezone.now():%Y%m%d%H%M%S%f}"


def index_pattern():
    return f"{alias_name()}_*"
