"""The Elasticsearch index of live products: analyzers, mapping and versioned index names behind an alias.

The node needs the analysis-icu plugin (scripts/es-node.sh loads it from Maven Central). Per-language text
fields: Chinese through the ICU transform Traditional-Simplified (so 鳳梨酥 and 凤梨酥 index and search
alike, as the database backend's OpenCC folding does) into bigrams, indexed with single characters too so
that a one-character query (茶) matches; Thai word segmentation (ICU tokenizer); English stemming;
Indonesian and Malay stemming (the `indonesian` stemmer: makanan → makan, minuman → minum) with ASCII
folding; Vietnamese ASCII-folded, so trà, tra and TRÀ are one word, with multi-syllable words matched as
phrases by the query. Latin names also carry `parts`, n-grams of 4–12 letters searched with whole words, so
"light" finds "Headlight". Synonyms are expanded at query time (search/synonyms.py), so no analyzer carries a
synonym list and staff edits need no reindex.
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
    "ms": "ms_text",
    "id": "id_text",
    "vi": "vi_text",
}
SEARCH_ANALYZERS = {"zh_text": "zh_search"}
# Explicit, so that an idle shard never waits for a refresh on its next search (Elasticsearch stops refreshing
# a shard without an explicit interval after 30 s without searches, and the next search then waits for one).
REFRESH_INTERVAL = "1s"
LATIN_SUFFIXES = tuple(LANGUAGE_FIELDS[code] for code in LATIN_LANGUAGES)
PARTS_MIN, PARTS_MAX = 4, 12


def _text(suffix, *, parts):
    analyzer = LANGUAGE_ANALYZERS[suffix]
    fields = {"parts": Text(analyzer="word_parts", search_analyzer="word_search")} if parts else {}
    return Text(analyzer=analyzer, search_analyzer=SEARCH_ANALYZERS.get(analyzer, analyzer), fields=fields)


def _facet_keyword():
    """A keyword field that a terms aggregation counts on every search: its global ordinals are built when a
    refresh opens new segments, not by the first search after it."""
    return Keyword(eager_global_ordinals=True)


def _per_language(*, parts=False):
    return Object(
        properties={suffix: _text(suffix, parts=parts and suffix in LATIN_SUFFIXES) for suffix in LANGUAGE_ANALYZERS}
    )


class ProductDocument(Document):
    """One live product. `urls` holds the product page per language and is stored, not indexed."""

    id = Integer()
    sku = Keyword()
    name = _per_language(parts=True)
    description = _per_language()
    category_name = _per_language()
    autocomplete = Text(analyzer="autocomplete", search_analyzer="autocomplete_search")
    spelling = Text(analyzer="spelling")
    category = Keyword()
    category_paths = _facet_keyword()
    certifications = _facet_keyword()
    markets = _facet_keyword()
    ready_for = _facet_keyword()
    district = _facet_keyword()
    sample_available = Boolean()
    price_twd = Float()
    moq = Integer()
    created_at = Date()
    updated_at = Date()
    supplier = Object(
        properties={
            "id": Integer(),
            "name": Text(analyzer="zh_text", search_analyzer="zh_search", fields={"en": Text(analyzer="en_text")}),
            "name_en": Text(analyzer="en_text"),
            "verified": Boolean(),
        }
    )
    urls = Object(enabled=False)

    class Meta:
        dynamic = MetaField("strict")


def analysis():
    """Analyzer definitions (they need the analysis-icu plugin)."""
    folding = ["lowercase", "asciifolding"]
    zh_filters = ["cjk_width", "lowercase", "traditional_to_simplified"]
    word = {"tokenizer": "icu_tokenizer", "filter": ["traditional_to_simplified", "icu_folding"]}
    return {
        "filter": {
            "traditional_to_simplified": {"type": "icu_transform", "id": "Traditional-Simplified"},
            "cjk_bigram_and_unigrams": {"type": "cjk_bigram", "output_unigrams": True},
            "autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15},
            "word_parts": {"type": "ngram", "min_gram": PARTS_MIN, "max_gram": PARTS_MAX},
            "indonesian_stop": {"type": "stop", "stopwords": "_indonesian_"},
            "indonesian_stemmer": {"type": "stemmer", "language": "indonesian"},
        },
        "analyzer": {
            "zh_text": {
                "type": "custom",
                "tokenizer": "icu_tokenizer",
                "filter": [*zh_filters, "cjk_bigram_and_unigrams"],
            },
            "zh_search": {"type": "custom", "tokenizer": "icu_tokenizer", "filter": [*zh_filters, "cjk_bigram"]},
            "th_text": {"type": "custom", "tokenizer": "icu_tokenizer", "filter": ["lowercase", "decimal_digit"]},
            "en_text": {"type": "english"},
            # Malay and Indonesian share their affixes (me-, ber-, -an, -kan); Indonesian's stemmer serves both.
            "ms_text": {"type": "custom", "tokenizer": "standard", "filter": [*folding, "indonesian_stemmer"]},
            "id_text": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [*folding, "indonesian_stop", "indonesian_stemmer"],
            },
            "vi_text": {"type": "custom", "tokenizer": "standard", "filter": folding},
            "word_parts": {"type": "custom", "tokenizer": "standard", "filter": [*folding, "word_parts"]},
            "word_search": {"type": "custom", "tokenizer": "standard", "filter": folding},
            "autocomplete": {
                "type": "custom",
                "tokenizer": word["tokenizer"],
                "filter": [*word["filter"], "autocomplete_edge"],
            },
            "autocomplete_search": {"type": "custom", **word},
            "spelling": {"type": "custom", "tokenizer": "standard", "filter": folding},
        },
    }


def index_body(*, building=False):
    """Settings and mappings for a new versioned index; `building` turns refresh off for a bulk load."""
    index_settings = {
        "number_of_shards": 1,
        # One replica as soon as the cluster has a second data node (none on a single node, which would
        # otherwise stay yellow): Elasticsearch adds or drops it as nodes join and leave.
        "auto_expand_replicas": "0-1",
        "max_ngram_diff": PARTS_MAX - PARTS_MIN,
        "analysis": analysis(),
    }
    index_settings["refresh_interval"] = "-1" if building else REFRESH_INTERVAL
    return {"settings": index_settings, "mappings": ProductDocument._doc_type.mapping.to_dict()}


def alias_name():
    """The name every search and write uses; it points at exactly one versioned index."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_products"


def new_index_name():
    """A versioned index name, e.g. portal_products_20261127043812123456."""
    return f"{alias_name()}_{timezone.now():%Y%m%d%H%M%S%f}"


def index_pattern():
    return f"{alias_name()}_*"
