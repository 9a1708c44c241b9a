"""Spam defences for buyer inquiries: rate limits per IP and per e-mail in Django's cache, and a URL count."""

import hashlib
import re
from dataclasses import dataclass

from django.core.cache import cache

MAX_URLS_IN_MESSAGE = 2
URL_PATTERN = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True)
class RateLimit:
    scope: str
    limit: int
    window_seconds: int


PER_IP = RateLimit("ip", limit=5, window_seconds=60)
PER_EMAIL = RateLimit("email", limit=10, window_seconds=3600)


def count_urls(text: str) -> int:
    return len(URL_PATTERN.findall(text or ""))


def _key(rule: RateLimit, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"solutions:inquiry-rate:{rule.scope}:{digest}"


def hit(rule: RateLimit, value: str) -> bool:
    """Count one attempt for ``value``; False once more than ``rule.limit`` attempts fall in the window."""
    if not value:
        return True
    key = _key(rule, value)
    cache.add(key, 0, timeout=rule.window_seconds)
    try:
        attempts = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=rule.window_seconds)
        attempts = 1
    return attempts <= rule.limit
