"""/healthz against the real services: database, cache and the search engine."""

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from tests.factories.accounts import StaffFactory, UserFactory

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


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def test_healthz_reports_every_check(staff_client, settings):
    """With the database engine for search, everything is ok: 200 and one entry per check (details for staff)."""
    settings.ELASTICSEARCH_URL = ""
    client = staff_client

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"status": "ok", "vendor": connection.vendor, "writable": True}
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
    settings.HEALTHZ_TOKEN = "probe-token"
    client.defaults["HTTP_X_HEALTHZ_TOKEN"] = "probe-token"

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["database"] == {"status": "fail", "error": "OperationalError", "vendor": connection.vendor}
    assert body["checks"]["cache"]["status"] == "ok"


@pytest.mark.elasticsearch
def test_healthz_reports_the_real_elasticsearch_node(staff_client, settings, elasticsearch_url):
    """With ELASTICSEARCH_URL on a running node, search is ok and the cluster state is shown to staff."""
    settings.ELASTICSEARCH_URL = elasticsearch_url
    client = staff_client

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    search = body["checks"]["search"]
    assert search["status"] == "ok"
    assert search["engine"] == "elasticsearch"
    assert search["cluster_status"] in ("green", "yellow")


def test_healthz_is_degraded_but_200_when_elasticsearch_is_down(staff_client, settings):
    """Searches fall back to the database, so a dead node degrades the site without failing it."""
    settings.ELASTICSEARCH_URL = DEAD_ELASTICSEARCH
    client = staff_client

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "fail"
    assert body["checks"]["search"]["engine"] == "elasticsearch"
    assert body["checks"]["database"]["status"] == "ok"


@pytest.fixture
def read_only_database():
    """Make every write of the default connection fail, as an immutable SQLite file or a PostgreSQL hot
    standby would; put it back afterwards."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET SESSION default_transaction_read_only = on")
        else:
            cursor.execute("PRAGMA query_only = ON")
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET SESSION default_transaction_read_only = off")
        else:
            cursor.execute("PRAGMA query_only = OFF")


@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_refuses_writes(staff_client, settings, read_only_database):
    """Reads work but writes fail (read-only database): the site cannot save anything, so 503, fail."""
    settings.ELASTICSEARCH_URL = ""
    client = staff_client
    settings.HEALTHZ_TOKEN = "probe-token"

    response = client.get(reverse("healthz"), headers={"X-Healthz-Token": "probe-token"})

    assert response.status_code == 503
    database = response.json()["checks"]["database"]
    assert database["status"] == "fail"
    assert database["error"] in ("read-only", "OperationalError")


@pytest.mark.parametrize("who", ["anonymous", "member", "wrong-token"])
def test_healthz_shows_only_statuses_to_anyone_but_staff(client, settings, who):
    """Anonymous callers, signed-in non-staff and a wrong token see each check's status, never the database
    vendor, the search engine or an error class."""
    settings.ELASTICSEARCH_URL = ""
    settings.HEALTHZ_TOKEN = "probe-token"
    headers = {}
    if who == "member":
        client.force_login(UserFactory())
    elif who == "wrong-token":
        headers = {"X-Healthz-Token": "guess"}

    body = client.get(reverse("healthz"), headers=headers).json()

    assert body == {"status": "ok", "checks": {name: {"status": "ok"} for name in ("database", "cache", "search")}}
    assert connection.vendor not in str(body)


def test_healthz_details_with_the_token(client, settings):
    """The HEALTHZ_TOKEN in X-Healthz-Token shows the details without signing in (a monitoring system)."""
    settings.ELASTICSEARCH_URL = ""
    settings.HEALTHZ_TOKEN = "probe-token"

    body = client.get(reverse("healthz"), headers={"X-Healthz-Token": "probe-token"}).json()

    assert body["checks"]["database"]["vendor"] == connection.vendor
    assert body["checks"]["search"]["engine"] == "database"
