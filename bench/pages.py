"""Public-page benchmark: home, program, product and category pages served by gunicorn, production settings.

    .venv/bin/python bench/pages.py
    DATABASE_URL=postgres://portal:portal-test-only@127.0.0.1:5432/bench_pages .venv/bin/python bench/pages.py

Builds a throw-away site in a temporary directory (SQLite file unless DATABASE_URL is given; that database is
migrated and seeded with the demo content, so give it an empty, disposable one), collects the static files,
starts gunicorn on 127.0.0.1 with BENCH_WORKERS workers (default 2, one per core) and measures from a client
on the same machine:

* cold: the first request to each page after gunicorn started (empty caches, templates not yet compiled);
* warm: BENCH_ROUNDS sequential rounds over the pages (p50 / p95 / max per page and overall);
* throughput: BENCH_CLIENTS concurrent clients for BENCH_SECONDS seconds over the same pages (requests/s).

The product address is the canonical one (with its slug; the short form answers with a redirect). Anonymous
visitors get the page cache (portal/page_cache.py) with its default lifetime; ``PAGE_CACHE_SECONDS=0`` in the
environment measures the pages rendered on every request instead.

Times are wall-clock at the client over loopback, so they include the HTTP round trip; the client runs on the
same two cores as the server. Prints the figures; nothing is asserted.
"""

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8137"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "50"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
BASE = f"http://127.0.0.1:{PORT}"

PAGE_URLS = """
from catalog.showcase.models import Product, ShowcasePage
from catalog.showcase.templatetags.showcase_tags import product_url
from coaching.models import ProgramPage
from django.utils import translation
from wagtail.models import Locale

locale = Locale.objects.get(language_code="en")
showcase = ShowcasePage.objects.live().filter(locale=locale).first()
product = Product.objects.public().order_by("-sample_available", "pk").first()
category = product.category
program = ProgramPage.objects.live().filter(locale=locale).order_by("-first_published_at").first()
print("page home", "/en/")
print("page home-zh", "/zh-hant/")
print("page program", program.url)
with translation.override("en"):
    print("page product", product_url(showcase, product))
print("page category", showcase.url + "category/" + category.path + "/")
"""


def environment(workdir):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "DJANGO_PRIVATE_MEDIA_ROOT": str(workdir / "private"),
            "DJANGO_ENV_FILE": str(workdir / "no.env"),
            "DJANGO_LOG_LEVEL": "WARNING",
            "ELASTICSEARCH_URL": "",
            # Keys only so that product pages show the sample box as in production; no request reaches Stripe.
            "STRIPE_SECRET_KEY": "sk_test_bench",
            "STRIPE_PUBLISHABLE_KEY": "pk_test_bench",
            "STRIPE_WEBHOOK_SECRET": "whsec_bench",
        }
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    return env


def manage(env, *args, capture=False):
    result = subprocess.run(  # noqa: S603 (our own manage.py with fixed arguments)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, text=True, capture_output=capture
    )
    if result.returncode:
        sys.exit(f"manage.py {args[0]} failed:\n{result.stderr or ''}")
    return result.stdout


def fetch(path):
    started = time.perf_counter()
    with urllib.request.urlopen(BASE + path, timeout=30) as response:  # noqa: S310 (loopback)
        response.read()
        status = response.status
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return elapsed


def wait_for_server(process):
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited; see its output above")
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1).read()  # noqa: S310 (loopback)
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer within 20 s")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def throughput(paths):
    stop = time.monotonic() + SECONDS
    counts, errors = [0] * CLIENTS, [0] * CLIENTS

    def client(index):
        position = index
        while time.monotonic() < stop:
            try:
                fetch(paths[position % len(paths)])
                counts[index] += 1
            except (urllib.error.URLError, OSError, RuntimeError):
                errors[index] += 1
            position += 1

    threads = [threading.Thread(target=client, args=(index,)) for index in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started), sum(errors)


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    env = environment(workdir)
    server = None
    try:
        print(f"[1/4] migrate, seed demo content, collect static files in {workdir}", flush=True)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "seed_demo", capture=True)
        manage(env, "compilemessages", "--ignore=.venv", "--ignore=.cache", "--ignore=.services", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        listed = manage(env, "shell", "-c", PAGE_URLS, capture=True).splitlines()
        pages = dict(line.split(" ", 2)[1:] for line in listed if line.startswith("page "))
        print(f"[2/4] gunicorn with {WORKERS} workers on {BASE}", flush=True)
        server = subprocess.Popen(  # noqa: S603 (gunicorn from this venv, fixed arguments)
            [
                PYTHON,
                "-m",
                "gunicorn",
                "portal.wsgi",
                f"--bind=127.0.0.1:{PORT}",
                f"--workers={WORKERS}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
        )
        wait_for_server(server)
        print("[3/4] cold (first request per page) and warm rounds", flush=True)
        cold = {name: fetch(path) for name, path in pages.items()}
        for _ in range(WORKERS * 3):  # every worker sees every page before the warm figures are taken
            for path in pages.values():
                fetch(path)
        warm = {name: [] for name in pages}
        for _ in range(ROUNDS):
            for name, path in pages.items():
                warm[name].append(fetch(path))
        print(f"[4/4] throughput: {CLIENTS} concurrent clients for {SECONDS:.0f} s", flush=True)
        rate, errors = throughput(list(pages.values()))
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print(f"{'page':<10} {'path':<60} {'cold ms':>8} {'warm p50':>9} {'warm p95':>9} {'max':>7}")
    for name, path in pages.items():
        values = warm[name]
        print(
            f"{name:<10} {path[:60]:<60} {cold[name]:>8.1f} {statistics.median(values):>9.1f} "
            f"{percentile(values, 0.95):>9.1f} {max(values):>7.1f}"
        )
    everything = [value for values in warm.values() for value in values]
    print()
    print(f"warm, all pages: p50 {statistics.median(everything):.1f} ms, p95 {percentile(everything, 0.95):.1f} ms")
    print(f"cold, slowest page: {max(cold.values()):.1f} ms")
    print(f"throughput: {rate:.0f} requests/s ({errors} errors), load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
