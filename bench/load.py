"""Mixed traffic with wrk over gunicorn: home, program, product, category, search page and search API.

    .venv/bin/python bench/load.py                  # pages rendered on every request, Elasticsearch
    BENCH_SECONDS=10 .venv/bin/python bench/load.py

Builds the same throw-away site as bench/pages.py (production settings, SQLite file unless DATABASE_URL names an
empty, disposable database, the demo content) with Elasticsearch (ELASTICSEARCH_URL, default
http://127.0.0.1:9200; indices prefixed `bench_load_<pid>`, deleted at the end) and PAGE_CACHE_SECONDS=0 unless
set, starts gunicorn with BENCH_WORKERS workers (default 2) and runs wrk (Debian package `wrk`,
scripts/system-packages.sh):

* mixed: every URL in turn from each connection, at 8 and at 32 connections: requests/s, p50/p95/p99;
* per URL: each URL alone at 8 connections: requests/s, p50/p95/p99.

With each run the CPU time it cost per request: gunicorn's (master and workers, from /proc) and wrk's, so that
the rate two cores can give is the figure to compare with (2,000 ms of CPU per second ÷ the CPU ms per request).
wrk runs on the same two cores as the server. Prints the figures; nothing is asserted.
"""

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402 (bench/harness.py: the site's environment, building it, gunicorn)
import pages  # noqa: E402 (bench/pages.py: the same public pages and client)

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = (8, 32)
THREADS = 2
EXTRA_URLS = """
print("page api", "/api/v1/products/search?q=tea&locale=en")
"""
# wrk: each connection walks the URL list; latency percentiles printed by done().
MIXED_LUA = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%.1f %%.2f %%.2f %%.2f %%d %%d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests))
end
"""


def tree_cpu_seconds(pid):
    """User and system CPU seconds of process ``pid`` and its children (gunicorn's master and workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(server, paths, connections, workdir):
    """A wrk run with the server's and wrk's CPU milliseconds per request."""
    server_before, client_before = tree_cpu_seconds(server.pid), children_cpu_seconds()
    figures = wrk(paths, connections, workdir)
    server_cpu, client_cpu = tree_cpu_seconds(server.pid) - server_before, children_cpu_seconds() - client_before
    count = max(1, figures[-1])
    return (*figures, server_cpu * 1000 / count, client_cpu * 1000 / count)


def wrk(paths, connections, workdir):
    script = workdir / "mixed.lua"
    script.write_text(MIXED_LUA % ", ".join(f'"{path}"' for path in paths))
    output = subprocess.run(  # noqa: S603 (wrk from Debian, fixed arguments)
        [
            shutil.which("wrk"),
            f"-t{min(THREADS, connections)}",
            f"-c{connections}",
            f"-d{SECONDS}s",
            "--timeout=10s",
            f"--script={script}",
            pages.BASE,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate, p50, p95, p99, errors, count = re.search(r"RESULT (\S+) (\S+) (\S+) (\S+) (\d+) (\d+)", output).groups()
    return float(rate), float(p50), float(p95), float(p99), int(errors), int(count)


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: scripts/system-packages.sh installs it (Debian package wrk)")
    os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
    os.environ.setdefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = f"bench_load_{os.getpid()}"
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = harness.environment(workdir, ELASTICSEARCH_URL=os.environ["ELASTICSEARCH_URL"])
    results = []
    try:
        print(f"[1/3] migrate, seed demo content (search index rebuilt), collect static files in {workdir}", flush=True)
        harness.build_site(env)
        urls = harness.listed_pages(harness.manage(env, "shell", "-c", pages.PAGE_URLS + EXTRA_URLS, capture=True))
        print(f"[2/3] gunicorn with {pages.WORKERS} workers on {pages.BASE}", flush=True)
        with harness.gunicorn(env, port=pages.PORT, workers=pages.WORKERS) as server:
            for _ in range(pages.WORKERS * 3):
                for path in urls.values():
                    pages.fetch(path)
            print(f"[3/3] wrk, {SECONDS} s per run", flush=True)
            for connections in CONNECTIONS:
                label = f"mixed, {connections} connections"
                results.append((label, measured(server, list(urls.values()), connections, workdir)))
            for name, path in urls.items():
                results.append((f"{name} alone, 8 connections", measured(server, [path], 8, workdir)))
    finally:
        harness.delete_indices(os.environ["ELASTICSEARCH_URL"], os.environ["ELASTICSEARCH_INDEX_PREFIX"])
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print(
        f"PAGE_CACHE_SECONDS={os.environ['PAGE_CACHE_SECONDS']}, {pages.WORKERS} gunicorn workers"
        f" {' '.join(harness.GUNICORN_ARGS) or '(sync, as in production)'}, URLs: {urls}"
    )
    print(
        f"{'run':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'requests':>9}"
        f" {'server CPU ms/req':>18} {'wrk CPU ms/req':>15}"
    )
    for label, (rate, p50, p95, p99, errors, count, server_ms, client_ms) in results:
        print(
            f"{label:<34} {rate:>8.0f} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {errors:>7} {count:>9}"
            f" {server_ms:>18.2f} {client_ms:>15.2f}"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
