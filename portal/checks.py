"""System checks of the core."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def csp_enforced_check(app_configs, **kwargs):
    """portal.W001 (check --deploy): the Content Security Policy is only reported, not enforced."""
    if not settings.CSP_REPORT_ONLY:
        return []
    return [
        checks.Warning(
            "The Content Security Policy is sent report-only (DJANGO_CSP_REPORT_ONLY=true): nothing is blocked.",
            hint="Watch the browsers' reports for a few days after the first deployment, then unset "
            "DJANGO_CSP_REPORT_ONLY so production enforces the policy.",
            id="portal.W001",
        )
    ]


SHARED_CACHE_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.db.DatabaseCache",
)


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """portal.W002 (check --deploy): the default cache is not shared between processes (CACHE_URL unset)."""
    if settings.CACHES["default"]["BACKEND"] in SHARED_CACHE_BACKENDS:
        return []
    return [
        checks.Warning(
            f"The default cache ({settings.CACHES['default']['BACKEND']}) is not shared between processes: each "
            "gunicorn worker counts failed logins on its own and keeps its own page cache.",
            hint="Set CACHE_URL to the Redis server, e.g. CACHE_URL=redis://127.0.0.1:6379/0 (README, "
            '"Production deployment").',
            id="portal.W002",
        )
    ]
