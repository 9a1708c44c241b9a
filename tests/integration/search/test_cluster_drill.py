"""The cluster drill: on the three-node cluster (`ES_NODES=3 scripts/es-node.sh start`, ES_CLUSTER_URL with
every node's URL) one node that holds a copy of the product index, and is not the elected master, stops while
a thread searches and re-indexes products through the project's search code; no search fails, no update is
lost, `search_status` shows the cluster degraded, and after the node starts again the cluster is green."""

import datetime
import io
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ElasticsearchException

from search import indexing, sources
from search.backends import elasticsearch as es_backend
from search.backends.base import Filters, SearchQuery
from search.documents import LANGUAGE_FIELDS, alias_name
from search.engine import get_client
from search.facets import DEFAULT_SORT
from tests.conftest import require_service
from tests.factories.search import PublicProductFactory

from .conftest import rebuild

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
CLUSTER_HOW_TO_START = "`make test` starts it; by hand `ES_NODES=3 scripts/es-node.sh start` (HTTP 9250-9252)"
EN = LANGUAGE_FIELDS["en"]


def es_node(*args):
    """Run scripts/es-node.sh for the cluster on ES_CLUSTER_URL's first port (stop-node / start-node)."""
    port = os.environ["ES_CLUSTER_URL"].split(",")[0].rsplit(":", 1)[1]
    subprocess.run(
        ["scripts/es-node.sh", *args],
        cwd=ROOT,
        env={**os.environ, "ES_NODES": "3", "ES_HTTP_PORT": port},
        check=True,
        timeout=120,
    )


@pytest.fixture
def cluster(settings, request):
    """Search pointed at all three nodes, with an index prefix of its own; indices removed afterwards."""
    urls = [url.strip() for url in os.environ.get("ES_CLUSTER_URL", "").split(",") if url.strip()]
    client = Elasticsearch(urls, timeout=60, max_retries=2) if urls else None
    try:
        nodes = client.cluster.health(wait_for_nodes=">=3", timeout="10s")["number_of_nodes"] if client else 0
    except (ElasticsearchException, OSError):
        nodes = 0
    require_service("The three-node Elasticsearch cluster", nodes >= 3 and len(urls) >= 3, CLUSTER_HOW_TO_START)
    prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}_drill"
    settings.ELASTICSEARCH_URL = ",".join(urls)
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    yield client, urls
    client.indices.delete(index=f"{prefix}_*", ignore=[404])


def node_to_stop(client, target, urls):
    """The number (1-3, by HTTP port) of a node that holds a copy of the index and is not the master."""
    master = client.cat.master(format="json", h="id")[0]["id"]
    holders = {shard["id"] for shard in client.cat.shards(index=target, format="json", h="id")}
    for node in client.cat.nodes(format="json", full_id="true", h="id,http_address"):
        short_id = node["id"][: len(master)]
        if node["id"] != master and short_id != master and any(node["id"].startswith(h) for h in holders):
            port = node["http_address"].rsplit(":", 1)[1]
            return [url.rsplit(":", 1)[1] for url in urls].index(port) + 1
    raise AssertionError("no copy of the index is on a node other than the master")


class Traffic(threading.Thread):
    """Searches and re-indexes the documents in turn until stopped; keeps every failure and each last value."""

    def __init__(self, documents):
        super().__init__(daemon=True)
        self.documents = documents
        self.stopping = threading.Event()
        self.failures = []
        self.last_names = {}
        self.searches = 0
        self.updates = 0

    def run(self):
        query = SearchQuery(text="", alternatives=(), filters=Filters(), sort=DEFAULT_SORT, page=1, language="en")
        round_ = 0
        while not self.stopping.is_set():
            round_ += 1
            for document in self.documents:
                name = f"drill {document['id']} round {round_}"
                changed = {
                    **document,
                    "name": {**document["name"], EN: name},
                    "updated_at": datetime.datetime.now(datetime.UTC).isoformat(),
                }
                try:
                    indexing.write_documents(get_client(), [changed])
                    self.last_names[document["id"]] = name
                    self.updates += 1
                    es_backend.search(query)
                    self.searches += 1
                except Exception as exc:  # noqa: BLE001 - every failure is the finding
                    self.failures.append(f"{exc.__class__.__name__}: {exc}")
            time.sleep(0.05)


def status():
    """What `search_status` prints."""
    out = io.StringIO()
    call_command("search_status", stdout=out)
    return out.getvalue()


def test_a_node_stops_while_searches_and_updates_run(cluster):
    """Every search answers and every update is found with its last value; the cluster goes yellow, then green."""
    client, urls = cluster
    products = PublicProductFactory.create_batch(6)
    rebuild()
    target = indexing.alias_target(client)
    assert client.cluster.health(index=target, wait_for_status="green", timeout="30s")["status"] == "green"
    assert client.indices.get_settings(index=target)[target]["settings"]["index"]["number_of_replicas"] == "1"
    node = node_to_stop(client, target, urls)
    documents = list(sources.documents_for([product.pk for product in products]).values())
    assert len(documents) == 6

    traffic = Traffic(documents)
    traffic.start()
    try:
        time.sleep(1)
        es_node("stop-node", str(node))
        client.cluster.health(wait_for_nodes="2", timeout="30s")
        time.sleep(2)
        degraded = status()
        es_node("start-node", str(node))
        health = client.cluster.health(index=target, wait_for_status="green", wait_for_nodes="3", timeout="40s")
        time.sleep(1)
    finally:
        traffic.stopping.set()
        traffic.join(timeout=30)

    assert traffic.failures == []
    assert traffic.searches > 0 and traffic.updates > 0
    assert "nodes 2 (data 2)" in degraded
    assert "yellow" in degraded and "UNASSIGNED" in degraded
    assert health["status"] == "green"
    recovered = status()
    assert "green, nodes 3 (data 3)" in recovered
    assert "shard 0 primary: STARTED" in recovered and "shard 0 replica: STARTED" in recovered
    client.indices.refresh(index=target)
    for product_id, name in traffic.last_names.items():
        assert client.get(index=alias_name(), id=product_id)["_source"]["name"][EN] == name
