"""Where a rendered page's time goes: warm requests in one process, timed, counted and profiled.

    .venv/bin/python bench/profile_pages.py                    # every public page of bench/pages.py
    .venv/bin/python bench/profile_pages.py category search    # only these
    BENCH_PROFILE_TOP=40 .venv/bin/python bench/profile_pages.py home

Builds the demo site of bench/pages.py once in BENCH_WORKDIR (default: bench-profile-pages in the temporary
directory, kept between runs; delete it to rebuild), then loads the production settings in this process with
PAGE_CACHE_SECONDS=0 and, per page, through Django's test client (no HTTP, no gunicorn): 10 warm-up requests,
the median of BENCH_REQUESTS timed requests (default 30; wall-clock and the process's CPU time, which a busy
machine stretches less) with the number of database queries, and cProfile over as many more, printing the
BENCH_PROFILE_TOP functions (default 25) by own time and by cumulative time (and writing ``<page>.prof`` into
BENCH_PROFILE_DIR when set, for ``pstats``; BENCH_PROFILE_SQL=1 prints the statements of one warm request).
With BENCH_ELASTICSEARCH_URL the site searches with that Elasticsearch node (its own workdir,
bench-profile-pages-es, and indexes named bench_profile_*, both kept between runs).
Nothing is asserted.
"""

import contextlib
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402 (bench/harness.py: the site's environment, building it)
import pages  # noqa: E402 (bench/pages.py: the public pages measured)

ELASTICSEARCH_URL = os.environ.get("BENCH_ELASTICSEARCH_URL", "")
WORKDIR = Path(
    os.environ.get("BENCH_WORKDIR")
    or Path(tempfile.gettempdir()) / ("bench-profile-pages-es" if ELASTICSEARCH_URL else "bench-profile-pages")
)
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
TOP = int(os.environ.get("BENCH_PROFILE_TOP", "25"))
SAVE_TO = os.environ.get("BENCH_PROFILE_DIR", "")
SHOW_SQL = os.environ.get("BENCH_PROFILE_SQL", "") == "1"


def measure(name, path, get, connection):
    """Warm-up, timed, counted and profiled requests of ``get(path)``; prints the profile and returns
    ``(name, path, median ms, median CPU ms, queries)``."""
    for _ in range(10):
        get(path)
    times, cpu_times = [], []
    for _ in range(REQUESTS):
        started, cpu_started = time.perf_counter(), time.process_time()
        get(path)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
    queries = []

    def counted(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        get(path)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(REQUESTS):
        get(path)
    profile.disable()
    if SAVE_TO:
        profile.dump_stats(Path(SAVE_TO) / f"{name}.prof")
    wall, cpu = statistics.median(times), statistics.median(cpu_times)
    print(f"\n===== {name} {path}: median {wall:.1f} ms ({cpu:.1f} ms CPU), {len(queries)} queries =====")
    if SHOW_SQL:
        for number, sql in enumerate(queries, 1):
            print(f"  [{number}] {sql[:300]}")
    for order in ("tottime", "cumulative"):
        pstats.Stats(profile, stream=sys.stdout).strip_dirs().sort_stats(order).print_stats(TOP)
    return name, path, wall, cpu, len(queries)


def prepare(**overrides):
    """The demo site in WORKDIR (built on the first run), its production settings loaded in this process."""
    WORKDIR.mkdir(parents=True, exist_ok=True)
    if ELASTICSEARCH_URL:
        overrides = {"ELASTICSEARCH_URL": ELASTICSEARCH_URL, "ELASTICSEARCH_INDEX_PREFIX": "bench_profile", **overrides}
    env = harness.environment(WORKDIR, PAGE_CACHE_SECONDS="0", **overrides)
    if not (WORKDIR / "built").exists():
        print(f"building the demo site in {WORKDIR}", flush=True)
        harness.build_site(env)
        (WORKDIR / "built").touch()
    os.environ.update(env)
    sys.path.insert(0, str(harness.ROOT))

    import django

    django.setup()


def print_summary(summary):
    print(f"\n{'page':<20} {'path':<50} {'median ms':>10} {'CPU ms':>8} {'queries':>8}")
    for name, path, wall, cpu, count in summary:
        print(f"{name:<20} {path[:50]:<50} {wall:>10.1f} {cpu:>8.1f} {count:>8}")
    print(f"load average: {os.getloadavg()[0]:.2f}")


def main():
    wanted = set(sys.argv[1:])
    prepare()
    from django.db import connection
    from django.test import Client

    listed = io.StringIO()
    with contextlib.redirect_stdout(listed):
        exec(pages.PAGE_URLS, {})  # noqa: S102 (the bench's own page list)
    listed_urls = harness.listed_pages(listed.getvalue())
    urls = {name: path for name, path in listed_urls.items() if not wanted or name in wanted}
    client = Client(HTTP_HOST="127.0.0.1")

    def get(path):
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")

    print_summary([measure(name, path, get, connection) for name, path in urls.items()])


if __name__ == "__main__":
    main()
