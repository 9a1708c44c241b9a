"""The staff filters' select, written without a template per option, reads exactly as Django's own."""

import pytest
from django import forms
from django.utils.safestring import mark_safe

from portal.rendering import OptionsSelect

CHOICES = [
    ("", "---------"),
    ("a", "Alpha & <Omega>"),
    ("Group “one”", [("b", "Beta"), ("c", "Gamma")]),
    (3, "Three"),
    ("d", mark_safe("<b>Delta</b>")),
]


@pytest.mark.parametrize("value", [None, "", "a", "c", 3, "missing"])
@pytest.mark.parametrize(
    "attrs",
    [None, {"id": "id_kind"}, {"id": "id_kind", "required": True, "disabled": False, "aria-describedby": "x y"}],
)
def test_the_select_is_djangos(value, attrs):
    """Options, groups, the selected option, escaped labels and attributes (true ones bare, false ones left out,
    in their order, a label already safe left as it is): the same HTML as Django's template-rendered select."""
    assert OptionsSelect(choices=CHOICES).render("kind", value, attrs) == forms.Select(choices=CHOICES).render(
        "kind", value, attrs
    )


def test_a_filter_form_uses_it():
    """A bound form's field renders through it with its own label and the value chosen."""

    class KindForm(forms.Form):
        kind = forms.ChoiceField(choices=CHOICES, required=False, widget=OptionsSelect)

    html = str(KindForm({"kind": "b"})["kind"])
    assert '<option value="b" selected>Beta</option>' in html
    assert "Alpha &amp; &lt;Omega&gt;" in html
