"""A list of target markets stored as JSON, edited as checkboxes."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.markets import Market


class MarketsField(models.JSONField):
    """A JSON list of ``Market`` codes; the form shows one checkbox per market and rejects unknown codes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        path = "catalog.fields.MarketsField"
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=Market.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": _("%(value)s is not one of the markets we support.")},
        )
