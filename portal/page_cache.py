"""Whole-page cache of Wagtail pages for visitors who carry no per-visitor state.

Rules (docs/architecture.md, "Caching"):

* Only GET requests answered by Wagtail's page view (``wagtail_serve``: home, standard, news, program,
  showcase product and category pages …) are looked up and stored.
* Only for visitors without per-visitor state: no cookie other than the CSRF and language cookies (so no
  session — signed-in users, sample carts, flash messages in the session — and no messages cookie), and
  not authenticated. Everyone else always gets a fresh page and never creates an entry.
* A response is stored only when it is a plain 200 that sets no cookie, is not marked private / no-cache /
  no-store, did not change the session and showed or queued no flash message.
* CSRF tokens are cut out before storing; every visitor served from the cache gets a token made from their
  own CSRF cookie (or a new cookie), so POST forms on cached pages keep working. The Content Security Policy
  nonce of the request that rendered the page is replaced the same way by the nonce of each later request
  (portal/csp.py sends that one in the header), so a nonce is never reused.
* The key holds the language, the scheme, the host and the full path with its query string.
* Freshness: every page publication / unpublication / move / deletion, every saved or deleted object of the
  content apps (Wagtail's own, and every app whose ``AppConfig`` says ``public_content = True``: menus,
  footer, partners, products, categories, certificates, companies, programs …) and the core's
  ``portal.signals.content_changed`` start a new cache generation, so the next request renders afresh.
  Anything else (counts, reply-time badges, expiries, exchange rates) is at most ``PAGE_CACHE_SECONDS``
  old. With several processes the cache must be shared (``CACHE_URL``) for the generation to be shared;
  with per-process local memory another process may serve a page up to ``PAGE_CACHE_SECONDS`` old.
* ``PAGE_CACHE_SECONDS = 0`` turns the cache off.
"""

import functools
import hashlib
import re
import uuid

from django.apps import apps as django_apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CSRF_TOKEN_LENGTH, _unmask_cipher_token, get_token
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin
from wagtail import signals as wagtail_signals
from wagtail.images.models import AbstractRendition

from portal.signals import content_changed

GENERATION_KEY = "page-cache:generation"
HIT_HEADER = "X-Page-Cache"
CACHED_VIEW = "wagtail_serve"
# Library apps whose objects appear on public pages; the project's apps say so with ``public_content = True``.
LIBRARY_CONTENT_APPS = frozenset({"wagtailcore", "wagtailimages", "wagtaildocs", "taggit"})
_TOKEN_RE = re.compile(rb"[A-Za-z0-9]{%d}" % CSRF_TOKEN_LENGTH)
_UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store")
_NONCE_MARK = b"\x00csp-nonce\x00"


def _seconds():
    return settings.PAGE_CACHE_SECONDS


def _allowed_cookies():
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def generation():
    """The current generation; a random value, so that an evicted counter never brings old entries back."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate():
    """Start a new generation: every page stored so far is no longer served."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _published_or_changed(**kwargs):
    """Invalidate now and again after the commit, so that a page rendered in between from the data not yet
    committed does not outlive the change. Nothing to do while the cache is off."""
    if _seconds() <= 0:
        return
    invalidate()
    transaction.on_commit(invalidate)


@functools.cache
def content_apps():
    """Labels of the apps whose saved or deleted objects start a new generation."""
    declared = {config.label for config in django_apps.get_app_configs() if getattr(config, "public_content", False)}
    return LIBRARY_CONTENT_APPS | declared


def is_public_content(model):
    """True for the models whose saved or deleted objects may change what public pages show."""
    return model._meta.app_label in content_apps() and not issubclass(model, AbstractRendition)


def connect_to_public_content(receiver, *, dispatch_uid):
    """Call ``receiver(**kwargs)`` whenever public content may have changed: a page published, unpublished or
    moved, a snippet published or unpublished, ``content_changed``, and an object of a content app saved or
    deleted. The page cache's generation follows these; so does what other parts keep until content changes
    (``portal.home.featured``)."""
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.published,
        wagtail_signals.unpublished,
        content_changed,
    ):
        signal.connect(receiver, dispatch_uid=f"{dispatch_uid}_invalidate")

    def saved_or_deleted(sender, **kwargs):
        if is_public_content(sender):
            receiver(**kwargs)

    post_save.connect(saved_or_deleted, weak=False, dispatch_uid=f"{dispatch_uid}_post_save")
    post_delete.connect(saved_or_deleted, weak=False, dispatch_uid=f"{dispatch_uid}_post_delete")


def connect_signals():
    connect_to_public_content(_published_or_changed, dispatch_uid="page_cache")


def _cache_key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return ":".join(
        ["page-cache", generation(), translation.get_language() or "", request.scheme, request.get_host(), path]
    )


def _visitor_is_anonymous(request):
    if set(request.COOKIES) - _allowed_cookies():
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _split_out_csrf_tokens(request, content):
    """The content cut at every CSRF token of this request's secret, or None when a secret is left inside."""
    secret = request.META.get("CSRF_COOKIE")
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or not secret:
        return [content]
    parts, start = [], 0
    for match in _TOKEN_RE.finditer(content):
        if _unmask_cipher_token(match.group().decode()) == secret:
            parts.append(content[start : match.start()])
            start = match.end()
    parts.append(content[start:])
    if any(secret.encode() in part for part in parts):
        return None
    return parts


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in _UNCACHEABLE_CONTROL):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and (messages.used or messages.added_new))


class AnonymousPageCacheMiddleware(MiddlewareMixin):
    """Serves and stores whole Wagtail pages for anonymous visitors; place it after the messages middleware."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            _seconds() <= 0
            or request.method != "GET"
            or request.resolver_match is None
            or request.resolver_match.url_name != CACHED_VIEW
            or not _visitor_is_anonymous(request)
        ):
            return None
        key = _cache_key(request)
        entry = cache.get(key)
        if entry is None:
            request._page_cache_key = key
            return None
        parts, headers = entry
        content = parts[0] if len(parts) == 1 else get_token(request).encode().join(parts)
        if _NONCE_MARK in content:
            content = content.replace(_NONCE_MARK, str(request.csp_nonce).encode())
        response = _rebuild(content, headers)
        # Visitors with cookies get other pages: downstream caches must not hand this one to them.
        patch_vary_headers(response, ("Cookie",))
        response[HIT_HEADER] = "hit"
        return response

    def process_response(self, request, response):
        key = getattr(request, "_page_cache_key", None)
        if key is None or not _storable(request, response):
            return response
        parts = _split_out_csrf_tokens(request, response.content)
        nonce = getattr(request, "_csp_nonce", None)
        if parts is not None and nonce:
            parts = [part.replace(nonce.encode(), _NONCE_MARK) for part in parts]
        if parts is not None:
            cache.set(key, (parts, dict(response.headers)), _seconds())
        return response


def _rebuild(content, headers):
    response = HttpResponse(content)
    for name, value in headers.items():
        if name.lower() != "content-length":
            response[name] = value
    return response
