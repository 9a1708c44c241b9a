"""The multilingual trade glossary: everyday words buyers type, one concept per row, in all six languages.

The file (search/data/trade_glossary.tsv, tab-separated, UTF-8) has the columns `key`, `category` (the
showcase category path the concept belongs to, or `general`) and one column per language
(zh_hant, en, th, ms, id, vi); variants of a language are separated by `|`, e.g. `kicap` for Malay and
`kecap` for Indonesian soy sauce, `trà|chè` for Vietnamese tea. Source and coverage: docs/search-glossary.md.
`manage.py search_glossary` loads it (or a staff-edited copy) into the SynonymSet snippets.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from .documents import LANGUAGE_FIELDS

GLOSSARY_PATH = Path(__file__).parent / "data" / "trade_glossary.tsv"
COLUMNS = ("key", "category", *LANGUAGE_FIELDS.values())
MAX_KEY_LENGTH = 60


class GlossaryError(ValueError):
    """The file cannot be loaded; the message names the line."""


@dataclass(frozen=True)
class Concept:
    key: str
    category: str
    terms: dict  # language suffix → tuple of terms

    @property
    def name(self):
        """The synonym set's name in the admin: the first English term."""
        return self.terms["en"][0]

    def all_terms(self):
        """Every term, languages in the portal's order (zh-hant and English first), duplicates once."""
        return list(dict.fromkeys(term for terms in self.terms.values() for term in terms))


def read(path=GLOSSARY_PATH):
    """The concepts of a glossary file; raises GlossaryError for a missing column, term or a repeated key."""
    try:
        handle = open(path, encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise GlossaryError(f"{path}: {exc.strerror}") from exc
    with handle:
        try:
            return _concepts(csv.DictReader(handle, delimiter="\t"), path)
        except UnicodeDecodeError as exc:
            raise GlossaryError(f"{path}: not UTF-8 text ({exc.reason})") from exc


def _concepts(reader, path):
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise GlossaryError(f"{path}: missing column(s) {', '.join(missing)}")
    concepts, seen = [], set()
    for row in reader:
        concepts.append(_concept(row, reader.line_num, seen))
    return concepts


def _concept(row, line, seen):
    key = (row["key"] or "").strip()
    if not key or len(key) > MAX_KEY_LENGTH or not key.replace("-", "").isalnum() or not key.isascii():
        raise GlossaryError(f"line {line}: the key must be 1–{MAX_KEY_LENGTH} letters, digits or hyphens")
    if key in seen:
        raise GlossaryError(f"line {line}: the key {key!r} appears twice")
    seen.add(key)
    terms = {}
    for suffix in LANGUAGE_FIELDS.values():
        variants = tuple(dict.fromkeys(" ".join(v.split()) for v in (row[suffix] or "").split("|") if v.strip()))
        if not variants:
            raise GlossaryError(f"line {line}: {key!r} has no {suffix} term")
        terms[suffix] = variants
    return Concept(key=key, category=(row["category"] or "").strip(), terms=terms)
