"""One way to render a form field on every public and signed-in page.

`FORM_RENDERER` points here. `{{ form }}` renders portal/templates/forms/form.html (the error summary linked
to the fields, then every field group); `{{ field.as_field_group }}` and includes/field.html render
forms/field.html, the GOV.UK Frontend field pattern: label above the control, hint, inline error, optional
fields marked, choices as checkbox or radio items. Widgets keep Django's own templates, so Wagtail's admin,
which renders its fields itself and never through `{{ form }}`, looks as before.
"""

from django.forms.renderers import DjangoTemplates


class PortalFormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
