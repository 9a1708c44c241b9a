"""The real node: analyzers, mapping, the alias lifecycle, and an outage with the outbox catching up."""

import re

import pytest
from django.core.management import call_command

from search import indexing, services, sources
from search.documents import alias_name
from search.engine import get_client
from search.facets import FACETS, TERMS
from search.models import PendingUpdate, ProductEntry
from search.selectors import product_search
from tests.factories.search import PublicProductFactory

from .conftest import rebuild

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]
DEAD_URL = "http://127.0.0.1:9"


@pytest.fixture
def client(use_elasticsearch):
    client = get_client()
    indexing.ensure_index(client)
    return client


def tokens(client, analyzer, text):
    response = client.indices.analyze(index=alias_name(), body={"analyzer": analyzer, "text": text})
    return [token["token"] for token in response["tokens"]]


def test_chinese_is_indexed_as_simplified_bigrams_and_characters(client):
    """Traditional and Simplified index alike (ICU transform); single characters are indexed for 茶-like queries,
    and searched only when the query is one character."""
    indexed = tokens(client, "zh_text", "鳳梨酥禮盒")
    assert indexed == tokens(client, "zh_text", "凤梨酥礼盒")
    assert {"凤梨", "梨酥", "酥礼", "礼盒", "凤", "盒"} <= set(indexed)
    assert tokens(client, "zh_search", "鳳梨酥禮盒") == ["凤梨", "梨酥", "酥礼", "礼盒"]
    assert tokens(client, "zh_search", "茶") == ["茶"]


def test_thai_is_segmented_into_words(client):
    assert tokens(client, "th_text", "ขนมพายสับปะรด") == ["ขนม", "พาย", "สับปะรด"]


def test_latin_analyzers(client):
    """English and Indonesian/Malay stem; Vietnamese and Malay/Indonesian ignore diacritics and case."""
    assert tokens(client, "en_text", "Pineapple cakes") == ["pineappl", "cake"]
    assert tokens(client, "vi_text", "Bánh dứa") == ["banh", "dua"]
    assert tokens(client, "vi_text", "TRÀ") == tokens(client, "vi_text", "tra") == ["tra"]
    assert tokens(client, "id_text", "makanan") == ["makan"]
    assert tokens(client, "ms_text", "minuman") == ["minum"]


def test_word_parts_let_a_word_find_a_compound(client):
    """A Latin name is also indexed as 4–12-letter parts, searched as the whole word: light is in Headlight."""
    assert "light" in tokens(client, "word_parts", "Headlight")
    assert tokens(client, "word_search", "Light") == ["light"]


def test_the_mapping_has_facet_keywords_and_language_fields(client):
    mapping = next(iter(client.indices.get_mapping(index=alias_name()).values()))["mappings"]["properties"]
    assert mapping["name"]["properties"]["zh_hant"]["analyzer"] == "zh_text"
    assert mapping["name"]["properties"]["th"]["analyzer"] == "th_text"
    for field in ("category_paths", "certifications", "markets", "district"):
        assert mapping[field]["type"] == "keyword"
    assert mapping["price_twd"]["type"] == "float"
    assert mapping["supplier"]["properties"]["verified"]["type"] == "boolean"


def test_rebuild_switches_the_alias_while_searches_keep_working(db, client):
    """During a rebuild the old index answers; afterwards the alias points at the new one, the old is gone."""
    PublicProductFactory.create_batch(5, name_en="Oolong tea sampler")
    rebuild()
    old_index = indexing.alias_target(client)
    PublicProductFactory.create_batch(3, name_en="Oolong tea sampler")
    seen_during = []

    def search_midway(done):
        client.indices.refresh(index=alias_name())
        seen_during.append(product_search("oolong", locale="en").total)

    new_index, count = indexing.rebuild_index(client, sources.iter_documents(), progress=search_midway)
    assert seen_during and set(seen_during) == {5}
    assert count == 8
    assert indexing.alias_target(client) == new_index != old_index
    assert indexing.versioned_indices(client) == [new_index]
    assert product_search("oolong", locale="en").total == 8


def test_changes_during_a_rebuild_reach_the_new_index(db, client):
    """A product edited while a new index is being filled lands in both; an older copy never wins."""
    product = PublicProductFactory(name_en="Jasmine tea")
    rebuild()
    stale = sources.documents_for([product.pk])[product.pk]
    building = indexing.create_index(client, building=True)
    product.name_en = "Jasmine green tea"
    product.save()
    indexing.write_documents(client, list(sources.documents_for([product.pk]).values()))
    indexing.write_documents(client, [stale])
    source = client.get(index=building, id=product.pk)["_source"]
    assert source["name"]["en"] == "Jasmine green tea"


