"""Shared fixtures. Service fixtures fail (never skip) when CI=true and the service is missing."""

import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.utils import translation
from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ElasticsearchException
from pytest_django.plugin import blocking_manager_key

from tests.stripe_support import received_signals, stripe_mock, stripe_requests, stripe_settings  # noqa: F401

IN_CI = os.environ.get("CI", "").lower() == "true"

ES_HOW_TO_START = (
    "`make test` starts a node; for a single test run `scripts/es-node.sh start` "
    "and set ELASTICSEARCH_URL=http://127.0.0.1:9200"
)


DJANGO_DB_MARKER_ARGS = ("transaction", "reset_sequences", "databases", "serialized_rollback", "available_apps")


def pytest_collection_modifyitems(items):
    """Transactional tests (live_server, browser) start from the migrated database.

    Their teardown empties every table, including the rows that migrations create (the default Wagtail
    locale, the root page and site); serialized rollback puts those back before each such test.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = {**dict(zip(DJANGO_DB_MARKER_ARGS, marker.args, strict=False)), **marker.kwargs} if marker else {}
        fixtures = getattr(item, "fixturenames", ())
        if kwargs.get("transaction") or "transactional_db" in fixtures or "live_server" in fixtures:
            marker = pytest.mark.django_db(**{**kwargs, "transaction": True, "serialized_rollback": True})
            item.add_marker(marker, append=False)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, unless another one follows, the migrated rows are put back.

    Its teardown empties every table. Serially pytest-django runs transactional tests after all others, but
    pytest-xdist may send a worker any test next, and a test database kept with --reuse-db is where the
    next session starts: both must find the default locale, the root page and the site again.
    """
    result = yield
    if not _is_transactional(item) or (nextitem is not None and _is_transactional(nextitem)):
        return result
    # After the last test the database is gone already, unless --reuse-db keeps it.
    if nextitem is not None or item.config.getvalue("reuse_db"):
        with item.config.stash[blocking_manager_key].unblock():
            for alias in connections:
                contents = getattr(connections[alias], "_test_serialized_contents", None)
                if contents:
                    connections[alias].creation.deserialize_db_from_string(contents)
    return result


def require_service(name, available, how_to_start):
    """Skip locally when a service is missing; fail in CI, where `make test` must have started it."""
    if available:
        return
    (pytest.fail if IN_CI else pytest.skip)(f"{name} is not reachable; {how_to_start}")


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language, whatever language the previous test in this
    process left active (with xdist the order of tests differs from run to run)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_and_private_roots(settings, tmp_path):
    """Uploaded files go to a temporary folder in every test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _versioned_values():
    """Every test reads synonym sets, category labels, menus and footers from its own database: the previous
    test's were rolled back without a signal, so the values a process keeps (portal/versioned.py) are dropped."""
    from portal.versioned import forget_all

    forget_all()


def _elasticsearch_answers(url):
    try:
        health = Elasticsearch([url], timeout=5, max_retries=0).cluster.health(
            wait_for_status="yellow", request_timeout=5
        )
    except (ElasticsearchException, OSError):
        return False
    return health["status"] in ("green", "yellow")


@pytest.fixture(scope="session")
def elasticsearch_url():
    """The URL of a real Elasticsearch node whose cluster is at least yellow (ELASTICSEARCH_URL)."""
    url = settings.ELASTICSEARCH_URL
    require_service("Elasticsearch", bool(url) and _elasticsearch_answers(url), ES_HOW_TO_START)
    return url


REDIS_HOW_TO_START = "`make test` starts it; for a single test run `scripts/redis.sh start` (REDIS_PORT, default 6379)"


@pytest.fixture
def redis_url():
    """A Redis database of this test process, emptied: the cache's own when CACHE_URL is Redis (as in
    `make test`), else database 15 on 127.0.0.1:$REDIS_PORT."""
    import redis

    cache = settings.CACHES["default"]
    if cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        url = cache["LOCATION"]
    else:
        url = f"redis://127.0.0.1:{os.environ.get('REDIS_PORT', '6379')}/15"
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.flushdb()
    except redis.RedisError:
        require_service("Redis", False, REDIS_HOW_TO_START)
    yield url
    client.flushdb()
    client.close()


@pytest.fixture(scope="session")
def production_static_root(tmp_path_factory):
    """Static files collected once under production settings (hashed names, compressed), for gunicorn tests."""
    from tests.production_server import collect_static, production_environment

    root = tmp_path_factory.mktemp("production-static")
    collect_static(production_environment(static_root=root, cache_url="locmemcache://collectstatic"))
    return root


@pytest.fixture(autouse=True)
def _elasticsearch_marker(request):
    """Tests marked `elasticsearch` need the real node: skip locally without it, fail in CI."""
    if request.node.get_closest_marker("elasticsearch"):
        request.getfixturevalue("elasticsearch_url")


def _uses_database(item):
    fixtures = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or any(
        name in fixtures for name in ("db", "transactional_db", "django_db_setup")
    )


def _refresh_first(read):
    def refresh_then_read(results, *args, **kwargs):
        results.backend.get_index_for_model(results.query_compiler.queryset.model).refresh()
        return read(results, *args, **kwargs)

    return refresh_then_read


@pytest.fixture(scope="session", autouse=True)
def _wagtail_search_indexes(request):
    """With Elasticsearch as Wagtail's search backend: real indexes, and searches that see every write.

    Wagtail writes documents without creating the index first; Elasticsearch would then guess a mapping
    on the first write and later searches fail, so `update_index` puts the real mappings once. Elasticsearch
    makes writes searchable only at its next refresh (about a second later); a test that saves and then
    searches must not depend on timing, so each search and count refreshes its index first.
    """
    if not settings.ELASTICSEARCH_URL or not _elasticsearch_answers(settings.ELASTICSEARCH_URL):
        yield
        return
    # A run of database-free tests only (tests/unit/… alone) gets no test database to index.
    if not any(_uses_database(item) for item in request.session.items):
        yield
        return
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchResults

    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.MonkeyPatch.context() as patch:
        for method in ("_backend_do_search", "_do_count"):
            patch.setattr(
                ElasticsearchBaseSearchResults, method, _refresh_first(getattr(ElasticsearchBaseSearchResults, method))
            )
        yield
