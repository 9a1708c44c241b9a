"""Query-time synonym expansion from the staff-managed SynonymSet snippets (the trade glossary among them).

The sets apply to the next search in both engines at once: no analyzer to update, no index to close or
rebuild, no downtime. The folded term lists are kept in each process until a set is saved or deleted
(portal/versioned.py): a search reads one version token from the cache, not the database.
"""

import collections
import re
import threading

from portal.versioned import Versioned

from .models import SynonymSet
from .text import fold

MAX_ALTERNATIVES = 8
# Expanded queries kept per process (the most recently used), for the sets they were expanded with.
EXPANSIONS_KEPT = 2048


def _span(query, term):
    """Where `term` occurs in `query`: whole words for Latin script, any substring for scripts written without
    spaces (Chinese, Thai); None when it does not."""
    if term not in query:
        return None
    if not term.isascii():
        start = query.index(term)
        return start, start + len(term)
    match = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", query)
    return match.span() if match else None


def expand(query, synonym_sets):
    """The query first, then the query with a matching term swapped for each other term of its set.

    `synonym_sets` is an iterable of folded term lists (SynonymSet.term_list()). The longest matching terms
    win and matches never overlap, so "oolong tea" expands as oolong tea, not as tea. When several sets
    match ("lampu hadapan basikal"), the query with every match swapped at once comes first (once with each
    set's first term, Chinese in the glossary, once with its first Latin-script term), then the single swaps
    take turns, each set's terms in their order, up to MAX_ALTERNATIVES.
    """
    query = fold(query)
    if not query:
        return []
    matches = []
    for terms in synonym_sets:
        for term in terms:
            span = _span(query, term)
            if span:
                matches.append((span, term, terms))
    matches.sort(key=lambda match: (-len(match[1]), match[0][0]))
    taken, queues, swaps = [], [], []
    for (start, end), term, terms in matches:
        if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
            continue
        taken.append((start, end))
        others = [other for other in terms if other != term]
        queues.append([query[:start] + other + query[end:] for other in others])
        swaps.append((start, end, others))
    alternatives = [query]
    if len(swaps) > 1:
        # Words of several sets ("lampu hadapan basikal"): all of them in Chinese, then all in Latin script.
        for pick in (lambda others: others[0], lambda others: next((o for o in others if o.isascii()), None)):
            alternatives.append(_swap_all(query, [(start, end, pick(others)) for start, end, others in swaps]))
        alternatives = list(dict.fromkeys(alternatives))
    while queues and len(alternatives) <= MAX_ALTERNATIVES:
        for queue in list(queues):
            if not queue:
                queues.remove(queue)
                continue
            candidate = queue.pop(0)
            if candidate not in alternatives and len(alternatives) <= MAX_ALTERNATIVES:
                alternatives.append(candidate)
    return alternatives


MIN_COMPLETION = 3
MAX_COMPLETIONS = 3


def completions(text, synonym_sets):
    """What the search box's suggestions look for: the (folded) text and its expansion, then, when the text
    has at least MIN_COMPLETION characters, the shortest few terms that begin with it, each expanded."""
    texts = expand(text, synonym_sets)
    if len(text) >= MIN_COMPLETION:
        started = sorted({term for terms in synonym_sets for term in terms if term.startswith(text) and term != text})
        for term in sorted(started, key=len)[:MAX_COMPLETIONS]:
            texts += [alternative for alternative in expand(term, synonym_sets) if alternative not in texts]
    return tuple(texts)


def _swap_all(query, swaps):
    """`query` with each (start, end) span replaced by its term (None keeps the span as typed)."""
    for start, end, term in sorted(swaps, reverse=True):
        if term is not None:
            query = query[:start] + term + query[end:]
    return query


def _read_synonym_sets():
    return [synonym_set.term_list() for synonym_set in SynonymSet.objects.only("terms")]


SYNONYM_SETS = Versioned("synonym-sets", _read_synonym_sets)


def load_synonym_sets():
    """Every set's folded terms, read again only after a set was added, changed or deleted."""
    return SYNONYM_SETS.get()


class _Expansions:
    """`expand(text, sets)` kept per folded text for the sets it was computed with; a new list of sets (read
    again after a change) starts afresh. At most EXPANSIONS_KEPT texts, the least recently used dropped."""

    def __init__(self):
        self._sets = None
        self._alternatives = collections.OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, text, synonym_sets):
        with self._lock:
            if synonym_sets is not self._sets:
                self._sets, self._alternatives = synonym_sets, collections.OrderedDict()
            alternatives = self._alternatives.get(text)
            if alternatives is not None:
                self._alternatives.move_to_end(text)
                return alternatives
        alternatives = tuple(expand(text, synonym_sets))
        with self._lock:
            if synonym_sets is self._sets:
                self._alternatives[text] = alternatives
                if len(self._alternatives) > EXPANSIONS_KEPT:
                    self._alternatives.popitem(last=False)
        return alternatives


_expansions = _Expansions()


def alternatives(text):
    """The query alternatives of a folded `text` (`expand` over the current sets), computed once per text until
    a set changes."""
    return _expansions(text, load_synonym_sets())
