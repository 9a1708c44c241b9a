"""Which search engine answers, and whether it is reachable."""

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ElasticsearchException


def cluster_urls():
    """The nodes of ELASTICSEARCH_URL: one URL, or several separated by commas (the nodes of a cluster)."""
    return [url.strip() for url in settings.ELASTICSEARCH_URL.split(",") if url.strip()]


def get_client():
    """An Elasticsearch client for ELASTICSEARCH_URL, or None when the database is the engine.

    With several nodes a request that cannot reach one node is sent to the next (one retry per other node, on
    connection errors and time-outs), so a node that stops fails no search and no index update."""
    urls = cluster_urls()
    if not urls:
        return None
    return Elasticsearch(
        urls,
        timeout=settings.ELASTICSEARCH_TIMEOUT,
        max_retries=len(urls) - 1,
        retry_on_timeout=len(urls) > 1,
    )


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
