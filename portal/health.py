"""Checks behind /healthz. Each returns a small dict with a ``status`` ("ok" or "fail"); none raises.

The core checks the database and the cache; apps register their own in ``AppConfig.ready()``::

    health.register("search", engine_health, required=False)

A failing required check fails the site (503); a failing optional one makes it "degraded".
"""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection


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


@dataclass(frozen=True)
class Check:
    function: object
    required: bool


_CHECKS = {"database": Check(check_database, required=True), "cache": Check(check_cache, required=True)}


def register(name, function, *, required):
    """Add a check; ``required=False`` when the site still serves pages without it (degraded)."""
    _CHECKS[name] = Check(function, required=required)


def check_all():
    """Every registered check: "fail" when a required one fails, "degraded" when only optional ones do."""
    checks = {name: check.function() for name, check in _CHECKS.items()}
    failed = [name for name, result in checks.items() if result["status"] != "ok"]
    if any(_CHECKS[name].required for name in failed):
        status = "fail"
    elif failed:
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, "checks": checks}
