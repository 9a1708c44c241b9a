"""Search benchmark: synthetic public products (20,000 unless --products), bulk indexing rate, query p50/p95
per engine, with the trade glossary loaded into the synonym sets (queries expand as buyers' queries do).

    .venv/bin/python bench/search.py                       # SQLite (temporary file) + Elasticsearch
    .venv/bin/python bench/search.py --products 100000
    DATABASE_URL=postgres://portal:portal-test-only@127.0.0.1:5432/portal .venv/bin/python bench/search.py

On PostgreSQL the database backend is then measured a second time on SQLite (the same catalogue, in a second
process with a temporary SQLite file and no Elasticsearch), so one run prints the fallback's figures for both
database engines; `--no-sqlite` leaves that out.

Works in a throw-away database (`bench_search_<pid>`, or a temporary SQLite file) created and dropped here, and in
Elasticsearch indices prefixed `bench_` that are deleted at the end. Without ELASTICSEARCH_URL only the
database backend is measured (the default ELASTICSEARCH_URL here is http://127.0.0.1:9200; pass "" to skip).
"""

import argparse
import contextlib
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
os.environ["ELASTICSEARCH_INDEX_PREFIX"] = f"bench_{os.getpid()}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

PRODUCTS = 20_000
QUERIES = 200
# Searches run before the measured ones (connections opened, caches filled).
WARM_UP = 20
SEED = 20261127

LANGUAGES = ("zh-hant", "en", "th", "ms", "id", "vi")
# (zh-hant, en, th, ms, id, vi): products are named in the first four; id and vi queries use glossary words.
WORDS = [
    ("鳳梨酥", "pineapple cake", "ขนมพายสับปะรด", "kek nanas", "kue nanas", "bánh dứa"),
    ("烏龍茶", "oolong tea", "ชาอูหลง", "teh oolong", "teh oolong", "trà ô long"),
    ("珍珠奶茶", "bubble tea", "ชานมไข่มุก", "teh susu mutiara", "teh boba", "trà sữa trân châu"),
    ("辣椒醬", "chili sauce", "ซอสพริก", "sos cili", "saus sambal", "tương ớt"),
    ("面膜", "face mask", "มาสก์หน้า", "topeng muka", "masker wajah", "mặt nạ"),
    ("筆記本", "notebook", "สมุดโน้ต", "buku nota", "buku catatan", "sổ tay"),
    ("自行車車架", "bicycle frame", "เฟรมจักรยาน", "rangka basikal", "rangka sepeda", "khung xe đạp"),
    ("芒果乾", "dried mango", "มะม่วงอบแห้ง", "mangga kering", "mangga kering", "xoài sấy"),
    ("牛軋糖", "nougat", "ตังเม", "nougat", "permen nougat", "kẹo nougat"),
    ("保溫瓶", "vacuum flask", "กระติกน้ำร้อน", "termos", "termos", "bình giữ nhiệt"),
]
ADJECTIVES = [
    ("手工", "handmade", "ทำมือ", "buatan tangan", "buatan tangan", "thủ công"),
    ("有機", "organic", "ออร์แกนิก", "organik", "organik", "hữu cơ"),
    ("經典", "classic", "คลาสสิก", "klasik", "klasik", "cổ điển"),
    ("清真", "halal", "ฮาลาล", "halal", "halal", "halal"),
    ("禮盒", "gift box", "กล่องของขวัญ", "kotak hadiah", "kotak hadiah", "hộp quà"),
]
# Typed with a typo (Latin) or in Simplified Chinese: one query in ten.
VARIANTS = ["oolonng tea", "pinapple cake", "凤梨酥", "乌龙茶", "自行车车架", "basikal carbon frame", "bicycle light"]
CATEGORIES = [
    "food-beverage/pastries",
    "food-beverage/tea",
    "food-beverage/sauces",
    "food-beverage/snacks",
    "beauty/skincare",
    "stationery/notebooks",
    "sports/bicycle-parts",
    "home/kitchen",
]


