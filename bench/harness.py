"""What the benchmarks that serve the demo site over HTTP share: its environment, building it, gunicorn.

Used by bench/pages.py, bench/load.py and bench/lighthouse.py::

    env = harness.environment(workdir, port=8137)       # production settings, a throw-away site in workdir
    harness.build_site(env)                              # migrate, seed_demo, compilemessages, collectstatic
    listed = harness.manage(env, "shell", "-c", CODE, capture=True)
    with harness.gunicorn(env, port=8137, workers=2):   # started, answering /healthz, stopped at the end
        ...

gunicorn runs as in production (README, "Production deployment": ``gunicorn portal.wsgi`` with its default
sync workers, no ``--preload``, no keep-alive) with the number of workers the bench asks for;
BENCH_GUNICORN_ARGS adds options to compare another set-up (``--worker-class gthread --threads 4``,
``--preload``), named in the output of the bench.
"""

import contextlib
import os
import shlex
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN_ARGS = shlex.split(os.environ.get("BENCH_GUNICORN_ARGS", ""))


def environment(workdir, **overrides):
    """The process environment of a throw-away production site in ``workdir`` (SQLite file unless
    ``DATABASE_URL`` is set; database search unless ``ELASTICSEARCH_URL`` is passed in ``overrides``)."""
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
    env.update(overrides)
    return env


def manage(env, *args, capture=False):
    """Run ``manage.py`` with ``args``; stop the benchmark with its error output when it fails."""
    result = subprocess.run(  # noqa: S603 (our own manage.py with fixed arguments)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, text=True, capture_output=capture
    )
    if result.returncode:
        sys.exit(f"manage.py {args[0]} failed:\n{result.stderr or ''}")
    return result.stdout


def build_site(env):
    """Migrate, seed the demo content (and the search index when Elasticsearch is on), compile the catalogs
    and collect the static files."""
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "seed_demo", capture=True)
    manage(env, "compilemessages", "--ignore=.venv", "--ignore=.cache", "--ignore=.services", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")


def delete_indices(url, prefix):
    """Delete the Elasticsearch indexes a bench's site made (their names start with ``prefix``)."""
    request = urllib.request.Request(f"{url}/{prefix}_*", method="DELETE")  # noqa: S310 (ELASTICSEARCH_URL)
    with contextlib.suppress(urllib.error.URLError, OSError):
        urllib.request.urlopen(request, timeout=30).read()  # noqa: S310 (the bench's Elasticsearch node)


def listed_pages(output):
    """``{name: path}`` from the lines ``page <name> <path>`` a ``manage.py shell -c`` script printed."""
    return dict(line.split(" ", 2)[1:] for line in output.splitlines() if line.startswith("page "))


def wait_for_server(process, base, *, seconds=30):
    for _ in range(int(seconds * 10)):
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited; see its output above")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()  # noqa: S310 (loopback)
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer within {seconds} s")


@contextlib.contextmanager
def gunicorn(env, *, port, workers=2):
    """gunicorn serving ``portal.wsgi`` on 127.0.0.1:``port`` until the block ends."""
    process = subprocess.Popen(  # noqa: S603 (gunicorn from this venv, fixed arguments)
        [
            PYTHON,
            "-m",
            "gunicorn",
            "portal.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--log-level=warning",
            *GUNICORN_ARGS,
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for_server(process, f"http://127.0.0.1:{port}")
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a loaded machine: the figures are taken, do not lose them
            process.kill()
            process.wait()
