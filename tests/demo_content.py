"""The demo content (`manage.py seed_demo`, or one demo module's) for tests: seeded once per test process, copied
back afterwards.

Seeding takes one to two minutes on the 2-core machine (Wagtail copies and publishes about 190 translated pages,
each save indexed and referenced), and some twenty tests start from the demo. On PostgreSQL the first of them in
a process seeds as before; then every table's rows (COPY, binary) and the media files the seed wrote are kept
in the process. Each later test gets them back in a few seconds: every table emptied and filled again in one
transaction, the sequences moved past the copied ids, the media files copied into its own media roots, the
product index and Wagtail's site-search index rebuilt, and what the process keeps between requests forgotten. On
another database (SQLite) every test seeds. The home demo alone (`load_demo("portal.home.demo")`, half a minute)
is kept the same way.

The demo is seeded from the migrated database with the on-commit callbacks run (as in production, where the seed
commits), whether the test is transactional or not, so that every test gets the same content.
"""

import atexit
import importlib
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase

from portal.versioned import forget_all


@dataclass(frozen=True)
class Snapshot:
    tables: tuple  # (quoted table name, COPY binary data)
    sequences: tuple  # (quoted table name, quoted column, sequence name)
    files: Path  # media/ and private/ as the seed left them


_SNAPSHOTS = {}  # per demo module (None: the whole `seed_demo`), in this process


def load_demo(module=None):
    """Give the current test the demo content, as `seed_demo` (or the ``seed`` of the demo module named) on the
    migrated database would."""
    if connection.vendor != "postgresql":
        _seed(module)
        return
    if module in _SNAPSHOTS:
        _restore(_SNAPSHOTS[module])
        return
    _seed(module)
    _SNAPSHOTS[module] = _capture()


def _seed(module):
    with TestCase.captureOnCommitCallbacks(execute=True):
        if module is None:
            call_command("seed_demo", stdout=io.StringIO())
        else:
            importlib.import_module(module).seed(stdout=io.StringIO())


def _media_roots():
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def _capture():
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'django_migrations'"
            " ORDER BY tablename"
        )
        names = [name for (name,) in cursor.fetchall()]
        cursor.execute(
            "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name)"
            " FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND (is_identity = 'YES' OR column_default LIKE 'nextval(%%')"
        )
        sequences = tuple(
            (quote(table), quote(column), sequence) for table, column, sequence in cursor.fetchall() if sequence
        )
    raw = connection.connection
    tables = []
    for name in names:
        with raw.cursor() as cursor, cursor.copy(f"COPY {quote(name)} TO STDOUT (FORMAT binary)") as copy:
            tables.append((quote(name), b"".join(bytes(block) for block in copy)))
    files = Path(tempfile.mkdtemp(prefix="demo-content-"))
    atexit.register(shutil.rmtree, files, ignore_errors=True)
    for name, root in _media_roots().items():
        if root.exists():
            shutil.copytree(root, files / name)
    return Snapshot(tables=tuple(tables), sequences=sequences, files=files)


def _restore(snapshot):
    with transaction.atomic():
        with connection.cursor() as cursor:
            # The test's own writes check their deferred foreign keys now: PostgreSQL truncates no table with
            # checks pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("TRUNCATE " + ", ".join(table for table, _data in snapshot.tables))
        raw = connection.connection
        for table, data in snapshot.tables:
            with raw.cursor() as cursor, cursor.copy(f"COPY {table} FROM STDIN (FORMAT binary)") as copy:
                copy.write(data)
        with connection.cursor() as cursor:
            for table, column, sequence in snapshot.sequences:
                # Never backwards: ids handed out since the seed must not come again.
                cursor.execute(
                    f"SELECT setval(%s, GREATEST((SELECT COALESCE(MAX({column}), 1) FROM {table}),"
                    f" (SELECT last_value FROM {sequence})))",
                    [sequence],
                )
    for name, root in _media_roots().items():
        if (snapshot.files / name).exists():
            shutil.copytree(snapshot.files / name, root, dirs_exist_ok=True)
    cache.clear()
    forget_all()
    if settings.ELASTICSEARCH_URL:
        call_command("search_rebuild", "--no-progress", stdout=io.StringIO())
    if "elasticsearch" in settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]:
        # Wagtail's site search: other tests of the worker may have rebuilt its index since the seed.
        call_command("update_index", "--backend", "default", stdout=io.StringIO(), stderr=io.StringIO())
