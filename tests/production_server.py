"""gunicorn under production settings for the operations tests: the test database, the given cache, static
files collected once per session, requests sent as the README's HTTPS proxy forwards them."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_environment(*, static_root, cache_url, **extra):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "operations-test-only-secret-key-" + "x" * 40,
        "DJANGO_ENV_FILE": "/dev/null",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "ELASTICSEARCH_URL": "",
        "REQUIRE_STAFF_MFA": "false",
        "CACHE_URL": cache_url,
        **extra,
    }
    return env


def collect_static(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )


@contextmanager
def gunicorn(env, *, workers=1):
    """A gunicorn server on a free port; yields the port and stops it with SIGTERM afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [GUNICORN, "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
        cwd=settings.BASE_DIR,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "gunicorn exited; see its output above"
            try:
                request(port, "GET", "/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
                time.sleep(0.2)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def request(port, method, path, *, client_ip="203.0.113.7", cookies=None, body=None):
    """One request on a new connection, as the proxy forwards it: HTTPS, the client in X-Forwarded-For."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": client_ip,
        "Host": "localhost",
        "Referer": f"https://localhost{path}",
    }
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode(body)
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    content = response.read()
    set_cookies = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _sep, rest = value.partition("=")
            set_cookies[name] = rest.split(";", 1)[0]
    conn.close()
    return response.status, content, set_cookies


def log_in(port, email, password, *, client_ip="203.0.113.7"):
    """ "signed in", "wrong password" or "too many attempts"."""
    status, page, cookies = request(port, "GET", "/en/accounts/login/", client_ip=client_ip)
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, f"the login page answered {status} without a form"
    status, content, _cookies = request(
        port,
        "POST",
        "/en/accounts/login/",
        client_ip=client_ip,
        cookies=cookies,
        body={"csrfmiddlewaretoken": match.group(1).decode(), "login": email, "password": password},
    )
    if status == 302:
        return "signed in"
    if status == 429 or b"too many" in content.lower():
        return "too many attempts"
    assert status == 200, f"the login answered {status}"
    return "wrong password"
