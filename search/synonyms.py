"""Query-time synonym expansion from the staff-managed SynonymSet snippets.

The sets are read on every search (one small query), so a saved set applies to the next search in both
engines at once: no analyzer to update, no index to close or rebuild, no downtime.
"""

import re

from .models import SynonymSet
from .text import fold

MAX_ALTERNATIVES = 8


def _contains_term(query, term):
    """Whole words for Latin script, any substring for scripts written without spaces (Chinese, Thai)."""
    if term.isascii():
        return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", query) is not None
    return term in query


def expand(query, synonym_sets):
    """The query first, then the query with a matching synonym swapped in, for each other term of a set.

    `synonym_sets` is an iterable of term lists (SynonymSet.term_list(), already folded).
    """
    query = fold(query)
    alternatives = [query] if query else []
    if not query:
        return alternatives
    for terms in synonym_sets:
        for term in sorted(terms, key=len, reverse=True):
            if not _contains_term(query, term):
                continue
            for other in terms:
                candidate = query.replace(term, other)
                if other != term and candidate not in alternatives:
                    alternatives.append(candidate)
            break
    return alternatives[: MAX_ALTERNATIVES + 1]


def load_synonym_sets():
    return [s.term_list() for s in SynonymSet.objects.only("terms")]
