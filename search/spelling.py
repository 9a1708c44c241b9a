"""Typo tolerance and "did you mean" for the database backend.

A vocabulary (SpellingWord) holds the Latin-script words of indexed product and category names and of the
synonym sets, in their folded form (search/text.py). A query word of three letters or more that is not in
it is corrected to the closest vocabulary word with the same first letter, within the edit distance
Elasticsearch's `fuzziness: AUTO` allows (one edit for 3–5 letters, two beyond; a swap of two neighbouring
letters counts as one), so both engines forgive the same typos. Words of removed products stay until the
next `search_rebuild`, which rewrites the vocabulary.
"""

import re

from .models import SpellingWord
from .text import fold

WORD = re.compile(r"[a-z][a-z'-]*[a-z]")
MIN_LENGTH, MAX_LENGTH = 3, 40
BATCH_SIZE = 1000


def words_of(texts):
    """The distinct vocabulary words of the texts (folded Latin words of 3–40 letters)."""
    return {
        word for text in texts if text for word in WORD.findall(fold(text)) if MIN_LENGTH <= len(word) <= MAX_LENGTH
    }


def add_words(texts):
    words = words_of(texts)
    SpellingWord.objects.bulk_create(
        [SpellingWord(word=word, length=len(word)) for word in sorted(words)],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )


def replace_words(texts):
    SpellingWord.objects.all().delete()
    add_words(texts)


def allowed_edits(length):
    """Elasticsearch's AUTO fuzziness: none below 3 letters, one up to 5, two beyond."""
    return 0 if length < MIN_LENGTH else 1 if length <= 5 else 2


def distance(a, b, limit):
    """Optimal string alignment distance (Levenshtein plus adjacent swaps); limit + 1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _closest(word, candidates):
    limit = allowed_edits(len(word))
    best = None
    for candidate in candidates:
        edits = distance(word, candidate, limit)
        if edits <= limit and (best is None or (edits, candidate) < best):
            best = (edits, candidate)
    return best[1] if best else None


def correct(text):
    """`text` (folded) with each unknown Latin word replaced by its closest vocabulary word; "" when nothing
    changes."""
    words = [w for w in dict.fromkeys(WORD.findall(text)) if MIN_LENGTH <= len(w) <= MAX_LENGTH]
    if not words:
        return ""
    known = set(SpellingWord.objects.filter(word__in=words).values_list("word", flat=True))
    corrections = {}
    for word in words:
        if word in known:
            continue
        limit = allowed_edits(len(word))
        candidates = SpellingWord.objects.filter(
            word__startswith=word[0], length__gte=len(word) - limit, length__lte=len(word) + limit
        ).values_list("word", flat=True)
        replacement = _closest(word, candidates.iterator(chunk_size=2000))
        if replacement:
            corrections[word] = replacement
    if not corrections:
        return ""
    return re.sub(WORD, lambda match: corrections.get(match.group(0), match.group(0)), text)
