import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.markets import Market

from .models import Company


class CompanyDetailsForm(forms.ModelForm):
    """The details an owner can change; target markets are ticked from the shared list."""

    target_markets = forms.MultipleChoiceField(
        label=_("Target markets"),
        choices=Market.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    website = forms.URLField(
        label=Company._meta.get_field("website").verbose_name,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    class Meta:
        model = Company
        fields = [
            "name_zh",
            "name_en",
            "address",
            "district",
            "industry",
            "website",
            "target_markets",
            "ecommerce_maturity",
        ]


class CompanyRegistrationForm(CompanyDetailsForm):
    """Registration adds the 統一編號; full-width digits and spaces typed with a Chinese IME are accepted."""

    ubn = forms.CharField(
        label=Company._meta.get_field("ubn").verbose_name,
        max_length=20,
        help_text=_("The 8-digit number on your business registration."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"unique": _("A company with this unified business number is already registered.")},
    )

    class Meta(CompanyDetailsForm.Meta):
        fields = ["name_zh", "name_en", "ubn", *CompanyDetailsForm.Meta.fields[2:]]

    def clean_ubn(self):
        return "".join(unicodedata.normalize("NFKC", self.cleaned_data["ubn"]).split())


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Colleague's e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
