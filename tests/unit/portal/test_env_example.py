"""`.env.example` documents every environment variable the settings read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_env_example_lists_every_variable_read_in_settings():
    """Each `env.<type>("NAME"...)` in portal/settings/*.py has a `NAME=` line in .env.example."""
    read = set()
    for settings_file in (ROOT / "portal" / "settings").glob("*.py"):
        read |= set(re.findall(r'\benv\.\w+\(\s*"([A-Z][A-Z0-9_]*)"', settings_file.read_text()))
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.MULTILINE))

    assert read, "no env.<type>(...) calls found: the pattern no longer matches the settings"
    assert read - documented == set()
