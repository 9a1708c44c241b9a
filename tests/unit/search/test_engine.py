"""ELASTICSEARCH_URL names one node or a cluster's nodes; the client retries on another node only for a cluster.
Its JSON goes through orjson, with the same values as the client's own serializer, and its requests through
kept-alive http.client connections that fail with the client's own errors."""

import datetime
import json
import socket
import threading
import time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from elasticsearch.exceptions import ConnectionError, ConnectionTimeout, NotFoundError, SerializationError
from elasticsearch.serializer import JSONSerializer

from search.engine import KeptAliveConnection, Serializer, cluster_urls, get_client

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


class ClosesAfterEachAnswer(BaseHTTPRequestHandler):
    """An HTTP/1.1 server that answers without `Connection: close` and then closes the connection, as a node or
    a proxy does with a connection it keeps idle too long."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = b'{"answered": true}'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture
def closing_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), ClosesAfterEachAnswer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_the_client_keeps_one_connection_open_between_requests(settings):
    """Requests one after another go over one TCP connection, kept open in the pool between them."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    (connection,) = get_client().transport.connection_pool.connections
    assert isinstance(connection, KeptAliveConnection)
    connection.perform_request("GET", "/")
    (kept,) = connection._idle.queue
    sock = kept.sock
    connection.perform_request("GET", "/_cluster/health")
    assert connection._idle.queue == [kept]
    assert kept.sock is sock


def test_a_connection_the_server_closed_while_idle_is_replaced(closing_server):
    """The server closed the kept connection while it was idle: the next request opens a new one instead of
    failing."""
    connection = KeptAliveConnection(host="127.0.0.1", port=closing_server)
    for _ in range(3):
        status, headers, data = connection.perform_request("GET", "/")
        assert (status, headers["content-type"], json.loads(data)) == (200, "application/json", {"answered": True})
        time.sleep(0.2)


def test_failures_are_the_clients_errors(settings):
    """An HTTP error status is the client's exception for it (or ignored when asked); a refused connection is
    ConnectionError and a node that does not answer in time ConnectionTimeout, the errors the transport retries
    on another node of a cluster."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    client = get_client()
    with pytest.raises(NotFoundError):
        client.indices.get(index="no-such-index-19g")
    assert client.indices.delete(index="no-such-index-19g", ignore=[404])["status"] == 404
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(ConnectionError):
        KeptAliveConnection(host="127.0.0.1", port=port).perform_request("GET", "/")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        connection = KeptAliveConnection(host="127.0.0.1", port=silent.getsockname()[1])
        with pytest.raises(ConnectionTimeout):
            connection.perform_request("GET", "/", timeout=0.2)
