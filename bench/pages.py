"""Rendered pages served by gunicorn with production settings: public pages, then signed-in ones.

    .venv/bin/python bench/pages.py
    PAGE_CACHE_SECONDS=0 BENCH_PORT=8745 .venv/bin/python bench/pages.py
    BENCH_ELASTICSEARCH_URL=http://127.0.0.1:9200 PAGE_CACHE_SECONDS=0 .venv/bin/python bench/pages.py
    DATABASE_URL=postgres://portal:portal-test-only@127.0.0.1:5432/bench_pages .venv/bin/python bench/pages.py

Builds a throw-away site in a temporary directory (bench/harness.py: SQLite file unless DATABASE_URL is given;
that database is migrated and seeded with the demo content, so give it an empty, disposable one; database
search), collects the static files, starts gunicorn on 127.0.0.1:BENCH_PORT with BENCH_WORKERS workers
(default 2, one per core) and measures from a client on the same machine:

* cold: the first request to each public page after gunicorn started (empty caches, templates not yet compiled);
* warm: BENCH_ROUNDS sequential rounds over the public pages (p50 / p95 / max per page and overall): home (en
  and zh-hant), a program, a product (its canonical address; the short form answers with a redirect), a
  category and the search page;
* signed in (BENCH_SIGNED_IN=0 leaves them out): BENCH_ROUNDS rounds over the supplier dashboard pages as the
  demo SME (products, certificates, import, sample orders, inquiries inbox and a thread, applications,
  consultation requests) and over the staff pages as the demo staff member (the applications review list and
  the bureau reports; staff two-factor authentication is off for the bench, REQUIRE_STAFF_MFA=false);
* throughput: BENCH_CLIENTS concurrent clients for BENCH_SECONDS seconds over the public pages (requests/s).

Search is the database backend (the embedded default); BENCH_ELASTICSEARCH_URL=http://127.0.0.1:9200 runs the
site with that Elasticsearch node instead (indexes of its own, deleted at the end), as in production.
Anonymous visitors get the page cache (portal/page_cache.py) with its default lifetime; ``PAGE_CACHE_SECONDS=0``
in the environment measures the pages rendered on every request instead (signed-in pages are never cached).
Times are wall-clock at the client over loopback, so they include the HTTP round trip; the client runs on the
same two cores as the server. Prints the figures; nothing is asserted.
"""

