"""Forms of requests for quotation: the buyer's request and the supplier's quote."""

import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.inquiries.forms import MESSAGE_MAX_LENGTH, HoneypotMixin
from catalog.showcase.models import CertificateType, Product, ProductCategory

from .models import QuoteRequest, QuoteVersion, SampleOffer, SourcingError
from .services import MAX_DEADLINE_DAYS, MAX_TIERS, check_deadline


class DateInput(forms.DateInput):
    """The browser's date picker, which reads and writes ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RequestForm(HoneypotMixin, forms.ModelForm):
    """A buyer's request. ``website`` is a honeypot: hidden from people, filled in by bots."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)
    required_certificates = forms.MultipleChoiceField(
        label=_("Required certificates"),
        choices=CertificateType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only suppliers holding them, valid and recognised in the destination market, are asked."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the bureau and the matched suppliers use my contact details to answer this request."),
        error_messages={"required": _("Please agree so that suppliers may contact you.")},
    )

    class Meta:
        model = QuoteRequest
        fields = [
            "description",
            "category",
            "quantity",
            "unit",
            "target_price",
            "currency",
            "destination",
            "required_certificates",
            "deadline",
            "buyer_name",
            "buyer_company",
            "email",
            "consent",
        ]
        labels = {"buyer_name": _("Your name"), "email": _("Your e-mail address")}
        help_texts = {
            "email": _("We send you a link to confirm it; suppliers see the request after you confirm."),
            "target_price": _("Per unit, in the currency below."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX_LENGTH}),
            "deadline": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = ProductCategory.objects.order_by("path")
        self.fields["category"].label_from_instance = lambda category: category.translated("name")
        self.fields["description"].max_length = MESSAGE_MAX_LENGTH
        self.fields["deadline"].help_text = _("Within %(days)d days from today.") % {"days": MAX_DEADLINE_DAYS}
        self.fields["quantity"].error_messages["min_value"] = _("The quantity must be at least 1.")

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        try:
            check_deadline(deadline)
        except SourcingError as error:
            raise forms.ValidationError(str(error)) from None
        return deadline


class QuoteForm(forms.ModelForm):
    """A supplier's quote (or its revision): up to three quantity tiers with a unit price in TWD each."""

    product = forms.ModelChoiceField(label=_("Product offered"), queryset=Product.objects.none(), required=False)

    class Meta:
        model = QuoteVersion
        fields = ["moq", "lead_time_days", "sample_offer", "valid_until", "message"]
        widgets = {
            "valid_until": DateInput(),
            "message": forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_MAX_LENGTH}),
        }

    def __init__(self, *args, company, previous=None, **kwargs):
        """``previous``: the current version of the supplier's quote, which a revision starts from."""
        super().__init__(*args, instance=previous, **kwargs)
        self.instance = QuoteVersion()
        self.fields["product"].queryset = Product.objects.public().for_company(company).order_by("name_en")
        self.fields["product"].label_from_instance = lambda product: product.name
        self.fields["sample_offer"].choices = SampleOffer.choices
        for index in range(1, MAX_TIERS + 1):
            required = index == 1
            self.fields[f"tier{index}_quantity"] = forms.IntegerField(
                label=_("From quantity (tier %(number)d)") % {"number": index}, min_value=1, required=required
            )
            self.fields[f"tier{index}_price"] = forms.DecimalField(
                label=_("Unit price in TWD (tier %(number)d)") % {"number": index},
                min_value=Decimal("0.01"),
                max_digits=12,
                decimal_places=2,
                required=required,
            )
        if previous is not None:
            self.initial["product"] = previous.quote.product_id
            for index, (quantity, price) in enumerate(previous.tiers, start=1):
                self.initial[f"tier{index}_quantity"] = quantity
                self.initial[f"tier{index}_price"] = price
        elif "valid_until" not in self.initial:
            self.initial["valid_until"] = timezone.localdate() + datetime.timedelta(days=30)

    def clean(self):
        cleaned = super().clean()
        for index in range(2, MAX_TIERS + 1):
            quantity, price = cleaned.get(f"tier{index}_quantity"), cleaned.get(f"tier{index}_price")
            if (quantity is None) != (price is None):
                self.add_error(f"tier{index}_price", _("Give both the quantity and the price of this tier."))
        return cleaned

    def tier_fields(self):
        return [(self[f"tier{i}_quantity"], self[f"tier{i}_price"]) for i in range(1, MAX_TIERS + 1)]

    def service_arguments(self):
        data = self.cleaned_data
        tiers = [
            (data[f"tier{i}_quantity"], data[f"tier{i}_price"])
            for i in range(1, MAX_TIERS + 1)
            if data.get(f"tier{i}_quantity") is not None and data.get(f"tier{i}_price") is not None
        ]
        fields = {name: data[name] for name in ("moq", "lead_time_days", "sample_offer", "valid_until", "message")}
        return {"product": data.get("product"), "tiers": tiers, **fields}
