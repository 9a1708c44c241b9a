"""Values that every request needs and that rarely change (the search's synonym sets and category labels, the
page chrome's menu and footer), kept in the process; and values kept by a key that changes with them (``Kept``:
the renditions of a picture).

Each value is built once per process and used until its version, a random token in the shared cache, changes.
A change (a signal receiver calling `changed`) starts a new version at once and again after the commit, so that a
value built in between from data not yet committed does not outlive the change: every process builds the value
again on its next use, at the cost of one cache read per use instead of its database queries.
"""

import threading
import uuid

from django.core.cache import cache
from django.db import transaction

_ALL = []


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
    """Values of `build(*args)`, kept per process until the version named `name` changes."""

    def __init__(self, name, build):
        self.key = f"versioned:{name}"
        self._build = build
        self._values = {}
        self._lock = threading.Lock()
        _ALL.append(self)

    def version(self):
        value = cache.get(self.key)
        if value is None:
            cache.add(self.key, uuid.uuid4().hex, timeout=None)
            value = cache.get(self.key)
        return value

    def get(self, *args):
        version = self.version()
        with self._lock:
            entry = self._values.get(args)
            if entry is not None and entry[0] == version:
                return entry[1]
        value = self._build(*args)
        with self._lock:
            self._values[args] = (version, value)
        return value

    def invalidate(self):
        cache.set(self.key, uuid.uuid4().hex, timeout=None)
        with self._lock:
            self._values.clear()

    def changed(self, **kwargs):
        """A signal receiver: a new version now and another one after the commit."""
        self.invalidate()
        transaction.on_commit(self.invalidate)

    def forget(self):
        with self._lock:
            self._values.clear()