def make_database():
    """Create and migrate the throw-away database; returns a callable that drops it."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["TEST"]["NAME"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    else:
        database["TEST"]["NAME"] = f"bench_search_{os.getpid()}"
    old_name = database["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return lambda: connection.creation.destroy_test_db(old_name, verbosity=0)


def make_catalogue(rng, count):
    from catalog.showcase.models import Certificate, CertificateType, Product, ProductCategory
    from portal.companies.models import Company
    from portal.markets import ASEAN, District

    categories = {}
    for path in CATEGORIES:
        parent = None
        for depth, slug in enumerate(path.split("/")):
            current = "/".join(path.split("/")[: depth + 1])
            parent, _ = ProductCategory.objects.get_or_create(
                path=current, defaults={"parent": parent, "slug": slug, "name_zh_hant": slug, "name_en": slug}
            )
        categories[path] = parent
    now = timezone.now()
    companies = Company.objects.bulk_create(
        Company(
            name_zh=f"台北公司{i}",
            name_en=f"Taipei Company {i}",
            ubn=f"{10_000_000 + i}",
            address="臺北市",
            district=rng.choice(District.values),
            industry="food",
            verified_at=now,
        )
        for i in range(400)
    )
    today = timezone.localdate()
    certificates = Certificate.objects.bulk_create(
        Certificate(
            company=company,
            certificate_type=rng.choice(CertificateType.values[:6]),
            issuer="JAKIM",
            number=f"C{company.pk}",
            valid_from=today - datetime.timedelta(days=10),
            valid_until=today + datetime.timedelta(days=rng.choice([-1, 400])),
        )
        for company in companies
    )
    by_company = {certificate.company_id: certificate for certificate in certificates}
    products = []
    for i in range(count):
        word, adjective = rng.choice(WORDS), rng.choice(ADJECTIVES)
        company = rng.choice(companies)
        products.append(
            Product(
                company=company,
                sku=f"B{i:06d}",
                name_zh_hant=f"{adjective[0]}{word[0]} {i}",
                name_en=f"{adjective[1].title()} {word[1]} {i}",
                name_th=f"{word[2]}{adjective[2]}" if i % 3 == 0 else "",
                name_ms=f"{word[3].title()} {adjective[3]}" if i % 4 == 0 else "",
                description_zh_hant=f"台北製造的{word[0]}，品質保證。",
                description_en=f"{word[1].title()} made in Taipei, {adjective[1]}.",
                category=categories[rng.choice(CATEGORIES)],
                price_twd=Decimal(rng.randint(30, 20_000)),
                moq=rng.choice([1, 10, 50, 100, 500]),
                hs_code="190590",
                ships_to=rng.sample(ASEAN, k=rng.randint(1, 4)),
                sample_available=rng.random() < 0.3,
                live=True,
            )
        )
    products = Product.objects.bulk_create(products, batch_size=1000)
    through = Product.certificates.through
    through.objects.bulk_create(
        [
            through(product_id=product.pk, certificate_id=by_company[product.company_id].pk)
            for product in products
            if rng.random() < 0.5
        ],
        batch_size=1000,
    )


def make_queries(rng):
    from portal.markets import ASEAN
    from search.selectors import build_filters

    queries = []
    for i in range(QUERIES):
        language_index = i % len(LANGUAGES)
        language = LANGUAGES[language_index]
        word = rng.choice(WORDS)[language_index]
        kind = i % 5
        text = "" if kind == 4 else (word if kind != 3 else f"{rng.choice(ADJECTIVES)[language_index]} {word}")
        if i % 10 == 9:
            text = rng.choice(VARIANTS)
        filters = build_filters(
            category=rng.choice(["", "", "food-beverage", rng.choice(CATEGORIES)]),
            certifications=rng.choice([[], [], ["HALAL"], ["MIT", "ORGANIC"]]),
            markets=rng.choice([[], [rng.choice(ASEAN)]]),
            price_max=rng.choice(["", "", "1000"]),
        )
        sort = rng.choice(["relevance", "relevance", "newest", "price_asc"])
        queries.append(
            {"query": text, "filters": filters, "sort": sort, "page": rng.choice([1, 1, 1, 2]), "locale": language}
        )
    return queries


class Phases:
    """Times the parts of each Elasticsearch search, to split the selector's own time (selector − `took`):

    outside the backend  the selector's own work: cleaning and folding the text, its synonym alternatives,
                         the facet labels
    in the backend       the request body (kept per query) and reading the hits, highlights and counts
    the client's call    beyond `took`: the HTTP round trip, the node's work outside `took` (reading the
                         request, writing the response) and decoding the JSON
    """

    def __init__(self):
        from search.backends import elasticsearch
        from search.engine import get_client

        self.backend, self.client, self.requests = [], [], []
        self._module, self._client = elasticsearch, get_client()
        self._search, self._client_search = elasticsearch.search, self._client.search

    def _timed(self, function, into, requests=None):
        def timed(*args, **kwargs):
            if requests is not None:
                requests.append(kwargs)
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                into.append((time.perf_counter() - started) * 1000)

        return timed

    def __enter__(self):
        self._module.search = self._timed(self._search, self.backend)
        self._client.search = self._timed(self._client_search, self.client, self.requests)
        return self

    def __exit__(self, *exc_info):
        self._module.search = self._search
        del self._client.search


def replay(requests, warm_up):
    """The selector's search requests sent again as they were, over one kept-alive socket with no client library:
    (round trip, `took`) per request, in ms, decoding left out. The node's request cache is cleared first and the
    first `warm_up` requests sent untimed, as measure() warms up, so the same requests hit and miss it. What is
    left between round trip and `took` is the node's work outside `took` (reading the request, writing the
    response), the loopback and the truncation of `took` to whole milliseconds: no client is faster than this."""
    import http.client
    from urllib.parse import urlencode, urlsplit

    import orjson

    url = urlsplit(settings.ELASTICSEARCH_URL.split(",")[0].strip())
    connection = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"content-type": "application/json"}

    def send(method, path, body=b""):
        connection.request(method, path, body, headers)
        return connection.getresponse().read()

    send("POST", f"/{requests[0]['index']}/_cache/clear?request=true")
    trips = []
    for number, request in enumerate(requests[:warm_up] + requests):
        params = {"filter_path": request["filter_path"], "request_cache": str(request["request_cache"]).lower()}
        body = request["body"].encode()
        started = time.perf_counter()
        data = send("POST", f"/{request['index']}/_search?{urlencode(params)}", body)
        elapsed = (time.perf_counter() - started) * 1000
        if number >= warm_up:
            trips.append((elapsed, orjson.loads(data)["took"]))
    connection.close()
    return trips


def measure(queries, *, phases=False):
    from search.selectors import product_search

    for query in queries[:WARM_UP]:
        product_search(**query)
    timings, took, overheads, engines = [], [], [], set()
    with Phases() if phases else contextlib.nullcontext() as timed:
        for query in queries:
            started = time.perf_counter()
            results = product_search(**query)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            engines.add(results.engine)
            if results.took is not None:
                took.append(results.took)
                overheads.append(elapsed - results.took)
    quantiles = statistics.quantiles(timings, n=100)
    result = {"p50": quantiles[49], "p95": quantiles[94], "max": max(timings), "engines": engines}
    if took:
        took_quantiles = statistics.quantiles(took, n=100)
        result["took"] = (took_quantiles[49], took_quantiles[94])
        result["overhead"] = statistics.median(overheads)
    if phases and len(timed.backend) == len(timed.client) == len(timings) == len(took):
        result["phases"] = (
            statistics.median(total - backend for total, backend in zip(timings, timed.backend, strict=True)),
            statistics.median(backend - client for backend, client in zip(timed.backend, timed.client, strict=True)),
            statistics.median(client - engine for client, engine in zip(timed.client, took, strict=True)),
        )
        trips = replay(timed.requests, WARM_UP)
        result["replay"] = (statistics.median(trip for trip, _ in trips), statistics.median(took for _, took in trips))
    return result


def measure_on_sqlite(count):
    """This script once more in a child process on a temporary SQLite file without Elasticsearch."""
    with tempfile.TemporaryDirectory() as directory:
        environment = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{directory}/bench.sqlite3",
            "ELASTICSEARCH_URL": "",
        }
        command = [sys.executable, __file__, "--products", str(count), "--no-sqlite"]
        subprocess.run(command, env=environment, check=True)  # noqa: S603 (this script, fixed arguments)


def report(vendor, label, result):
    print(
        f"[{vendor}] {label} queries: p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
        f"max {result['max']:.1f} ms, answered by {sorted(result['engines'])}"
    )
    if "took" in result:
        took_p50, took_p95 = result["took"]
        # `took` is whole milliseconds: the ratio of the medians, not a median of per-query ratios.
        print(
            f"[{vendor}] {label} own `took`: p50 {took_p50:.1f} ms, p95 {took_p95:.1f} ms; "
            f"selector ÷ took (medians) {result['p50'] / max(took_p50, 1):.2f}; "
            f"the selector's own time (selector − took) median {result['overhead']:.1f} ms"
        )
    if "phases" in result:
        outside, backend, client = result["phases"]
        print(
            f"[{vendor}] {label} own time by part (medians): selector outside the backend {outside:.2f} ms, "
            f"backend outside the client {backend:.2f} ms, client call beyond `took` {client:.2f} ms"
        )
    if "replay" in result:
        trip, took = result["replay"]
        print(
            f"[{vendor}] {label} the same requests on a raw socket (no client, no decoding): round trip p50 "
            f"{trip:.1f} ms, their `took` p50 {took:.1f} ms, round trip ÷ took {trip / max(took, 1):.2f} (the floor)"
        )


def main():
    from search import glossary, indexing, services, sources
    from search.engine import get_client

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=PRODUCTS, help=f"how many products (default {PRODUCTS})")
    parser.add_argument(
        "--no-sqlite", action="store_true", help="on PostgreSQL, do not measure the database backend on SQLite too"
    )
    arguments = parser.parse_args()
    count = arguments.products
    rng = random.Random(SEED)
    vendor = connection.vendor
    drop = make_database()
    try:
        started = time.perf_counter()
        make_catalogue(rng, count)
        print(f"[{vendor}] catalogue: {count} products in {time.perf_counter() - started:.1f} s")
        concepts = glossary.read()
        services.glossary_load(concepts=concepts)
        print(f"[{vendor}] trade glossary: {len(concepts)} synonym sets")

        started = time.perf_counter()
        documents = list(sources.iter_documents())
        build = time.perf_counter() - started
        print(f"[{vendor}] documents built from the catalogue: {len(documents)} in {build:.1f} s")

        started = time.perf_counter()
        indexing.write_entries(documents, replace_all=True)
        elapsed = time.perf_counter() - started
        print(f"[{vendor}] database search table: {len(documents) / elapsed:,.0f} products/s ({elapsed:.1f} s)")

        queries = make_queries(rng)
        client = get_client()
        if client is not None:
            started = time.perf_counter()
            name, count = indexing.rebuild_index(client, iter(documents))
            elapsed = time.perf_counter() - started
            print(f"[{vendor}] elasticsearch bulk rebuild: {count / elapsed:,.0f} products/s ({elapsed:.1f} s)")
            print(f"[{vendor}] full zero-downtime rebuild incl. reading the catalogue: {elapsed + build:.1f} s")
            result = measure(queries, phases=True)
            report(vendor, "elasticsearch", result)
            settings.ELASTICSEARCH_URL = ""
        result = measure(queries)
        report(vendor, "database backend", result)
    finally:
        if os.environ.get("ELASTICSEARCH_URL"):
            from elasticsearch import Elasticsearch

            Elasticsearch([os.environ["ELASTICSEARCH_URL"]]).indices.delete(
                index=f"{os.environ['ELASTICSEARCH_INDEX_PREFIX']}_*", ignore=[404]
            )
        drop()
    if vendor != "sqlite" and not arguments.no_sqlite:
        measure_on_sqlite(arguments.products)


if __name__ == "__main__":
    main()
