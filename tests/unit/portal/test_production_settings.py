"""Production settings: refuse to start without a secret key, and turn on every HTTPS protection.

Each test imports the settings in a fresh interpreter with a clean environment, so nothing from the
test process (or the developer's shell) leaks in.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

SHOW_SETTINGS = """
import json
from django.conf import settings
names = [
    "DEBUG", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_REFERRER_POLICY", "SECURE_CONTENT_TYPE_NOSNIFF",
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "X_FRAME_OPTIONS",
    "REQUIRE_STAFF_MFA", "ALLAUTH_TRUSTED_PROXY_COUNT", "ACCOUNT_RATE_LIMITS", "CSP_REPORT_ONLY", "MIDDLEWARE",
]
print(json.dumps({name: getattr(settings, name) for name in names}))
"""


def run_with_production_settings(code, **env):
    clean_env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        # A developer's .env must not supply what the test leaves out.
        "DJANGO_ENV_FILE": os.devnull,
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("secret_env", [{}, {"DJANGO_SECRET_KEY": ""}], ids=["unset", "empty"])
def test_production_refuses_to_start_without_a_secret_key(secret_env):
    """Loading production settings with no (or an empty) DJANGO_SECRET_KEY raises ImproperlyConfigured."""
    result = run_with_production_settings("from django.conf import settings; settings.SECRET_KEY", **secret_env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_production_turns_on_https_protections():
    """With a secret key, production forces HTTPS, HSTS for a year, secure cookies and a strict referrer policy."""
    result = run_with_production_settings(SHOW_SETTINGS, DJANGO_SECRET_KEY="x" * 64)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 60 * 60
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["REQUIRE_STAFF_MFA"] is True


def test_production_finds_the_client_behind_the_proxy_for_login_limits():
    """Behind the one HTTPS proxy, rate limits take the client from X-Forwarded-For (not the proxy's address),
    and a client's failed-login limit is well above an account's, so no visitor locks out the others."""
    result = run_with_production_settings(SHOW_SETTINGS, DJANGO_SECRET_KEY="x" * 64)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1
    assert values["ACCOUNT_RATE_LIMITS"]["login_failed"] == "30/5m/ip,5/5m/key"


DEPLOY_CHECK = """
import django
django.setup()
from django.core.management import call_command
call_command("check", deploy=True, fail_level="WARNING")
"""
DEPLOY_SECRETS = {
    "DJANGO_SECRET_KEY": "deploy-check-" + "".join(chr(97 + n % 26) + str(n) for n in range(30)),
    "STRIPE_SECRET_KEY": "sk_test_x",
    "STRIPE_PUBLISHABLE_KEY": "pk_test_x",
    "STRIPE_WEBHOOK_SECRET": "whsec_x",
    # The shared cache the README prescribes (check --deploy reads the setting; it connects to nothing).
    "CACHE_URL": "redis://127.0.0.1:6379/0",
}


def test_production_enforces_the_content_security_policy():
    """Production sends the policy enforced, from a middleware right after SecurityMiddleware (so static
    files and error pages get it too), and `check --deploy` is clean."""
    result = run_with_production_settings(SHOW_SETTINGS, DJANGO_SECRET_KEY="x" * 64)
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["CSP_REPORT_ONLY"] is False
    assert values["MIDDLEWARE"][:2] == [
        "django.middleware.security.SecurityMiddleware",
        "portal.csp.PortalCSPMiddleware",
    ]
    deploy = run_with_production_settings(DEPLOY_CHECK, **DEPLOY_SECRETS)
    assert deploy.returncode == 0, deploy.stderr


def test_check_deploy_warns_while_the_policy_is_report_only():
    """With DJANGO_CSP_REPORT_ONLY=true (a first rollout) `check --deploy` fails on portal.W001."""
    deploy = run_with_production_settings(DEPLOY_CHECK, DJANGO_CSP_REPORT_ONLY="true", **DEPLOY_SECRETS)
    assert deploy.returncode != 0
    assert "portal.W001" in deploy.stderr


@pytest.mark.parametrize("cache_url", [None, "locmemcache://portal", "filecache:///tmp/portal-cache"])
def test_check_deploy_warns_without_a_shared_cache(cache_url):
    """Without CACHE_URL (or with a per-process cache) `check --deploy` fails on portal.W002: each gunicorn
    worker would count failed logins and keep pages on its own."""
    env = {key: value for key, value in DEPLOY_SECRETS.items() if key != "CACHE_URL"}
    if cache_url:
        env["CACHE_URL"] = cache_url
    deploy = run_with_production_settings(DEPLOY_CHECK, **env)
    assert deploy.returncode != 0
    assert "portal.W002" in deploy.stderr
    assert "CACHE_URL" in deploy.stderr


SHOW_DATABASE = """
import json
from django.conf import settings
database = settings.DATABASES["default"]
print(json.dumps({"max_age": database["CONN_MAX_AGE"], "health_checks": database["CONN_HEALTH_CHECKS"]}))
"""


@pytest.mark.parametrize(("given", "kept"), [({}, 60), ({"DJANGO_CONN_MAX_AGE": "0"}, 0)], ids=["default", "set"])
def test_production_keeps_database_connections_between_requests(given, kept):
    """Production keeps a worker's connection for 60 s by default (DJANGO_CONN_MAX_AGE changes it) and checks
    that a kept connection is still alive before a request uses it."""
    result = run_with_production_settings(SHOW_DATABASE, DJANGO_SECRET_KEY="x" * 64, **given)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"max_age": kept, "health_checks": True}
