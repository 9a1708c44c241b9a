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
    *("Taipei Good Products", "Stripe Checkout Session", "ISO 3166-1 alpha-2.", "Wagtail API v2", "Wagtail API v3"),
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


@pytest.mark.parametrize("language", ["zh_Hant", "th", "ms", "vi"])
def test_library_catalogs_are_complete_and_not_english(language, tmp_path):
    """portal/locale_libraries fills what the libraries do not ship (allauth has no Malay or Vietnamese catalog;
    Django's Thai and Vietnamese ones miss current strings, Wagtail's Traditional Chinese one 792 admin strings):
    none empty, fuzzy or an English copy."""
    messages, statistics = library_catalog(language, tmp_path)
    translated, fuzzy, untranslated = STATISTICS.search(statistics).groups()
    assert (fuzzy, untranslated) == (None, None), f"{language}: {statistics.strip()}"
    assert int(translated) >= 150
    copies = [m for m, s in messages.items() if isinstance(m, str) and m and s == m and not may_read_the_same(m)]
    assert copies == [], f"{language}: English copies {copies[:10]}"


@pytest.mark.parametrize("language", ["th", "ms", "id", "vi"])
def test_library_strings_a_buyer_meets_never_fall_back_to_chinese(language):
    """Sign-in words, password rules and form errors read in the buyer's language, not in the site's default
    Chinese (what Django shows when no catalog of the language has the string)."""
    from django.contrib.auth.password_validation import password_validators_help_texts
    from django.forms import EmailField, ValidationError
    from django.utils import translation

    with translation.override(language):
        texts = [translation.gettext(m) for m in ("Sign In", "Sign Up", "Forgot your password?", "Remember Me")]
        texts += [str(t) for t in password_validators_help_texts()]
        try:
            EmailField().clean("not-an-address")
        except ValidationError as error:
            texts += error.messages
    chinese = [text for text in texts if re.search(r"[\u4e00-\u9fff]", text)]
    assert chinese == [], f"{language}: {chinese}"
    english = {"Sign In", "Sign Up", "Forgot your password?", "Remember Me"} & set(texts)
    assert english == set(), f"{language}: {english}"


def test_the_chinese_admin_has_no_english_leftovers():
    """Strings of Wagtail's admin that its zh_Hant catalog lacks ("Help", "Owner", scheduling, locales) read in
    Chinese for the bureau's staff."""
    from django.utils import translation

    with translation.override("zh-hant"):
        shown = {text: translation.gettext(text) for text in ("Help", "Owner", "Schedule to publish", "Add a locale")}
    assert all(re.search(r"[\u4e00-\u9fff]", value) for value in shown.values()), shown


def _catalog_texts(path):
    with path.open("rb") as handle:
        return {key: value for key, value in gettext.GNUTranslations(handle)._catalog.items() if isinstance(key, str)}


def test_the_chinese_admin_never_falls_back_to_simplified_chinese():
    """Python's gettext reads a library's ``zh`` catalog behind its ``zh_Hant`` one, and Wagtail's ``zh`` is
    Simplified Chinese ("没有找到任何结果"). No string of such a catalog reaches the bureau's staff in it: each
    reads as a Traditional Chinese catalog (the library's or portal/locale_libraries) gives it."""
    from django.apps import apps
    from django.utils import translation

    traditional = {}
    simplified = {}
    for config in apps.get_app_configs():
        locale = Path(config.path) / "locale"
        for name, found in (("zh_Hant", traditional), ("zh", simplified)):
            mo = locale / name / "LC_MESSAGES" / "django.mo"
            if mo.exists():
                found.update(_catalog_texts(mo))
    for path in settings.LOCALE_PATHS:
        traditional.update(_catalog_texts(Path(path) / "zh_Hant" / "LC_MESSAGES" / "django.mo"))
    assert simplified, "no library ships a zh catalog any more: this test has nothing to check"
    leaked = []
    with translation.override("zh-hant"):
        for key, text in simplified.items():
            context, _separator, message = key.rpartition("\x04")
            shown = translation.pgettext(context, message) if context else translation.gettext(message)
            if key and shown == text and re.search(r"[\u4e00-\u9fff]", text) and traditional.get(key) != text:
                leaked.append((message, text))
    assert leaked == [], f"{len(leaked)} strings read in Simplified Chinese, e.g. {leaked[:5]}"
