"""Every form renders through one template (FORM_RENDERER): label above the control, hint, inline error, an
error summary linked to the fields, optional fields marked, long choice lists as a compact checkbox grid."""

import pytest
from django import forms
from django.utils import translation

from portal.companies.forms import CompanyRegistrationForm
from portal.markets import Market


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


class ContactForm(forms.Form):
    name = forms.CharField(label="Name", help_text="As on your passport.")
    phone = forms.CharField(label="Phone", required=False, widget=forms.TextInput(attrs={"type": "tel"}))
    size = forms.IntegerField(label="Staff")
    kind = forms.ChoiceField(label="Kind", choices=[("a", "Alpha"), ("b", "Beta")], widget=forms.RadioSelect)
    markets = forms.MultipleChoiceField(label="Markets", choices=Market.choices, widget=forms.CheckboxSelectMultiple)
    agree = forms.BooleanField(label="I agree")


def test_a_field_has_its_label_before_the_hint_and_the_control():
    """The label comes first, then the hint (tied to the control by aria-describedby), then the control with the
    design system's input class."""
    html = ContactForm()["name"].as_field_group()
    label, hint, control = html.index("<label"), html.index('class="govuk-hint"'), html.index("<input")
    assert label < hint < control
    assert 'class="govuk-input"' in html and 'aria-describedby="id_name_helptext"' in html


def test_optional_fields_are_marked_and_required_ones_are_not():
    """Only optional fields carry "(optional)"."""
    form = ContactForm()
    assert "(optional)" in form["phone"].as_field_group()
    assert "(optional)" not in form["name"].as_field_group()


def test_numbers_get_a_narrow_input_and_phone_numbers_a_medium_one():
    form = ContactForm()
    assert "govuk-input--width-10" in form["size"].as_field_group()
    assert "govuk-input--width-20" in form["phone"].as_field_group()


def test_an_invalid_form_shows_the_summary_linked_to_each_field_and_the_inline_error():
    """The whole form starts with an error summary whose links lead to the fields; each field shows its own
    message, marked invalid, between hint and control."""
    form = ContactForm(data={"name": "", "size": "many", "kind": "a", "markets": ["TH"], "agree": "on"})
    html = form.render()
    assert html.index('class="govuk-error-summary"') < html.index('class="govuk-form-group')
    assert 'href="#id_name"' in html and 'href="#id_size"' in html
    assert 'id="id_size_error"' in html and 'aria-invalid="true"' in html
    assert "govuk-form-group--error" in html and "govuk-input--error" in html


def test_a_choice_field_with_many_options_is_a_compact_grid_of_small_checkboxes_in_a_fieldset():
    """The 20 markets are small checkboxes in a grid inside a fieldset whose legend is the label."""
    html = ContactForm()["markets"].as_field_group()
    assert "<fieldset" in html and "govuk-fieldset__legend" in html
    assert "govuk-checkboxes--small checkbox-grid" in html
    assert html.count('class="govuk-checkboxes__input"') == len(Market.choices)


def test_a_short_list_of_options_is_radios_without_the_grid():
    html = ContactForm()["kind"].as_field_group()
    assert 'class="govuk-radios__input"' in html and "checkbox-grid" not in html


def test_a_single_checkbox_has_its_label_after_the_box():
    html = ContactForm()["agree"].as_field_group()
    assert html.index('class="govuk-checkboxes__input"') < html.index('class="govuk-label govuk-checkboxes__label"')


@pytest.mark.django_db
def test_the_company_registration_form_uses_the_same_rendering():
    """A model form rendered with {{ form }} goes through the same field template."""
    html = CompanyRegistrationForm().render()
    assert html.count('class="govuk-form-group') == len(CompanyRegistrationForm.base_fields)