def test_outage_saves_work_search_falls_back_and_the_outbox_drains(db, settings, client, caplog):
    """With the node unreachable: product changes queue, search answers from the database with a warning.
    When the node is back, draining the outbox brings Elasticsearch to the same count as the catalogue."""
    PublicProductFactory.create_batch(3, name_en="Dragon fruit jam")
    rebuild()
    live_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = DEAD_URL
    new = PublicProductFactory(name_en="Dragon fruit vinegar")
    services.queue_products(product_ids=[new.pk])
    services.process_pending()

    pending = PendingUpdate.objects.get(product_id=new.pk)
    assert pending.attempts == 1 and pending.last_error and pending.next_attempt_at > pending.queued_at
    assert ProductEntry.objects.filter(product_id=new.pk).exists()
    results = product_search("dragon fruit", locale="en")
    assert (results.engine, results.degraded, results.total) == ("database", True, 4)
    assert "answering from the database" in caplog.text

    settings.ELASTICSEARCH_URL = live_url
    call_command("search_drain", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert PendingUpdate.objects.count() == 0
    client.indices.refresh(index=alias_name())
    assert client.count(index=alias_name())["count"] == sources.public_count() == 4
    results = product_search("dragon fruit", locale="en")
    assert (results.engine, results.degraded, results.total) == ("elasticsearch", False, 4)


def test_a_deleted_product_leaves_both_indexes(db, client):
    product = PublicProductFactory(name_en="Lychee wine")
    rebuild()
    product_id = product.pk
    product.delete()
    services.queue_products(product_ids=[product_id])
    services.process_pending()
    client.indices.refresh(index=alias_name())
    assert client.count(index=alias_name())["count"] == 0
    assert not ProductEntry.objects.filter(product_id=product_id).exists()


def test_search_status_reports_engine_alias_counts_and_queue(db, client, capsys):
    PublicProductFactory.create_batch(2)
    rebuild()
    PendingUpdate.objects.create(product_id=999999)
    call_command("search_status")
    out = capsys.readouterr().out
    assert "engine: elasticsearch" in out
    assert f"alias: {alias_name()} -> {indexing.alias_target(client)}" in out
    assert "public products: 2" in out and "elasticsearch documents: 2" in out
    assert "pending updates: 1" in out
    assert re.search(
        r"^cluster: \S+ (green|yellow|red), nodes 1 \(data 1\), shards active \d+, relocating \d+, "
        r"initializing \d+, unassigned \d+$",
        out,
        re.MULTILINE,
    ), out
    assert "  shard 0 primary: STARTED on " in out


def test_the_index_has_a_replica_only_when_the_cluster_has_a_second_node(client):
    """auto_expand_replicas 0-1: none on the single test node (the cluster stays green), one from two nodes."""
    target = indexing.alias_target(client)
    index_settings = client.indices.get_settings(index=target)[target]["settings"]["index"]
    assert index_settings["auto_expand_replicas"] == "0-1"
    assert index_settings["number_of_replicas"] == "0"
    assert client.cluster.health(index=target)["status"] == "green"


def test_facet_keywords_load_their_ordinals_at_refresh_and_an_idle_index_keeps_refreshing(db, client):
    """Every terms facet's keyword field builds its global ordinals when a refresh opens new segments (not in the
    first search after it); the interval is explicit on a first index and on a rebuilt one, so a shard left idle
    never makes the next search wait for a refresh; one shard holds the catalogue."""
    PublicProductFactory()
    fields = {facet.field for facet in FACETS if facet.kind == TERMS}
    assert fields == {"category_paths", "certifications", "markets", "ready_for", "district"}

    def assert_settings(index):
        index_settings = client.indices.get_settings(index=index)[index]["settings"]["index"]
        assert (index_settings["number_of_shards"], index_settings["refresh_interval"]) == ("1", "1s")
        mapping = client.indices.get_mapping(index=index)[index]["mappings"]["properties"]
        assert {field: mapping[field].get("eager_global_ordinals") for field in fields} == dict.fromkeys(fields, True)

    assert_settings(indexing.alias_target(client))
    assert_settings(indexing.rebuild_index(client, sources.iter_documents())[0])
