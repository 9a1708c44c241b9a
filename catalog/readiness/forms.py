from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import LANGUAGE_LABELS, REGISTRATION_NUMBER, REGISTRATION_NUMBER_MESSAGE, RegistrationKind, Rule

LANGUAGE_CHOICES = list(LANGUAGE_LABELS.items())


class RuleForm(WagtailAdminModelForm):
    """The staff form of a rule: languages as checkboxes; the model's `clean()` checks the rest."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Rule._meta.get_field("languages").help_text,
    )

    class Meta(WagtailAdminModelForm.Meta):  # keeps Wagtail's admin form fields (date picker, https:// default)
        model = Rule
        fields = [
            "market",
            "category",
            "requirement",
            "required",
            "min_images",
            "languages",
            "certificate_type",
            "only_if_halal_claim",
            "registration_kind",
            "need",
            "source_name",
            "source_url",
            "source_date",
            "active",
        ]


class ReadinessForm(forms.Form):
    """What a supplier states about a product: label languages, a halal claim, one field per registration."""

    label_languages = forms.MultipleChoiceField(
        label=_("Languages on the product's label"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    claims_halal = forms.BooleanField(
        label=_("The product is sold as halal"),
        required=False,
        help_text=_("Markets then ask for a halal certificate they recognise."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in RegistrationKind:
            self.fields[f"registration_{kind.value}"] = forms.CharField(
                label=kind.label,
                required=False,
                max_length=40,
                strip=True,
                help_text=_("Leave empty if the product has none."),
            )

    @classmethod
    def initial_from(cls, data):
        initial = {"label_languages": data.label_languages, "claims_halal": data.claims_halal}
        for kind, number in (data.registrations or {}).items():
            initial[f"registration_{kind}"] = number
        return initial

    def clean(self):
        cleaned = super().clean()
        for kind in RegistrationKind:
            name = f"registration_{kind.value}"
            number = cleaned.get(name, "")
            if number and not REGISTRATION_NUMBER.fullmatch(number):
                self.add_error(name, REGISTRATION_NUMBER_MESSAGE)
        return cleaned

    def registrations(self):
        return {kind.value: self.cleaned_data.get(f"registration_{kind.value}", "") for kind in RegistrationKind}
