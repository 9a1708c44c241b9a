"""Which search engine answers, and whether it is reachable."""

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ElasticsearchException


def get_client():
    """An Elasticsearch client for ELASTICSEARCH_URL, or None when the database is the engine."""
    if not settings.ELASTICSEARCH_URL:
        return None
    return Elasticsearch([settings.ELASTICSEARCH_URL], timeout=settings.ELASTICSEARCH_TIMEOUT, max_retries=0)


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
