from django import forms
from django.utils.translation import gettext_lazy as _

from portal.markets import Market

from .models import ConsultationRequest, Need, Timing


class SolutionFilterForm(forms.Form):
    """The catalog filters, submitted with GET; every field is optional."""

    market = forms.ChoiceField(label=_("Target market"), required=False)
    need = forms.ChoiceField(label=_("Category"), required=False)
    free = forms.BooleanField(label=_("Only free or subsidised offerings"), required=False)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["market"].choices = [("", _("Any market")), *Market.choices]
        self.fields["need"].choices = [("", _("Any category")), *[(c.need, c.title) for c in categories]]

    def filters(self):
        """Keyword arguments for the selector; no filtering when the form is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"market": data["market"], "need": data["need"], "free_only": data["free"]}


class SolutionGuideForm(forms.Form):
    """The short "what do you need?" guide: one market and one need."""

    market = forms.ChoiceField(label=_("Where do you want to sell?"), choices=Market.choices)
    need = forms.ChoiceField(label=_("What do you need help with?"), choices=Need.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["market"].choices = [("", _("Choose a market")), *Market.choices]
        self.fields["need"].choices = [("", _("Choose a need")), *Need.choices]


class ConsultationRequestForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Company"), queryset=None, empty_label=None)
    need = forms.ChoiceField(label=_("What do you need?"), choices=Need.choices)
    market = forms.ChoiceField(label=_("Target market"), choices=Market.choices)
    timing = forms.ChoiceField(label=_("When do you need it?"), choices=Timing.choices)
    message = forms.CharField(
        label=_("Message to the provider"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        help_text=_("Describe your products and what you expect from the provider."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the bureau shares my name, e-mail address and company with the provider."),
        required=False,
        help_text=_("We need your consent to introduce you. The provider uses your details only to contact you."),
    )

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies

    def clean_consent(self):
        consent = self.cleaned_data.get("consent")
        if not consent:
            raise forms.ValidationError(
                _("Please agree to share your contact details with the provider; without it we cannot introduce you."),
                code="consent_required",
            )
        return consent


class ProviderRatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Score"),
        coerce=int,
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
        help_text=_("5 is the best."),
    )
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class ConsultationRequestStatusForm(forms.Form):
    """Staff move a request to one of the statuses allowed from the one the page showed.

    ``expected_status`` carries the status the page showed; the service refuses the move when the request has
    moved since (someone else changed it), instead of applying it to a status nobody saw.
    """

    expected_status = forms.ChoiceField(choices=ConsultationRequest.Status.choices, widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)

    def __init__(self, *args, consultation_request: ConsultationRequest, **kwargs):
        super().__init__(*args, **kwargs)
        shown = consultation_request.status
        if self.is_bound and self.data.get(self.add_prefix("expected_status")) in ConsultationRequest.Status.values:
            # The choices offered are those of the status the page showed, so a stale post reaches the
            # service (which refuses it with a clear message) rather than failing as an unknown choice.
            shown = self.data[self.add_prefix("expected_status")]
        self.fields["expected_status"].initial = shown
        allowed = ConsultationRequest.TRANSITIONS.get(shown, ())
        self.fields["status"].choices = [
            (value, label) for value, label in ConsultationRequest.Status.choices if value in allowed
        ]
