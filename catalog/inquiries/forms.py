"""Forms of the inquiry desk: the buyer's inquiry, and a reply in a thread (supplier or buyer)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Inquiry

MESSAGE_MAX_LENGTH = 5000


class HoneypotMixin:
    """For a form with a ``website`` honeypot field: hidden from people (never among the visible fields, no
    autocomplete, out of the tab order), filled in by bots, and never passed on to the service."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_spam_bot(self):
        """True when the honeypot was filled in."""
        return bool(self.cleaned_data.get("website"))

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    def service_arguments(self):
        data = dict(self.cleaned_data)
        data.pop("website", None)
        return data


class InquiryForm(HoneypotMixin, forms.ModelForm):
    """A buyer's inquiry or RFQ. ``website`` is a honeypot: hidden from people, filled in by bots."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)
    consent = forms.BooleanField(
        label=_("I agree that the bureau and this supplier use my contact details to answer this inquiry."),
        error_messages={"required": _("Please agree so that the supplier may contact you.")},
    )

    class Meta:
        model = Inquiry
        fields = [
            "buyer_name",
            "buyer_company",
            "country",
            "email",
            "quantity",
            "target_price_twd",
            "incoterm",
            "message",
            "consent",
        ]
        labels = {"buyer_name": _("Your name"), "email": _("Your e-mail address")}
        help_texts = {
            "email": _("We send you a link to confirm it; the supplier sees the inquiry after you confirm."),
            "incoterm": _("Optional: the delivery terms you prefer, e.g. FOB or CIF."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX_LENGTH})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose your country")), *Inquiry._meta.get_field("country").choices]
        self.fields["incoterm"].choices = [("", _("No preference")), *Inquiry._meta.get_field("incoterm").choices]
        self.fields["message"].max_length = MESSAGE_MAX_LENGTH


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX_LENGTH}),
    )
