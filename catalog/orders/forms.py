"""Forms of the sample order flow. No form has an amount field: amounts are always computed on the server."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from payments.currencies import Currency, currency_for_country

from . import selectors
from .models import SampleOrder


class SampleQuantityForm(forms.Form):
    """How many samples of one product (1 to the product's sample limit)."""

    quantity = forms.IntegerField(label=_("Number of samples"), initial=1)

    def __init__(self, *args, product, **kwargs):
        super().__init__(*args, **kwargs)
        self.product = product
        limit = selectors.sample_limit(product)
        field = self.fields["quantity"]
        field.widget.attrs.update({"min": 1, "max": limit})
        field.error_messages["required"] = _("Enter how many samples you want.")
        field.error_messages["invalid"] = _("Enter a whole number.")

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        limit = selectors.sample_limit(self.product)
        if quantity < 1 or quantity > limit:
            raise forms.ValidationError(
                _("You can order between 1 and %(limit)s samples of this product."), params={"limit": limit}
            )
        return quantity


AUTOMATIC = ""


class CheckoutForm(forms.Form):
    """The buyer's details for one supplier's samples; the currency follows the country unless chosen."""

    buyer_name = forms.CharField(label=_("Your name"), max_length=200)
    buyer_company = forms.CharField(label=_("Company"), max_length=200)
    buyer_email = forms.EmailField(
        label=_("E-mail"), help_text=_("We send the payment confirmation and tracking number here.")
    )
    buyer_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    shipping_address = forms.CharField(
        label=_("Shipping address"), widget=forms.Textarea(attrs={"rows": 4}), max_length=1000
    )
    country = forms.ChoiceField(label=_("Country"))
    currency = forms.ChoiceField(
        label=_("Currency"),
        required=False,
        help_text=_("Chosen from your country; you may pick another supported currency."),
        error_messages={"invalid_choice": _("Payments in this currency are not supported.")},
    )
    # The total the buyer was shown ("THB:33334"): paying goes ahead only when it still matches.
    quote = forms.CharField(required=False, widget=forms.HiddenInput)
    # Issued with the reviewed total; sending the same form twice finds the order it placed.
    checkout_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country")), *countries]
        self.fields["currency"].choices = [(AUTOMATIC, _("The currency of my country")), *Currency.choices]
        self.fields["country"].error_messages["invalid_choice"] = _("Choose a country from the list.")

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if country and not cleaned.get("currency"):
            cleaned["currency"] = currency_for_country(country)
        return cleaned


class OrderFilterForm(forms.Form):
    """``?status=``: one of the states people see (fulfilment, and payment while the order is placed)."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All orders")), *SampleOrder.State.choices]
    )


class ShipOrderForm(forms.Form):
    """Carrier and tracking number of a parcel; the service checks the order may be shipped."""

    carrier = forms.CharField(
        label=_("Carrier"),
        max_length=100,
        help_text=_("For example DHL Express, FedEx or Chunghwa Post."),
        error_messages={"required": _("Enter the carrier.")},
    )
    tracking_number = forms.CharField(
        label=_("Tracking number"), max_length=100, error_messages={"required": _("Enter the tracking number.")}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="ship_%s", **kwargs)
