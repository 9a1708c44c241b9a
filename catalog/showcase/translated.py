"""Per-language text stored in one column per language (``name_zh_hant``, ``name_en``, ``name_th`` ...)."""

from django.utils.translation import get_language

# The portal's language codes and the column suffix each one uses.
LANGUAGE_SUFFIXES = {
    "zh-hant": "zh_hant",
    "en": "en",
    "th": "th",
    "ms": "ms",
    "id": "id",
    "vi": "vi",
}
REQUIRED_LANGUAGES = ("zh-hant", "en")
# When a language is empty, readers get English, then Chinese.
FALLBACK_ORDER = ("en", "zh-hant")


def column(field, language_code):
    """``column("name", "zh-hant")`` → ``"name_zh_hant"``."""
    return f"{field}_{LANGUAGE_SUFFIXES[language_code]}"


def language_columns(field):
    """Every column of a translated field, in the portal's language order."""
    return [column(field, code) for code in LANGUAGE_SUFFIXES]


class TranslatedFieldsMixin:
    """Reads a translated field in the active (or given) language, falling back to English then Chinese."""

    def translated(self, field, language_code=None):
        code = (language_code or get_language() or "zh-hant").lower()
        if code not in LANGUAGE_SUFFIXES:
            code = code.split("-")[0]
        for candidate in (code, *FALLBACK_ORDER):
            if candidate in LANGUAGE_SUFFIXES:
                value = getattr(self, column(field, candidate), "")
                if value:
                    return value
        return ""

    def translations(self, field):
        """``{language_code: text}`` for the languages that have text."""
        return {
            code: getattr(self, column(field, code))
            for code in LANGUAGE_SUFFIXES
            if getattr(self, column(field, code), "")
        }
