"""Test settings: fast hashing, captured e-mail, immediate tasks, search indexes of each pytest-xdist worker."""

import os

from .base import *  # noqa: F403
from .base import CACHES, ELASTICSEARCH_INDEX_PREFIX, WAGTAILSEARCH_BACKENDS, env

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="test-only-insecure-key")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Tests change the database between requests without always sending signals; page-cache tests turn it on.
PAGE_CACHE_SECONDS = 0

# pytest-xdist runs the tests in worker processes gw0, gw1, … at once. pytest-django gives each worker a test
# database of its own; the worker's id in the Elasticsearch index prefix does the same for every index (Wagtail's
# and the product alias), so no worker sees or deletes another's documents. PYTEST_XDIST_WORKER is set by
# pytest-xdist itself, never by hand, hence not read through `env`.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WORKER:
    ELASTICSEARCH_INDEX_PREFIX = f"{ELASTICSEARCH_INDEX_PREFIX}_{_XDIST_WORKER}"
    if "INDEX_PREFIX" in WAGTAILSEARCH_BACKENDS["default"]:
        WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"{ELASTICSEARCH_INDEX_PREFIX}_"
    # A Redis cache (CACHE_URL, as `make test` sets it, database N): database N+1 for gw0, N+2 for gw1, … so that
    # one worker's cache.clear() empties no other worker's cache (N stays for single-process runs). Two runs at
    # once on one Redis (several checkouts) stay apart when their CACHE_URLs name databases far enough apart.
    if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        _location, _database = CACHES["default"]["LOCATION"].rsplit("/", 1)
        _base = int(_database) if _database.isdigit() else 0
        CACHES["default"]["LOCATION"] = f"{_location}/{(_base + int(_XDIST_WORKER.removeprefix('gw')) + 1) % 16}"
