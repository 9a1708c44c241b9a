"""One way to render a form field on every public and signed-in page.

`FORM_RENDERER` points here. `{{ form }}` renders portal/templates/forms/form.html (the error summary linked
to the fields, then every field group); `{{ field.as_field_group }}` and includes/field.html render
forms/field.html, the GOV.UK Frontend field pattern: label above the control, hint, inline error, optional
fields marked, choices as checkbox or radio items. Widgets keep Django's own templates, so Wagtail's admin,
which renders its fields itself and never through `{{ form }}`, looks as before. `OptionsSelect` is Django's
select without a template per option, for the admin's long filter selects.
"""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


class PortalFormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


def _attributes(attrs):
    """The attributes as Django's ``attrs.html`` writes them: in order, ``True`` as the bare name, ``False``
    left out; names and values escaped."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class OptionsSelect(forms.Select):
    """Django's select, written as its templates write it (``select.html``, ``select_option.html``,
    ``attrs.html``) but without rendering a template for each option, which is most of a filter form's time."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [f'<select name="{conditional_escape(widget["name"])}"{_attributes(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                html.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            html.extend(
                f'\n  <option value="{conditional_escape(option["value"])}"{_attributes(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"
                for option in options
            )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))  # noqa: S308 (every name, value and label escaped above)
