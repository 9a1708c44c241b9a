"""Checks behind /healthz. Each returns a small dict with a ``status`` ("ok" or "fail"); none raises.

The core checks the database (reachable and accepting writes) and the cache; apps register their own in
``AppConfig.ready()``::

    health.register("search", engine_health, required=False)

A failing required check fails the site (503); a failing optional one makes it "degraded". Anonymous callers
get the statuses only (``public_report``); staff and callers with ``HEALTHZ_TOKEN`` see the details (vendor,
engine, error class).
"""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction


class _ProbeDone(Exception):
    """Raised inside the write probe's savepoint so that nothing it wrote is kept."""


def _postgresql_read_only(cursor):
    """A hot standby or a read-only transaction default refuses every write; both are cheap to ask."""
    cursor.execute("SELECT current_setting('transaction_read_only'), pg_is_in_recovery()")
    read_only, in_recovery = cursor.fetchone()
    return read_only == "on" or in_recovery


def _write_probe():
    """Create a table in a savepoint and roll it back: fails when the database file cannot be written."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE TABLE healthz_probe_{uuid.uuid4().hex[:12]} (id integer)")
            raise _ProbeDone
    except _ProbeDone:
        return


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
            if connection.vendor == "postgresql" and _postgresql_read_only(cursor):
                return {"status": "fail", "error": "read-only", "vendor": connection.vendor}
        if connection.vendor != "postgresql":
            _write_probe()
    except Exception as exc:  # noqa: BLE001 - any failure means the database is unusable
        return {"status": "fail", "error": exc.__class__.__name__, "vendor": connection.vendor}
    return {"status": "ok", "vendor": connection.vendor, "writable": True}


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


def public_report(report):
    """The report without details: which database, engine or error is behind a check is not for everyone."""
    return {
        "status": report["status"],
        "checks": {name: {"status": result["status"]} for name, result in report["checks"].items()},
    }
