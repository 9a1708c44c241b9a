"""The Elasticsearch node that `make test` starts has the analyzers the portal's languages need."""

import pytest
from elasticsearch import Elasticsearch

pytestmark = pytest.mark.elasticsearch


def analyze(url, **body):
    response = Elasticsearch([url], timeout=10, max_retries=0).indices.analyze(body=body)
    return [token["token"] for token in response["tokens"]]


@pytest.mark.parametrize(
    ("analyzer", "text", "expected"),
    [
        ("cjk", "台北跨境電商", ["台北", "北跨", "跨境", "境電", "電商"]),
        ("thai", "การค้าข้ามพรมแดน", ["ค้า", "ข้าม", "พรมแดน"]),
        ("indonesian", "perdagangan lintas batas", ["dagang", "lintas", "batas"]),
    ],
)
def test_language_analyzers(elasticsearch_url, analyzer, text, expected):
    """Chinese is split into bigrams, Thai into words, Indonesian is stemmed."""
    assert analyze(elasticsearch_url, analyzer=analyzer, text=text) == expected


def test_icu_plugin_is_loaded(elasticsearch_url):
    """analysis-icu is on the node: the ICU tokenizer splits Thai words and icu_folding strips Vietnamese marks."""
    tokens = analyze(
        elasticsearch_url, tokenizer="icu_tokenizer", filter=["icu_folding"], text="พรมแดน Thương mại điện tử"
    )
    assert tokens == ["พรมแดน", "thuong", "mai", "dien", "tu"]