import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402 (bench/harness.py: the site's environment, building it, gunicorn)

PORT = int(os.environ.get("BENCH_PORT", "8137"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "50"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
SIGNED_IN = os.environ.get("BENCH_SIGNED_IN", "1") != "0"
ELASTICSEARCH_URL = os.environ.get("BENCH_ELASTICSEARCH_URL", "")
BASE = f"http://127.0.0.1:{PORT}"

# Prints ``page <name> <path>`` per public page.
PAGE_URLS = """
from catalog.showcase.models import Product, ShowcasePage
from catalog.showcase.templatetags.showcase_tags import product_url
from coaching.models import ProgramPage
from django.urls import reverse
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
    print("page search", reverse("search:products") + "?q=tea")
"""

# Prints ``signed <role> <name> <path>`` per signed-in page and ``session <role> <key>`` per role.
SIGNED_IN_URLS = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django.utils import translation

from catalog.inquiries.models import Inquiry
from portal.companies.demo import SME_EMAIL, STAFF_EMAIL
from portal.companies.models import Membership


def session_for(email):
    user = get_user_model().objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return user, session.session_key


sme, sme_session = session_for(SME_EMAIL)
staff, staff_session = session_for(STAFF_EMAIL)
print("session sme", sme_session)
print("session staff", staff_session)
company = Membership.objects.filter(user=sme).first().company
inquiry = Inquiry.objects.filter(company=company).order_by("-pk").first()
with translation.override("en"):
    sme_pages = {
        "products": reverse("dashboard:products", args=[company.pk]),
        "certificates": reverse("dashboard:certificates", args=[company.pk]),
        "import": reverse("dashboard:product_import", args=[company.pk]),
        "orders": reverse("sample_orders:supplier_orders", args=[company.pk]),
        "inbox": reverse("inquiries:inbox"),
        "applications": reverse("coaching:my_applications"),
        "consultations": reverse("solutions:my_requests"),
    }
    if inquiry is not None:
        sme_pages["thread"] = reverse("inquiries:detail", args=[inquiry.pk])
for name, path in sme_pages.items():
    print("signed sme", name, path)
print("signed staff review", reverse("coaching_applications:index"))
for slug in ("applications", "showcase", "inquiries"):
    print("signed staff report-" + slug, reverse("reports_" + slug))
"""


def fetch(path, cookie=None):
    started = time.perf_counter()
    request = urllib.request.Request(BASE + path, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
        response.read()
        status = response.status
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return elapsed


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


def signed_in_pages(env):
    """``{name: (path, cookie)}`` of the signed-in pages, each with the session cookie of its role."""
    output = harness.manage(env, "shell", "-c", SIGNED_IN_URLS, capture=True).splitlines()
    sessions = {line.split()[1]: line.split()[2] for line in output if line.startswith("session ")}
    found = {}
    for line in output:
        if line.startswith("signed "):
            _signed, role, name, path = line.split(" ", 3)
            found[f"{role}:{name}"] = (path, f"sessionid={sessions[role]}")
    return found


def warm_rounds(pages):
    """BENCH_ROUNDS sequential rounds over ``{name: (path, cookie)}``: the times in ms per page."""
    for _ in range(WORKERS * 3):  # every worker sees every page before the figures are taken
        for path, cookie in pages.values():
            fetch(path, cookie)
    warm = {name: [] for name in pages}
    for _ in range(ROUNDS):
        for name, (path, cookie) in pages.items():
            warm[name].append(fetch(path, cookie))
    return warm


def print_table(title, pages, warm, cold=None):
    print()
    print(title)
    print(f"{'page':<22} {'path':<56} {'cold ms':>8} {'warm p50':>9} {'warm p95':>9} {'max':>7}")
    for name, (path, _cookie) in pages.items():
        values = warm[name]
        cold_text = f"{cold[name]:>8.1f}" if cold else f"{'':>8}"
        print(
            f"{name:<22} {path[:56]:<56} {cold_text} {statistics.median(values):>9.1f} "
            f"{percentile(values, 0.95):>9.1f} {max(values):>7.1f}"
        )
    everything = [value for values in warm.values() for value in values]
    print(f"warm, all pages: p50 {statistics.median(everything):.1f} ms, p95 {percentile(everything, 0.95):.1f} ms")


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    search = {}
    if ELASTICSEARCH_URL:
        search = {"ELASTICSEARCH_URL": ELASTICSEARCH_URL, "ELASTICSEARCH_INDEX_PREFIX": f"bench_pages_{os.getpid()}"}
    env = harness.environment(workdir, REQUIRE_STAFF_MFA="false", **search)
    try:
        print(f"[1/4] migrate, seed demo content, collect static files in {workdir}", flush=True)
        harness.build_site(env)
        pages = {
            name: (path, None)
            for name, path in harness.listed_pages(harness.manage(env, "shell", "-c", PAGE_URLS, capture=True)).items()
        }
        signed = signed_in_pages(env) if SIGNED_IN else {}
        print(f"[2/4] gunicorn with {WORKERS} workers on {BASE}", flush=True)
        with harness.gunicorn(env, port=PORT, workers=WORKERS):
            print("[3/4] cold (first request per page) and warm rounds", flush=True)
            cold = {name: fetch(path) for name, (path, _cookie) in pages.items()}
            warm = warm_rounds(pages)
            signed_warm = warm_rounds(signed) if signed else {}
            print(f"[4/4] throughput: {CLIENTS} concurrent clients for {SECONDS:.0f} s", flush=True)
            rate, errors = throughput([path for path, _cookie in pages.values()])
    finally:
        if search:
            harness.delete_indices(ELASTICSEARCH_URL, search["ELASTICSEARCH_INDEX_PREFIX"])
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"\nPAGE_CACHE_SECONDS={os.environ.get('PAGE_CACHE_SECONDS', '(default)')}, {WORKERS} gunicorn workers"
        f" {' '.join(harness.GUNICORN_ARGS) or '(sync, as in production)'},"
        f" {'Elasticsearch at ' + ELASTICSEARCH_URL if search else 'database search'}"
    )
    print_table("Public pages", pages, warm, cold)
    print(f"cold, slowest page: {max(cold.values()):.1f} ms")
    if signed:
        print_table("Signed in (sme: the demo SME, staff: the demo staff member; never cached)", signed, signed_warm)
    print()
    print(f"throughput: {rate:.0f} requests/s ({errors} errors), load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
