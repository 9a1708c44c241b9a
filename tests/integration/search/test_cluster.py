"""The product index on a three-node cluster (`ES_NODES=3 scripts/es-node.sh start`, ES_CLUSTER_URL): one
replica on another node, the cluster green, and `search_status` showing every node and shard."""

import io
import os

import pytest
from django.core.management import call_command
from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ElasticsearchException

from search import indexing
from tests.conftest import require_service
from tests.factories.search import PublicProductFactory

from .conftest import rebuild

pytestmark = pytest.mark.django_db

CLUSTER_HOW_TO_START = "`make test` starts it; by hand `ES_HTTP_PORT=9250 ES_NODES=3 scripts/es-node.sh start`"


@pytest.fixture
def cluster(settings, request):
    """Search pointed at the three-node cluster, with an index prefix of its own; indices removed afterwards."""
    url = os.environ.get("ES_CLUSTER_URL", "")
    client = Elasticsearch(url.split(","), timeout=60, max_retries=0) if url else None
    try:
        nodes = client.cluster.health(wait_for_nodes=">=3", timeout="10s")["number_of_nodes"] if client else 0
    except (ElasticsearchException, OSError):
        nodes = 0
    require_service("The three-node Elasticsearch cluster", nodes >= 3, CLUSTER_HOW_TO_START)
    prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}_cluster_{request.node.name[-24:].lower()}"
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    yield client
    client.indices.delete(index=f"{prefix}_*", ignore=[404])


def test_the_index_gets_one_replica_on_another_node(cluster):
    PublicProductFactory.create_batch(3)
    rebuild()
    target = indexing.alias_target(cluster)
    health = cluster.cluster.health(index=target, wait_for_status="green", timeout="30s")
    assert health["status"] == "green"
    assert cluster.indices.get_settings(index=target)[target]["settings"]["index"]["number_of_replicas"] == "1"
    shards = cluster.cat.shards(index=target, format="json", h="prirep,state,id")
    assert sorted(shard["prirep"] for shard in shards) == ["p", "r"]
    assert all(shard["state"] == "STARTED" for shard in shards)
    assert len({shard["id"] for shard in shards}) == 2, "primary and replica on different nodes"
    out = io.StringIO()
    call_command("search_status", stdout=out)
    assert "nodes 3 (data 3)" in out.getvalue()
    assert "shard 0 primary: STARTED" in out.getvalue() and "shard 0 replica: STARTED" in out.getvalue()
