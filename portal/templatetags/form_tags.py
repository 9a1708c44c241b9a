"""Filters that give Django's widgets the design system's classes without replacing their templates."""

from django import forms, template

register = template.Library()

# Widths in GOV.UK Frontend's character-based width classes, by what the answer usually needs.
_NARROW = (forms.NumberInput, forms.DateInput, forms.TimeInput)
_MEDIUM = (forms.EmailInput, forms.URLInput)
_MEDIUM_TYPES = {"tel"}

# Choice lists longer than this are laid out as a compact grid (the 20 markets, categories).
GRID_FROM = 6


def _control_class(bound_field):
    widget = bound_field.field.widget
    error = bool(bound_field.errors)
    if isinstance(widget, forms.CheckboxInput):
        return "govuk-checkboxes__input"
    if isinstance(widget, forms.Select):
        return "govuk-select" + (" govuk-select--error" if error else "")
    if isinstance(widget, forms.Textarea):
        return "govuk-textarea" + (" govuk-textarea--error" if error else "")
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "govuk-file-upload" + (" govuk-file-upload--error" if error else "")
    classes = ["govuk-input"]
    if isinstance(widget, _NARROW):
        classes.append("govuk-input--width-10")
    elif isinstance(widget, _MEDIUM) or getattr(widget, "input_type", "") in _MEDIUM_TYPES:
        classes.append("govuk-input--width-20")
    if error:
        classes.append("govuk-input--error")
    return " ".join(classes)


@register.filter
def control(bound_field):
    """The field's widget with the design system's control class added to its own classes."""
    own = bound_field.field.widget.attrs.get("class", "")
    return bound_field.as_widget(attrs={"class": f"{own} {_control_class(bound_field)}".strip()})


@register.filter
def choice_input(bound_widget, css_class):
    """One checkbox or radio of a multiple-choice field, without its label, with `css_class` added."""
    data = dict(bound_widget.data)
    attrs = dict(data.get("attrs") or {})
    attrs["class"] = f"{attrs.get('class', '')} {css_class}".strip()
    data["attrs"] = attrs
    return bound_widget.parent_widget._render(
        bound_widget.template_name, {"widget": {**data, "wrap_label": False}}, bound_widget.renderer
    )


@register.filter
def choice_kind(bound_field):
    """ "checkboxes" or "radios" for a multiple-choice field shown as items, "" for any other widget."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    return ""


@register.filter
def in_grid(bound_field):
    return len(bound_field.field.widget.choices) > GRID_FROM
