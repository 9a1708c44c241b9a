"""Failed-login limits with two gunicorn workers, production settings, behind a (simulated) HTTPS proxy.

    .venv/bin/python bench/login_limits.py
    DATABASE_URL=postgres://portal:portal-test-only@127.0.0.1:5432/bench_login .venv/bin/python bench/login_limits.py

Builds a throw-away site in a temporary directory (SQLite file unless DATABASE_URL is given: give an empty,
disposable database), creates two accounts, then for each cache in BENCH_CACHES (default: local memory, and
Django's database cache as the shared one; add e.g. ``rediscache://127.0.0.1:6379/1`` when a Redis server
and the ``redis`` package are there) starts gunicorn with BENCH_WORKERS workers (default 2) and:

1. sends BENCH_ATTEMPTS (default 9) wrong passwords for account A from one client, each on a new connection
   so the kernel spreads them over the workers, every request arriving from the proxy's address with the
   client in X-Forwarded-For as the README's proxy sends it;
2. signs in to account B with its right password from another client (must work: one visitor's mistakes
   never lock out another);
3. signs in to account A with its right password (must be refused while A is locked).

Prints, per cache, how many wrong passwords were checked before the limit of 5 stopped them: with a
per-worker cache each worker counts on its own (up to 5 per worker), with a shared one the limit holds.
Nothing is asserted.
"""

import http.client
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402 (bench/harness.py: the site's environment, manage.py, gunicorn)

PORT = int(os.environ.get("BENCH_PORT", "8138"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
ATTEMPTS = int(os.environ.get("BENCH_ATTEMPTS", "9"))
CACHES = os.environ.get("BENCH_CACHES", "locmemcache://bench,dbcache://bench_login_cache").split(",")
PASSWORD = "Bench-right-password-2026"
ACCOUNTS = ("alice@bench.example", "bob@bench.example")
PROXY = "127.0.0.1"

CREATE_ACCOUNTS = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
User = get_user_model()
for email in {ACCOUNTS!r}:
    user = User.objects.filter(email=email).first() or User.objects.create_user(email=email, password={PASSWORD!r})
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={{"verified": True, "primary": True}})
"""


def environment(workdir, cache_url):
    return harness.environment(workdir, CACHE_URL=cache_url, REQUIRE_STAFF_MFA="false")


def request(method, path, *, client_ip, cookies=None, body=None):
    """One request on a new connection, as the proxy forwards it (HTTPS, client in X-Forwarded-For)."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    headers = {
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": client_ip,
        "Referer": f"https://127.0.0.1:{PORT}{path}",
        "Host": f"127.0.0.1:{PORT}",
    }
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode(body)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    content = response.read().decode()
    set_cookies = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _sep, rest = value.partition("=")
            set_cookies[name] = rest.split(";", 1)[0]
    connection.close()
    return response.status, content, set_cookies


def log_in(email, password, client_ip):
    """ "signed in", "wrong password" or "too many attempts"."""
    _status, page, cookies = request("GET", "/en/accounts/login/", client_ip=client_ip)
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if match is None:
        raise RuntimeError(f"the login page answered {_status} without a form")
    token = match.group(1)
    status, content, _cookies = request(
        "POST",
        "/en/accounts/login/",
        client_ip=client_ip,
        cookies=cookies,
        body={"csrfmiddlewaretoken": token, "login": email, "password": password},
    )
    if status == 302:
        return "signed in"
    if status == 429 or "too many" in content.lower():
        return "too many attempts"
    return "wrong password"


def run(env, cache_url):
    with harness.gunicorn(env, port=PORT, workers=WORKERS):
        alice, bob = ACCOUNTS
        answers = [log_in(alice, f"wrong-{n}", "203.0.113.7") for n in range(ATTEMPTS)]
        checked = answers.count("wrong password")
        other_visitor = log_in(bob, PASSWORD, "198.51.100.9")
        locked = log_in(alice, PASSWORD, "198.51.100.9")
    print(
        f"| {cache_url} | {WORKERS} | {ATTEMPTS} | {checked} | {answers.count('too many attempts')} "
        f"| {other_visitor} | {locked} |"
    )


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-login-"))
    try:
        env = environment(workdir, CACHES[0])
        print(f"Preparing the site in {workdir} ({env['DATABASE_URL'].split(':')[0]}) ...", flush=True)
        harness.manage(env, "migrate", "--no-input", "-v", "0")
        harness.manage(env, "collectstatic", "--no-input", "-v", "0")
        harness.manage(env, "shell", "-c", CREATE_ACCOUNTS)
        print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load: {os.getloadavg()}")
        print(
            "| cache | workers | wrong passwords sent | checked (limit 5) | refused as too many "
            "| other account, other visitor | right password for the locked account |"
        )
        print("|---|---|---|---|---|---|---|")
        for cache_url in CACHES:
            env = environment(workdir, cache_url)
            if cache_url.startswith("dbcache://"):
                harness.manage(env, "createcachetable")
            run(env, cache_url)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
