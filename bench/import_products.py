"""Import benchmark: a clean 500-row CSV imported with `import_products` (published and to review).

    .venv/bin/python bench/import_products.py
    BENCH_ROWS=5000 .venv/bin/python bench/import_products.py
    DATABASE_URL=postgres://portal:portal-test-only@127.0.0.1:5432/portal .venv/bin/python bench/import_products.py

Background tasks (e-mails, search indexing queued by the catalog's signals) are only queued, with the
dummy task backend, as a worker would run them later: the figure is the import itself. The number of tasks
each import queued is printed beside it.
Works in a throw-away database (`bench_import`, or `BENCH_DATABASE`, or a temporary SQLite file) created and
dropped here.
Prints the figures; nothing is asserted.
"""

import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

QUEUE_ONLY = override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})

ROWS = int(os.environ.get("BENCH_ROWS", "500"))
PRODUCTS = [
    ("土鳳梨酥", "Native pineapple cake", "พายสับปะรด", "190590"),
    ("高山烏龍茶", "High-mountain oolong", "ชาอูหลง", "090230"),
    ("沙茶醬", "Shacha sauce", "ซอสซาเต๊ะ", "210390"),
    ("清真花生糖", "Halal peanut brittle", "ถั่วตัดฮาลาล", "200811"),
    ("保濕面膜", "Sheet mask", "มาสก์หน้า", "330499"),
]


def make_database():
    """Create and migrate the throw-away database; returns a callable that drops it."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["TEST"]["NAME"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    else:
        database["TEST"]["NAME"] = os.environ.get("BENCH_DATABASE", "bench_import")
    old_name = database["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return lambda: connection.creation.destroy_test_db(old_name, verbosity=0)


def make_csv(prefix):
    from catalog.showcase.imports import COLUMNS

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for n in range(ROWS):
        zh, en, th, hs_code = PRODUCTS[n % len(PRODUCTS)]
        writer.writerow(
            {
                "sku": f"{prefix}-{n:04d}",
                "name_zh_hant": f"{zh} {n}",
                "name_en": f"{en} {n}",
                "name_th": f"{th} {n}" if n % 3 else "",
                "description_zh_hant": f"{zh}，臺北製造。",
                "description_en": f"{en}, made in Taipei.",
                "category": "food-beverage/snacks",
                "price_twd": str(100 + n % 50),
                "moq": "20",
                "unit": "box",
                "lead_time_days": "14",
                "hs_code": hs_code,
                "ships_to": "TH;MY;SG",
                "certifications": "HALAL|JAKIM|JAKIM-BENCH|2030-12-31" if n % 4 == 0 else "",
                "sample_available": "yes" if n % 5 == 0 else "no",
                "sample_price_twd": "50" if n % 5 == 0 else "",
            }
        )
    return buffer.getvalue().encode()


@QUEUE_ONLY
def main():
    drop = make_database()
    try:
        from django_tasks import default_task_backend

        from catalog.showcase.imports import import_products
        from portal.companies.models import Company

        company = Company.objects.create(
            name_zh="基準測試食品", ubn="53000009", address="臺北市", district="xinyi", industry="food"
        )
        print(f"{connection.vendor}: {ROWS} rows")
        for label, prefix, publish in (
            ("published", "PUB", True),
            ("to review", "REV", False),
            ("re-import", "PUB", True),
        ):
            data = make_csv(prefix)
            default_task_backend.clear()
            started = time.perf_counter()
            result = import_products(company=company, data=data, publish=publish, create_categories=True)
            elapsed = time.perf_counter() - started
            print(
                f"  {label:10} {elapsed:6.2f} s  ({ROWS / elapsed:6.1f} rows/s; "
                f"{len(result.created)} created, {len(result.updated)} updated; "
                f"{len(default_task_backend.results)} task(s) queued)"
            )
    finally:
        drop()


if __name__ == "__main__":
    main()
