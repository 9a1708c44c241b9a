"""What the home page features, supplied by the apps that own it: the core imports no feature app.

An app registers a source in its ``AppConfig.ready()``::

    featured.register("programs", programs_to_feature)

A source is called as ``source(chosen=[...], limit=n)`` while the page's language is active and returns the
items to show (``FeaturedItem``): the ones staff chose that are still live, then its own fallback, so that
the home page always shows what exists. Without a registered source (an app not installed) a block shows
nothing.

A source whose items depend only on stored content (not on the visitor) registers with ``kept=True``: its
items are kept per process for the language, the choice (by ids) and the limit, and read again after any change
of public content (``KEPT``, started anew by ``portal.home.apps``: a publication, an unpublication, a saved or
deleted product, company, picture, page …). A source whose items also change with the clock (programs open and
close) gives ``changes_at``, called before the items are read: the next moment they may change (or None), after
which they are read again. The items hold what the cards show; the price is converted into the buyer's currency
when the card is rendered.
"""

from dataclasses import dataclass, field

from django.utils import timezone, translation

from portal.versioned import Versioned

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


# Started anew by portal.home.apps whenever public content changes (portal.page_cache.connect_to_public_content).
KEPT = Versioned("home-featured")


def register(name, source, *, kept=False, changes_at=None):
    _SOURCES[name] = (source, kept, changes_at)


def _unexpired(entry):
    _items, since, until = entry
    return until is None or since <= timezone.now() < until


def items(name, *, chosen=(), limit):
    if name not in _SOURCES:
        return []
    source, kept, changes_at = _SOURCES[name]
    chosen = list(chosen)
    if not kept:
        return source(chosen=chosen, limit=limit)

    def build():
        since, until = timezone.now(), changes_at() if changes_at is not None else None
        return source(chosen=chosen, limit=limit), since, until

    key = (name, translation.get_language(), tuple(getattr(item, "pk", None) for item in chosen), limit)
    return KEPT.get_for(key, build, still_valid=_unexpired)[0]
