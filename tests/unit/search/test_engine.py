"""ELASTICSEARCH_URL names one node or a cluster's nodes; the client retries on another node only for a cluster.
Its JSON goes through orjson, with the same values as the client's own serializer."""

import datetime
import json
from decimal import Decimal

import pytest
from elasticsearch.exceptions import SerializationError
from elasticsearch.serializer import JSONSerializer

from search.engine import Serializer, cluster_urls, get_client

# The session set-up of the search indexes (tests/conftest.py) needs the test database.
pytestmark = pytest.mark.django_db


def test_a_comma_separated_list_gives_every_node_and_one_retry_per_other_node(settings):
    """Three URLs (spaces and an empty item ignored) become three hosts with two retries, time-outs included."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9250, http://127.0.0.1:9251,,http://127.0.0.1:9252"
    assert cluster_urls() == ["http://127.0.0.1:9250", "http://127.0.0.1:9251", "http://127.0.0.1:9252"]
    client = get_client()
    assert [host["port"] for host in client.transport.hosts] == [9250, 9251, 9252]
    assert client.transport.max_retries == 2
    assert client.transport.retry_on_timeout is True


def test_one_url_is_one_node_without_retries(settings):
    """A single node is asked once: its failure is reported at once and search falls back to the database."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    client = get_client()
    assert len(client.transport.hosts) == 1
    assert client.transport.max_retries == 0


def test_no_url_means_no_client(settings):
    """Without ELASTICSEARCH_URL the database is the engine and there is no client."""
    settings.ELASTICSEARCH_URL = ""
    assert get_client() is None


def test_responses_decode_and_requests_encode_as_with_the_clients_own_serializer(settings):
    """A search response (Chinese and Thai text, floats, nested lists) decodes to the same values; a body kept
    serialised is sent as it is; a bulk action with a Decimal price and an aware datetime encodes to the same
    JSON values; bad JSON is the client's SerializationError."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    transport = get_client().transport
    assert isinstance(transport.serializer, Serializer)
    response = (
        '{"took":3,"hits":{"total":{"value":1},'
        '"hits":[{"_source":{"name":{"zh_hant":"鳳梨酥","th":"ขนม"},"price_twd":450.5}}]}}'
    )
    assert transport.deserializer.loads(response, "application/json; charset=UTF-8") == json.loads(response)
    assert transport.serializer.dumps(response) is response
    action = {
        "price_twd": Decimal("450.50"),
        "updated_at": datetime.datetime(2026, 12, 1, 23, 0, 5, 123456, tzinfo=datetime.UTC),
        "valid_until": datetime.date(2027, 1, 31),
        "name": {"vi": "trà ô long"},
        "markets": ["TH", "MY"],
    }
    assert json.loads(transport.serializer.dumps(action)) == json.loads(JSONSerializer().dumps(action))
    with pytest.raises(SerializationError):
        transport.serializer.loads('{"took": ')
