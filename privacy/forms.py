from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DataRequest


class GuestRequestForm(forms.Form):
    """A buyer without an account: the address the inquiries or orders were sent with, and what to do."""

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    kind = forms.ChoiceField(
        label=_("What would you like?"),
        choices=[
            (DataRequest.Kind.EXPORT, _("A copy of the data you hold about me")),
            (DataRequest.Kind.ERASURE, _("Erase the data you hold about me")),
        ],
        widget=forms.RadioSelect,
        initial=DataRequest.Kind.EXPORT,
    )


class StaffDecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you refuse: the person is told why."),
    )
    expected_status = forms.CharField(widget=forms.HiddenInput)
