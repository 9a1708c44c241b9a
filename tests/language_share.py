"""How much of a rendered page a reader of its language can read, and where its links lead.

``visible_text`` keeps what a sighted visitor reads: text nodes outside ``<head>``, ``<script>``,
``<style>`` and ``<template>``, leaving out the language switcher's links to the other languages (their
``hreflang`` says so: "繁體中文" on a Thai page is meant) and elements marked ``translate="no"`` (company
names and brands, which are not translated). Text shown in a fallback language counts as foreign even when
it carries the right ``lang`` attribute: that is a missing translation.

``foreign_share`` measures letters, not words, because Thai writes no spaces between words: a token counts
as foreign when it is in a script the language does not use (Chinese characters or Thai on a Malay page,
Latin words on a Thai page) or, for the Latin-script languages, when it is an English word that the
language's own texts never use. Codes (THB, MOQ, HS), numbers and single letters are neutral.
"""

import re
from html.parser import HTMLParser

from django.conf import settings

SKIPPED = {"head", "script", "style", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
THAI = re.compile(r"[\u0e00-\u0e7f]")
LATIN = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ]")
# Paths whose content does not depend on the language.
NEUTRAL_PATHS = re.compile(r"^/(static|media|documents|api|i18n|healthz|sitemap\.xml|robots\.txt|favicon)")
LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2}(?:-[a-z]+)?)/")


def primary(code):
    return code.lower().split("-")[0]


class _Reader(HTMLParser):
    def __init__(self, page_language):
        super().__init__(convert_charrefs=True)
        self.page_language = primary(page_language)
        self.stack = []  # (tag, excluded)
        self.text = []
        self.links = []

    def _excluded(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        excluded = (
            self._excluded()
            or tag in SKIPPED
            or (tag == "a" and attrs.get("hreflang") and primary(attrs["hreflang"]) != self.page_language)
            or attrs.get("translate") == "no"
            or "hidden" in attrs
            or attrs.get("aria-hidden") == "true"
        )
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], attrs.get("hreflang")))
        if tag == "img" and attrs.get("alt") and not excluded:
            self.text.append(attrs["alt"])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value") and not excluded:
            self.text.append(attrs["value"])
        if tag not in VOID:
            self.stack.append((tag, excluded))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self._excluded() and data.strip():
            self.text.append(data)


def read(html, language):
    """(visible text, [(href, hreflang)]) of a page in ``language``."""
    reader = _Reader(language)
    reader.feed(html)
    return " ".join(reader.text), reader.links


def _neutral(token):
    return len(token) < 2 or token.isupper()


ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


def foreign_tokens(text, language, *, english_only=frozenset(), own=frozenset()):
    """(tokens in the language or neutral, foreign tokens) of ``text``; e-mail and web addresses are neutral."""
    language = primary(language)
    text = ADDRESSES.sub(" ", text)
    readable, foreign = [], []
    for token in TOKEN.findall(text):
        if _neutral(token):
            continue
        word = token.lower()
        if CJK.search(token):
            is_foreign = language != "zh"
        elif THAI.search(token):
            is_foreign = language != "th"
        elif LATIN.search(token):
            is_foreign = word not in own if language in ("th", "zh") else word in english_only and word not in own
        else:
            is_foreign = False
        (foreign if is_foreign else readable).append(token)
    return readable, foreign


def foreign_share(text, language, **vocabulary):
    """Share of the letters of ``text`` in foreign tokens (0.0–1.0), and those tokens."""
    readable, foreign = foreign_tokens(text, language, **vocabulary)
    letters = sum(map(len, readable)) + sum(map(len, foreign))
    return (sum(map(len, foreign)) / letters if letters else 0.0), foreign


def links_leaving(links, language, host="testserver"):
    """Same-site links of the page that lead to another language's pages (the language switcher, whose links
    say their ``hreflang``, excepted)."""
    prefixes = {primary(code) for code, _name in settings.LANGUAGES} | {code for code, _name in settings.LANGUAGES}
    leaving = []
    for href, hreflang in links:
        path = re.sub(rf"^https?://{re.escape(host)}", "", href)
        if not path.startswith("/") or path.startswith("//") or hreflang or NEUTRAL_PATHS.match(path):
            continue
        match = LANGUAGE_PREFIX.match(path)
        if match is None or (match.group(1) in prefixes and match.group(1) != language):
            leaving.append(href)
    return leaving
