"""How search reads text: every query, synonym term and database index entry passes through these functions.

`clean` makes typed input safe for any engine: control and format characters (NUL, escapes, zero-width
spaces, byte-order marks) become spaces, whitespace collapses, and the text is cut to MAX_QUERY_LENGTH.
Punctuation stays (`5" tablet` means five inches); the engines receive text, never a query language.

`fold` is the form texts are compared in: Chinese in one script (OpenCC `t2s`: several Traditional forms
map onto one Simplified form, e.g. 麵/面 → 面, so converting towards Simplified never has to guess, and
鳳梨酥 and 凤梨酥 meet), case folded, Latin letters without diacritics (trà → tra, đ → d, café → cafe, as
the Elasticsearch Vietnamese analyzer's ASCII folding does), whitespace collapsed. Thai, whose vowel and
tone marks are combining characters, is left as it is. Latin letters keep their position, so a match in the
folded text is a match at the same place in the original.
"""

import functools
import unicodedata

import opencc

from .backends.base import MAX_QUERY_LENGTH

# Cc: control characters (NUL, ESC, DEL …); Cf: format characters (zero-width space, BOM, bidi controls).
_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn"))
_LATIN_EXTRA = {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ı": "i"}


def clean(text):
    """Typed input as the engines may receive it (see the module docstring)."""
    text = "".join(" " if unicodedata.category(char) in _INVISIBLE else char for char in (text or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


@functools.cache
def _converter():
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=4096)
def _plain_latin(char):
    if char in _LATIN_EXTRA:
        return _LATIN_EXTRA[char]
    if char.isascii() or not ("\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff"):
        return char
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


def fold(text):
    """The comparison form of `text` (see the module docstring)."""
    text = " ".join((text or "").split()).casefold()
    if not text:
        return ""
    if not text.isascii():
        text = "".join(_plain_latin(char) for char in _converter().convert(text))
    return text
