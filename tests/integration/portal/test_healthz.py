"""/healthz against the real services: database, cache and the search engine."""

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db

DEAD_ELASTICSEARCH = "http://127.0.0.1:9"


@pytest.fixture
def unreachable_database(monkeypatch):
    """Point the default connection at a closed port, then put it back.

    SQLite's in-memory test database cannot be closed without losing it, so there (local runs only)
    opening a cursor raises the OperationalError that a missing database file would raise.
    """
    if connection.vendor == "sqlite":

        def refuse(*args, **kwargs):
            raise OperationalError("unable to open database file")

        monkeypatch.setattr(connection, "cursor", refuse)
        yield
        return
    original = connection.settings_dict.copy()
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="9")
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(original)


def test_healthz_reports_every_check(client, settings):
    """With the database engine for search, everything is ok: 200 and one entry per check."""
    settings.ELASTICSEARCH_URL = ""

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"status": "ok", "vendor": connection.vendor}
    assert body["checks"]["cache"] == {"status": "ok"}
    assert body["checks"]["search"] == {"status": "ok", "engine": "database"}


def test_healthz_is_never_cached(client, settings):
    """A proxy must not serve an old answer: the response forbids caching."""
    settings.ELASTICSEARCH_URL = ""

    response = client.get(reverse("healthz"))

    assert "no-cache" in response["Cache-Control"]


def test_healthz_rejects_post(client):
    """Only GET is allowed."""
    assert client.post(reverse("healthz")).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_is_unreachable(client, settings, unreachable_database):
    """A database that refuses connections makes the site unable to serve pages: 503, status fail."""
    settings.ELASTICSEARCH_URL = ""

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["database"] == {"status": "fail", "error": "OperationalError"}
    assert body["checks"]["cache"]["status"] == "ok"


@pytest.mark.elasticsearch
def test_healthz_reports_the_real_elasticsearch_node(client, settings, elasticsearch_url):
    """With ELASTICSEARCH_URL on a running node, search is ok and the cluster state is shown."""
    settings.ELASTICSEARCH_URL = elasticsearch_url

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    search = body["checks"]["search"]
    assert search["status"] == "ok"
    assert search["engine"] == "elasticsearch"
    assert search["cluster_status"] in ("green", "yellow")


def test_healthz_is_degraded_but_200_when_elasticsearch_is_down(client, settings):
    """Searches fall back to the database, so a dead node degrades the site without failing it."""
    settings.ELASTICSEARCH_URL = DEAD_ELASTICSEARCH

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "fail"
    assert body["checks"]["search"]["engine"] == "elasticsearch"
    assert body["checks"]["database"]["status"] == "ok"
