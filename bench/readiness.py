"""Readiness benchmark: what the "ready for" facet costs the index. Builds the search benchmark's synthetic
catalogue (20,000 public products unless --products), loads the demo's readiness rules (TH, MY, ID, VN, SG), and
prints the time to build every index document with and without the rules, and the checklists per second.

    .venv/bin/python bench/readiness.py                    # SQLite (temporary file)
    .venv/bin/python bench/readiness.py --products 100000
    DATABASE_URL=postgres://portal:portal-test-only@127.0.0.1:5432/portal .venv/bin/python bench/readiness.py

Works in a throw-away database created and dropped here (bench/search.py's `make_database`).
"""

import argparse
import importlib.util
import io
import random
import time
from pathlib import Path

SEARCH_BENCH = Path(__file__).resolve().parent / "search.py"
spec = importlib.util.spec_from_file_location("bench_search", SEARCH_BENCH)
bench_search = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_search)  # sets up Django with the benchmark's settings

from django.db import connection  # noqa: E402


def build_documents():
    from search import sources

    started = time.perf_counter()
    count = sum(1 for _document in sources.iter_documents())
    return count, time.perf_counter() - started


def main():
    from catalog.readiness import demo, selectors
    from catalog.readiness.models import Rule
    from catalog.showcase.models import Product

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=20_000, help="how many products (default 20,000)")
    count = parser.parse_args().products
    vendor = connection.vendor
    drop = bench_search.make_database()
    try:
        bench_search.make_catalogue(random.Random(bench_search.SEED), count)
        built, without = build_documents()
        print(f"[{vendor}] {built} documents without readiness rules: {without:.2f} s ({built / without:,.0f}/s)")
        demo.seed(stdout=io.StringIO())
        rules = Rule.objects.count()
        built, with_rules = build_documents()
        print(
            f"[{vendor}] {built} documents with {rules} rules: {with_rules:.2f} s ({built / with_rules:,.0f}/s), "
            f"readiness adds {1000 * (with_rules - without) / built:.3f} ms per product"
        )
        ids = list(Product.objects.values_list("pk", flat=True)[:2000])
        started = time.perf_counter()
        lists = selectors.checklists(ids)
        elapsed = time.perf_counter() - started
        markets = sum(len(per_product) for per_product in lists.values())
        print(f"[{vendor}] checklists of one batch: {len(ids)} products × markets = {markets} in {elapsed:.2f} s")
    finally:
        drop()


if __name__ == "__main__":
    main()
