"""Which search engine answers, and whether it is reachable."""

import base64
import http.client
import os
import queue
import select
import ssl
import threading
import time
from urllib.parse import urlencode

import orjson
from django.conf import settings
from elasticsearch import Connection, Elasticsearch
from elasticsearch.exceptions import ConnectionError, ConnectionTimeout, ElasticsearchException, SerializationError
from elasticsearch.serializer import JSONSerializer

# Connections kept open per host: a web worker's threads, or a rebuild's parallel bulk requests.
POOL_SIZE = 8
_clients = {}
_lock = threading.Lock()


class Serializer(JSONSerializer):
    """The client's JSON through orjson: every search response is decoded here, and every bulk request of a
    rebuild encoded, several times faster than with the standard library. Text is sent as it is (a request body
    kept serialised); what orjson cannot encode by itself (a Decimal) goes through the client's own `default`."""

    def loads(self, s):
        try:
            return orjson.loads(s)
        except orjson.JSONDecodeError as exc:
            raise SerializationError(s, exc) from exc

    def dumps(self, data):
        if isinstance(data, str):
            return data
        try:
            return orjson.dumps(data, default=self.default, option=orjson.OPT_NON_STR_KEYS).decode()
        except TypeError as exc:
            raise SerializationError(data, exc) from exc


def _readable(sock):
    """Whether the socket has something to read (or its end of file) right now; poll, not select, so that a
    process with more than 1,024 open files can ask too."""
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


class KeptAliveConnection(Connection):
    """One node's HTTP connections, on the standard library's http.client, kept open between requests.

    The client's default (urllib3) costs about 0.5 ms of CPU per request on this machine, http.client about 0.2
    for the same exchange (docs/benchmarks.md, "Search, item 1 — branch issue-19g"). Errors are the client's:
    a refused, reset or timed-out connection is ConnectionError or ConnectionTimeout (so the transport retries on
    the next node of a cluster), an HTTP error status the client's exception for it, with the client's logging.
    A connection the node closed while idle is found before it is used again and replaced.
    """

    def __init__(self, host="localhost", port=None, *, http_auth=None, maxsize=POOL_SIZE, **kwargs):
        super().__init__(host=host, port=port, **kwargs)
        if http_auth is not None:
            if isinstance(http_auth, tuple | list):
                http_auth = ":".join(http_auth)
            self.headers["authorization"] = "Basic " + base64.b64encode(http_auth.encode()).decode()
        self._idle = queue.LifoQueue(maxsize=maxsize)

    def _new_connection(self, timeout):
        if self.use_ssl:
            return http.client.HTTPSConnection(
                self.hostname, self.port, timeout=timeout, context=ssl.create_default_context()
            )
        return http.client.HTTPConnection(self.hostname, self.port, timeout=timeout)

    def _connection(self, timeout):
        """An idle connection still open (the timeout set on its socket), or a new one."""
        while True:
            try:
                connection = self._idle.get_nowait()
            except queue.Empty:
                return self._new_connection(timeout)
            if connection.sock is not None and not _readable(connection.sock):
                connection.sock.settimeout(timeout)
                return connection
            # Readable while idle: the node closed it (or sent what nobody asked for).
            connection.close()

    def _release(self, connection, response):
        if response.will_close:
            connection.close()
            return
        try:
            self._idle.put_nowait(connection)
        except queue.Full:
            connection.close()

    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        url = self.url_prefix + url
        if params:
            url = f"{url}?{urlencode(params)}"
        full_url = self.host + url
        request_headers = {**self.headers, **(headers or {})}
        start = time.time()
        connection = self._connection(timeout or self.timeout)
        try:
            connection.request(method, url, body, request_headers)
            response = connection.getresponse()
            raw_data = response.read().decode("utf-8", "surrogatepass")
        except Exception as exc:
            connection.close()
            self.log_request_fail(method, full_url, url, body, time.time() - start, exception=exc)
            if isinstance(exc, TimeoutError):
                raise ConnectionTimeout("TIMEOUT", str(exc), exc) from exc
            raise ConnectionError("N/A", str(exc), exc) from exc
        duration = time.time() - start
        self._release(connection, response)
        self._raise_warnings(response.headers.get_all("warning") or ())
        if not (200 <= response.status < 300) and response.status not in ignore:
            self.log_request_fail(method, full_url, url, body, duration, response.status, raw_data)
            self._raise_error(response.status, raw_data)
        self.log_request_success(method, full_url, url, body, response.status, raw_data, duration)
        return response.status, {key.lower(): value for key, value in response.getheaders()}, raw_data

    def close(self):
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def cluster_urls():
    """The nodes of ELASTICSEARCH_URL: one URL, or several separated by commas (the nodes of a cluster)."""
    return [url.strip() for url in settings.ELASTICSEARCH_URL.split(",") if url.strip()]


def get_client():
    """The process's Elasticsearch client for ELASTICSEARCH_URL, or None when the database is the engine.

    One client per process (and per URL and timeout, which tests change): its connection pool keeps the TCP
    connections alive between searches, where a new client per search paid a new connection each time. A
    forked worker makes its own, never sharing the parent's sockets. With several nodes (the nodes of a
    cluster) a request that cannot reach one node is sent to the next (one retry per other node, on connection
    errors and time-outs), so a node that stops fails no search and no index update.
    """
    urls = cluster_urls()
    if not urls:
        return None
    key = (os.getpid(), tuple(urls), settings.ELASTICSEARCH_TIMEOUT)
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = Elasticsearch(
                urls,
                timeout=settings.ELASTICSEARCH_TIMEOUT,
                max_retries=len(urls) - 1,
                retry_on_timeout=len(urls) > 1,
                maxsize=POOL_SIZE,
                connection_class=KeptAliveConnection,
                serializer=Serializer(),
                meta_header=False,
            )
            _clients[key] = client
        return client


def engine_health():
    client = get_client()
    if client is None:
        return {"status": "ok", "engine": "database"}
    try:
        health = client.cluster.health(request_timeout=settings.ELASTICSEARCH_TIMEOUT)
    except (ElasticsearchException, OSError) as exc:
        return {"status": "fail", "engine": "elasticsearch", "error": exc.__class__.__name__}
    return {
        "status": "ok" if health["status"] in ("green", "yellow") else "fail",
        "engine": "elasticsearch",
        "cluster_status": health["status"],
    }
