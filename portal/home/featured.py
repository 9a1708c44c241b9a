"""What the home page features, supplied by the apps that own it: the core imports no feature app.

An app registers a source in its ``AppConfig.ready()``::

    featured.register("programs", programs_to_feature)

A source is called as ``source(chosen=[...], limit=n)`` while the page's language is active and returns the
items to show (``FeaturedItem``): the ones staff chose that are still live, then its own fallback, so that
the home page always shows what exists. Without a registered source (an app not installed) a block shows
nothing.
"""

from dataclasses import dataclass, field

_SOURCES = {}


@dataclass(frozen=True)
class FeaturedItem:
    """One card on the home page, in the active language."""

    title: str
    url: str
    text: str = ""
    meta: list[str] = field(default_factory=list)
    image: object = None
    price_twd: object = None
    supplier: str = ""
    verified: bool = False


def register(name, source):
    _SOURCES[name] = source


def items(name, *, chosen=(), limit):
    source = _SOURCES.get(name)
    return source(chosen=list(chosen), limit=limit) if source is not None else []
