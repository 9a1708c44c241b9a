"""Which search engine answers, and whether it is reachable."""

import os
import threading

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ElasticsearchException

# Connections kept open per host: a web worker's threads, or a rebuild's parallel bulk requests.
POOL_SIZE = 8
_clients = {}
_lock = threading.Lock()


def get_client():
    """The process's Elasticsearch client for ELASTICSEARCH_URL, or None when the database is the engine.

    One client per process (and per URL and timeout, which tests change): its connection pool keeps the TCP
    connections alive between searches, where a new client per search paid a new connection each time. A
    forked worker makes its own, never sharing the parent's sockets.
    """
    if not settings.ELASTICSEARCH_URL:
        return None
    key = (os.getpid(), settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = Elasticsearch(
                [settings.ELASTICSEARCH_URL], timeout=settings.ELASTICSEARCH_TIMEOUT, max_retries=0, maxsize=POOL_SIZE
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
