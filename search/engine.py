"""Which search engine answers, and whether it is reachable."""

import os
import threading

import orjson
from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ElasticsearchException, SerializationError
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
                serializer=Serializer(),
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
