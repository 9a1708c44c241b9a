"""Spreadsheet formula injection, both ways: every CSV/XLSX the site writes escapes cells a spreadsheet
program would run as a formula (``=cmd|' /C calc'!A0``), and every import refuses them.

The prefixes are OWASP's: ``=``, ``+``, ``-``, ``@``, a tab and a carriage return.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """``value`` with a leading apostrophe when it is text a spreadsheet would read as a formula.

    Spreadsheet programs show the apostrophe-prefixed text as it is and never evaluate it; anything that is
    not text (numbers, dates, None) is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def looks_like_formula(text):
    """True for imported text that would run as a formula when the file is opened again.

    A leading ``-`` followed by a space or a digit is an ordinary list item or a negative number (the field's
    own validation judges numbers), so only ``-`` followed by anything else counts, as in ``-cmd|...``.
    """
    if not text or not text.startswith(FORMULA_PREFIXES):
        return False
    if text[0] == "-":
        return len(text) > 1 and not (text[1].isspace() or text[1].isdigit() or text[1] == ".")
    return True
