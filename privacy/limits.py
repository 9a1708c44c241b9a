"""Rate limits of the mailed-link form for buyers without an account, in Django's cache (shared by workers)."""

import hashlib

from django.core.cache import cache

# (scope, attempts, seconds): five requests a minute from one address, three links an hour to one mailbox.
PER_IP = ("ip", 5, 60)
PER_EMAIL = ("email", 3, 3600)


def hit(rule, value):
    """Count one attempt for ``value``; False once more than the rule's attempts fall in its window."""
    scope, limit, window = rule
    if not value:
        return True
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    key = f"privacy:rate:{scope}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts <= limit
