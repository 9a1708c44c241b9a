"""Checks behind /healthz. Each returns a small dict; none raises."""

import uuid

from django.core.cache import cache
from django.db import connection

from search.engine import engine_health


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means the database is unusable
        return {"status": "fail", "error": exc.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=5)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        return {"status": "fail", "error": exc.__class__.__name__}
    return {"status": "ok" if ok else "fail"}


def check_all():
    """Database and cache are required; the search engine may be down (searches fall back to the database)."""
    checks = {"database": check_database(), "cache": check_cache(), "search": engine_health()}
    if any(checks[name]["status"] == "fail" for name in ("database", "cache")):
        status = "fail"
    elif checks["search"]["status"] != "ok":
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, "checks": checks}
