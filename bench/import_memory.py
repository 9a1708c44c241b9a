"""Peak memory of reading a product file for import (catalog.showcase.imports.read_rows), each case in a fresh
process, so one case's memory never counts for the next.

    .venv/bin/python bench/import_memory.py

Cases:

* ``xlsx-5000``: a valid XLSX of 5,000 products (the row limit), read as the import reads it (read-only,
  streaming);
* ``xlsx-5000-full``: the same file loaded the way the import loaded it before (``read_only=False``), for
  comparison;
* ``xlsx-bomb``: a small XLSX whose parts expand to about 200 MB (a padding entry of zeros, as in the issue's
  529 KB file), which the import refuses from the archive's directory before opening it;
* ``csv-5000``: the same 5,000 products as CSV.

Each file is built by the parent process and read by a fresh child. Prints the file size, the child's peak
resident memory (VmHWM) before and after the read, and the answer (rows read, or the report's first
message). Nothing is asserted.
"""

import csv
import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ["xlsx-5000", "xlsx-5000-full", "xlsx-bomb", "csv-5000"]
COLUMNS = [
    "sku",
    "name_zh_hant",
    "name_en",
    "description_zh_hant",
    "description_en",
    "category",
    "price_twd",
    "moq",
    "unit",
    "hs_code",
]


def rows(limit=5000):
    for n in range(limit):
        yield [
            f"SKU-{n:05d}",
            f"鳳梨酥 {n}",
            f"Pineapple cake {n}",
            "香甜可口的土鳳梨酥。" * 5,
            "Sweet pineapple cake with a buttery crust. " * 5,
            "food-beverage/snacks",
            "120",
            "50",
            "box",
            "190590",
        ]


def xlsx_bytes(limit=5000):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(COLUMNS)
    for values in rows(limit):
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build(case):
    if case.startswith("xlsx-5000"):
        return xlsx_bytes()
    if case == "xlsx-bomb":
        buffer = io.BytesIO(xlsx_bytes(limit=10))
        with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr("xl/media/padding.bin", b"\0" * (200 * 1024 * 1024))
        return buffer.getvalue()
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    writer.writerows(rows())
    return text.getvalue().encode()


def peak_mb():
    """The process's peak resident memory (VmHWM: unlike ru_maxrss it starts afresh at exec)."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024


def measure(case, path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    from catalog.showcase import imports

    translation.activate("en")
    data = Path(path).read_bytes()
    if case == "xlsx-5000-full":
        original = imports.load_workbook
        imports.load_workbook = lambda file, **kwargs: original(file, **{**kwargs, "read_only": False})
    before = peak_mb()
    started = time.perf_counter()
    try:
        answer = f"{len(imports.read_rows(data))} rows"
    except imports.ProductImportError as error:
        answer = f"refused: {error.errors[0].message}"
    elapsed = time.perf_counter() - started
    print(
        f"| {case} | {len(data) / 1024:,.0f} KB | {before:,.0f} MB | {peak_mb():,.0f} MB | {elapsed:.2f} s | {answer} |"
    )


def main():
    if len(sys.argv) == 3:
        measure(sys.argv[1], sys.argv[2])
        return
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load: {os.getloadavg()}")
    print("| case | file | peak RSS before reading | peak RSS after | time | answer |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as workdir:
        for case in CASES:
            path = Path(workdir) / case
            path.write_bytes(build(case))
            # The file is built here, so the measuring process only ever holds what the import reads.
            subprocess.run([sys.executable, __file__, case, str(path)], cwd=ROOT, check=True)  # noqa: S603


if __name__ == "__main__":
    main()
