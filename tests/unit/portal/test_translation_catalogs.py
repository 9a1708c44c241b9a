"""Every interface string is translated into every language of the site, and none is a copy of the English."""

import gettext
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "portal" / "locale"
TRANSLATED = ["zh_Hant", "th", "ms", "id", "vi"]
STATISTICS = re.compile(
    r"(\d+) translated messages?(?:, (\d+) fuzzy translations?)?(?:, (\d+) untranslated messages?)?"
)
# Source strings that read the same in a translation: codes, abbreviations, names, placeholders only.
SAME_IN_EVERY_LANGUAGE = re.compile(r"^(?:[A-Z0-9][A-Z0-9 .&/+-]*|(?:%\(\w+\)[sd]|[ ·:–/-])+|\S+@\S+|https?://\S+)$")
NAMES = {
    *("English", "繁體中文", "ไทย", "Bahasa Melayu", "Bahasa Indonesia", "Tiếng Việt"),
    *("Taipei Good Products", "Stripe Checkout Session", "ISO 3166-1 alpha-2."),
}
CODE_OR_PLACEHOLDER = re.compile(r"^(?:[A-Z0-9][A-Z0-9.-]*|%\(\w+\)[sd]|[^\w\s]+)$")


def may_read_the_same(text):
    """Codes, names, and words of one or two that the language shares with English ("Status", "Filter")."""
    words = text.split()
    return (
        text in NAMES
        or bool(SAME_IN_EVERY_LANGUAGE.match(text))
        or len(words) <= 2
        or all(CODE_OR_PLACEHOLDER.match(word) for word in words)
    )


def catalog(language, tmp_path):
    """The compiled catalog, as Django would load it (fuzzy entries left out), and msgfmt's statistics."""
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    mo = tmp_path / f"{language}.mo"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(mo), str(po)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog, result.stderr


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_entry_is_untranslated_or_fuzzy(language, tmp_path):
    """msgfmt counts every entry as translated: none empty, none marked fuzzy."""
    _messages, statistics = catalog(language, tmp_path)
    translated, fuzzy, untranslated = STATISTICS.search(statistics).groups()
    assert (fuzzy, untranslated) == (None, None), f"{language}: {statistics.strip()}"
    assert int(translated) > 1000


@pytest.mark.parametrize("language", ["th", "ms", "id", "vi"])
def test_no_entry_is_a_copy_of_the_english(language, tmp_path):
    """A sentence whose msgstr equals its English msgid is an untranslated copy (codes, names and words
    of one or two that the language shares with English may read the same)."""
    messages, _statistics = catalog(language, tmp_path)
    copies = sorted(
        msgid
        for msgid, msgstr in messages.items()
        if isinstance(msgid, str) and msgid and msgstr == msgid and not may_read_the_same(msgid.split("\x04")[-1])
    )
    assert copies == [], f"{language}: {len(copies)} entries are still English, e.g. {copies[:10]}"


LIBRARIES = Path(settings.BASE_DIR) / "portal" / "locale_libraries"


def library_catalog(language, tmp_path):
    po = LIBRARIES / language / "LC_MESSAGES" / "django.po"
    mo = tmp_path / f"library-{language}.mo"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(mo), str(po)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog, result.stderr


@pytest.mark.parametrize("language", ["ms", "vi"])
def test_allauth_pages_are_translated_where_allauth_ships_no_catalog(language, tmp_path):
    """allauth has no Malay or Vietnamese catalog (without ours its pages would fall back to Chinese): every
    string of its account pages, forms, messages and e-mails that allauth's Thai catalog translates is
    translated in portal/locale_libraries, none empty, fuzzy or an English copy."""
    from allauth import __file__ as allauth_init

    thai = Path(allauth_init).parent / "locale" / "th" / "LC_MESSAGES" / "django.mo"
    with thai.open("rb") as handle:
        allauth_strings = set(gettext.GNUTranslations(handle)._catalog)
    messages, statistics = library_catalog(language, tmp_path)
    translated, fuzzy, untranslated = STATISTICS.search(statistics).groups()
    assert (fuzzy, untranslated) == (None, None), f"{language}: {statistics.strip()}"
    assert int(translated) >= 190
    assert set(messages) - {""} <= allauth_strings, "only allauth's own msgids belong here"
    for msgid in ("Sign In", "Sign Up", "Forgot your password?", "Remember Me", "Password Reset"):
        assert messages.get(msgid, msgid) != msgid, f"{language}: {msgid!r} untranslated"
    copies = [m for m, s in messages.items() if isinstance(m, str) and m and s == m and not may_read_the_same(m)]
    assert copies == [], f"{language}: English copies {copies[:10]}"
