"""Lists of names (markets, languages) read the way each language writes a list."""

import pytest
from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template("{% load lists %}{{ names|list_join }}")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh-hant", "泰國、馬來西亞、越南"),
        ("en", "泰國, 馬來西亞, 越南"),
        ("th", "泰國, 馬來西亞, 越南"),
        ("vi", "泰國, 馬來西亞, 越南"),
    ],
)
def test_chinese_joins_with_the_enumeration_comma_the_others_with_a_comma(language, expected):
    """Chinese joins the items with 、; English, Thai, Malay, Indonesian and Vietnamese with ", "."""
    with translation.override(language):
        assert TEMPLATE.render(Context({"names": ["泰國", "馬來西亞", "越南"]})) == expected


def test_items_are_escaped():
    """A name with markup is shown as text, like Django's own join."""
    with translation.override("en"):
        assert TEMPLATE.render(Context({"names": ["<b>A</b>", "B"]})) == "&lt;b&gt;A&lt;/b&gt;, B"


def test_an_empty_list_renders_nothing_so_default_applies():
    """An empty list gives an empty string, so ``|default:"—"`` after it still shows the dash."""
    template = Template('{% load lists %}{{ names|list_join|default:"—" }}')
    with translation.override("zh-hant"):
        assert template.render(Context({"names": []})) == "—"
