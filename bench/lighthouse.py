"""Lighthouse 12 (mobile) on ten pages of the demo served by gunicorn with production settings.

    .venv/bin/python bench/lighthouse.py
    LIGHTHOUSE_NODE_MODULES=/path/to/node_modules .venv/bin/python bench/lighthouse.py home product

Builds a throw-away site in a temporary directory (SQLite, seeded with ``seed_demo``; database search, as
without ``ELASTICSEARCH_URL``), collects the static files, starts gunicorn on 127.0.0.1 under
``bench.lighthouse_settings`` (production settings; media answered by Django with a one-year cache lifetime,
see bench/lighthouse_urls.py, since production leaves media to its web server) and runs the npm package
``lighthouse`` pinned in package.json (``scripts/node-packages.sh`` installs it) with Debian's Chromium
(``CHROME_PATH=/usr/bin/chromium``, headless, no sandbox), mobile form factor and simulated throttling, on:
home, showcase, category, product, supplier, search results, program page, solution catalog, sign-up and an
application step (the company step of the demo SME's draft application, started if it has none; the
session cookie goes in ``--extra-headers``). Pages are in Chinese (the default language) unless
``LIGHTHOUSE_LANGUAGE`` says otherwise. Names on the command line run only those pages.

Prints the four category scores per page (0–100) and the audits that failed, one line each; nothing is
asserted. The site's address is ``http://localhost:PORT`` (``WAGTAILADMIN_BASE_URL``), so canonical links
point at the page measured.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402 (bench/harness.py: the site's environment, building it, gunicorn)

ROOT = harness.ROOT
PORT = int(os.environ.get("BENCH_PORT", "8724"))
BASE = f"http://localhost:{PORT}"
LANGUAGE = os.environ.get("LIGHTHOUSE_LANGUAGE", "zh-hant")
NODE_MODULES = Path(os.environ.get("LIGHTHOUSE_NODE_MODULES", ROOT / "node_modules"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

PAGE_URLS = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from catalog.showcase.models import Product, ShowcasePage
from catalog.showcase.templatetags.showcase_tags import product_url
from catalog.solutions.models import SolutionIndexPage
from coaching.models import ApplicationError, ProgramPage
from coaching.services import application_start
from portal.companies.demo import SME_EMAIL
from portal.companies.models import Membership

language = "LANGUAGE"
locale = Locale.objects.get(language_code=language)
showcase = ShowcasePage.objects.live().filter(locale=locale).first()
product = Product.objects.public().order_by("-sample_available", "pk").first()
program = ProgramPage.objects.live().filter(locale=locale).order_by("-first_published_at").first()
solutions = SolutionIndexPage.objects.live().filter(locale=locale).first()
member = get_user_model().objects.get(email=SME_EMAIL)
company = Membership.objects.filter(user=member).first().company
for candidate in ProgramPage.objects.live().filter(locale=Locale.get_default()).order_by("pk"):
    try:
        draft, _created = application_start(program=candidate, company=company, user=member, language=language)
    except ApplicationError:
        continue
    if draft.status == "draft":
        break
session = SessionStore()
session[SESSION_KEY] = str(member.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = member.get_session_auth_hash()
session.create()
with translation.override(language):
    pages = {
        "home": reverse("wagtail_serve", args=[""]),
        "showcase": showcase.url,
        "category": showcase.url + "category/" + product.category.path + "/",
        "product": product_url(showcase, product),
        "supplier": showcase.url + showcase.reverse_subpage("supplier", kwargs={"company_id": product.company_id}),
        "search": reverse("search:products") + "?q=tea",
        "program": program.url,
        "solutions": solutions.url,
        "signup": reverse("account_signup"),
        "application": reverse("coaching:company", args=[draft.pk]),
    }
print("PAGES " + json.dumps({"pages": pages, "session": session.session_key}))
"""
SIGNED_IN = {"application"}


def environment(workdir):
    return harness.environment(
        workdir,
        DJANGO_SETTINGS_MODULE="bench.lighthouse_settings",
        DJANGO_SECURE_HSTS_SECONDS="0",
        WAGTAILADMIN_BASE_URL=BASE,
        DATABASE_URL=f"sqlite:///{workdir / 'lighthouse.sqlite3'}",
        CHROME_PATH="/usr/bin/chromium",
    )


def lighthouse(env, url, headers=None):
    """The Lighthouse report (dict) of ``url``, mobile, the four categories."""
    command = [
        "node",
        str(NODE_MODULES / "lighthouse" / "cli" / "index.js"),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    if headers:
        command.append(f"--extra-headers={json.dumps(headers)}")
    result = subprocess.run(command, env=env, text=True, capture_output=True, timeout=300)  # noqa: S603
    if result.returncode:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def failed_audits(report):
    """``category: audit id (score)`` for every scored audit below 1 in the four categories."""
    lines = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lines.append(f"{name}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip())
    return lines


def main():
    wanted = set(sys.argv[1:])
    if not (NODE_MODULES / "lighthouse").is_dir():
        sys.exit(f"no lighthouse in {NODE_MODULES}: run scripts/node-packages.sh (or set LIGHTHOUSE_NODE_MODULES)")
    workdir = Path(tempfile.mkdtemp(prefix="bench-lighthouse-"))
    env = environment(workdir)
    results = {}
    try:
        print(f"[1/3] migrate, seed demo content, collect static files in {workdir}", flush=True)
        harness.build_site(env)
        listed = harness.manage(env, "shell", "-c", PAGE_URLS.replace("LANGUAGE", LANGUAGE), capture=True)
        found = json.loads(next(line for line in listed.splitlines() if line.startswith("PAGES "))[6:])
        pages = {name: path for name, path in found["pages"].items() if not wanted or name in wanted}
        cookie = {"Cookie": f"sessionid={found['session']}"}
        print(f"[2/3] gunicorn on {BASE}", flush=True)
        with harness.gunicorn(env, port=PORT, workers=2):
            for path in pages.values():  # warm every worker's templates and renditions before measuring
                for _ in range(3):
                    urllib.request.urlopen(BASE + path, timeout=60).read()  # noqa: S310 (loopback)
            print(f"[3/3] Lighthouse (mobile) on {len(pages)} pages", flush=True)
            for name, path in pages.items():
                report = lighthouse(env, BASE + path, cookie if name in SIGNED_IN else None)
                scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
                results[name] = (path, scores, failed_audits(report))
                print(f"  {name}: " + " ".join(f"{c}={s}" for c, s in scores.items()), flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print(f"{'page':<12} {'path':<58} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5}")
    for name, (path, scores, _failed) in results.items():
        print(f"{name:<12} {path[:58]:<58} " + " ".join(f"{scores[c]:>5}" for c in CATEGORIES))
    print()
    for name, (_path, _scores, failed) in results.items():
        for line in failed:
            print(f"{name}: {line}")


if __name__ == "__main__":
    main()
