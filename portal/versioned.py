"""Values that every request needs and that rarely change (the search's synonym sets and category labels, the
page chrome's menu and footer), kept in the process; and values kept by a key that changes with them (``Kept``:
the renditions of a picture).

Each value is built once per process and used until its version, a random token in the shared cache, changes.
A change (a signal receiver calling `changed`) starts a new version at once and again after the commit, so that a
value built in between from data not yet committed does not outlive the change: every process builds the value
again on its next use, at the cost of one cache read instead of its database queries. Within a request the
versions of every value are read together, in one cache round trip (``get_many``) when the request first needs
one, and trusted until it ends (``connect_signals``); outside requests each use reads its version.
"""

import threading
import uuid

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction

_ALL = []


class _Request(threading.local):
    """The versions this thread's request has read: None outside a request, {} until it needs the first."""

    versions = None


_REQUEST = _Request()
_READ = "versioned:read"  # in a request's versions once they were read, whatever was found


def _request_started(**kwargs):
    _REQUEST.versions = {}


def _request_finished(**kwargs):
    _REQUEST.versions = None


def connect_signals():
    request_started.connect(_request_started, dispatch_uid="versioned-request-started")
    request_finished.connect(_request_finished, dispatch_uid="versioned-request-finished")


def forget_all():
    """Drop the values of every Versioned and Kept in this process (tests roll the database back without a
    signal)."""
    for versioned in _ALL:
        versioned.forget()


class Kept:
    """Values kept in the process by a key that names everything they depend on, so they never go stale: the
    key of a changed value is another key. No version to read; at most ``limit`` values (then all are dropped
    and built again as they are used)."""

    def __init__(self, name, *, limit):
        self.name = name
        self._limit = limit
        self._values = {}
        self._lock = threading.Lock()
        _ALL.append(self)

    def __contains__(self, key):
        return key in self._values

    def get(self, key, build):
        value = self._values.get(key)
        if value is None:
            value = build()
            with self._lock:
                if len(self._values) >= self._limit:
                    self._values.clear()
                self._values[key] = value
        return value

    def forget(self):
        with self._lock:
            self._values.clear()


class Versioned:
    """Values of `build(*args)`, kept per process until the version named `name` changes (or values built by
    the caller, `get_for`)."""

    def __init__(self, name, build=None):
        self.key = f"versioned:{name}"
        self._build = build
        self._values = {}
        self._lock = threading.Lock()
        _ALL.append(self)

    def version(self):
        known = _REQUEST.versions
        if known is not None and not known:
            known[_READ] = True
            known.update(cache.get_many([value.key for value in _ALL if isinstance(value, Versioned)]))
        value = known.get(self.key) if known is not None else cache.get(self.key)
        if value is None:
            cache.add(self.key, uuid.uuid4().hex, timeout=None)
            value = cache.get(self.key)
            if known is not None:
                known[self.key] = value
        return value

    def get(self, *args):
        return self.get_for(args, lambda: self._build(*args))

    def get_for(self, key, build, *, still_valid=None):
        """The value kept for `key` in the current version, else `build()`, kept for it: for values whose key
        names less than building them takes (objects chosen by their ids). A value for which `still_valid(value)`
        is false (one that expires with the clock) is built again."""
        version = self.version()
        with self._lock:
            entry = self._values.get(key)
        if entry is not None and entry[0] == version and (still_valid is None or still_valid(entry[1])):
            return entry[1]
        value = build()
        with self._lock:
            self._values[key] = (version, value)
        return value

    def invalidate(self):
        token = uuid.uuid4().hex
        cache.set(self.key, token, timeout=None)
        if _REQUEST.versions is not None:
            _REQUEST.versions[self.key] = token
        with self._lock:
            self._values.clear()

    def changed(self, **kwargs):
        """A signal receiver: a new version now and another one after the commit."""
        self.invalidate()
        transaction.on_commit(self.invalidate)

    def forget(self):
        with self._lock:
            self._values.clear()
