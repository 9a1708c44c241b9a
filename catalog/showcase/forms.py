"""Forms of the supplier dashboard. They only validate input; the services do the writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.uploads import check_image_pixels

from .imports import MAX_FILE_BYTES
from .models import Certificate, Product
from .translated import language_columns

PRODUCT_FIELDS = [
    "sku",
    *language_columns("name"),
    *language_columns("description"),
    "category",
    "price_twd",
    "moq",
    "order_multiple",
    "unit",
    "lead_time_days",
    "hs_code",
    "origin",
    "shelf_life_days",
    "storage",
    "weight_grams",
    "length_mm",
    "width_mm",
    "height_mm",
    "ships_to",
    "stock_status",
    "sample_available",
    "sample_price_twd",
    "sample_limit",
    "certificates",
]


class ProductForm(forms.ModelForm):
    """Every product field; certificates are limited to the company's own wallet."""

    class Meta:
        model = Product
        fields = PRODUCT_FIELDS

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["certificates"].queryset = Certificate.objects.for_company(company)
        self.fields["certificates"].widget = forms.CheckboxSelectMultiple()
        self.fields["certificates"].required = False
        self.fields["certificates"].help_text = _(
            "Buyers see only the certificates that are valid on the day they look."
        )

    def validate_unique(self):
        """SKU uniqueness is checked per company by the service."""


class PriceTierForm(forms.Form):
    min_quantity = forms.IntegerField(label=_("From quantity"), min_value=1)
    unit_price_twd = forms.DecimalField(label=_("Unit price (TWD)"), min_value=0, max_digits=12, decimal_places=2)


class BasePriceTierFormSet(forms.BaseFormSet):
    def _kept_forms(self):
        """The filled-in tiers that are not marked for deletion and passed their own validation.

        A tier with an error (``10 pcs`` as a quantity, a price without a quantity) has only part of its
        cleaned data; its message is shown next to its fields, so the formset's checks leave it out.
        """
        return [f for f in self.forms if f.cleaned_data and not f.errors and not f.cleaned_data.get("DELETE")]

    def clean(self):
        super().clean()
        quantities = [form.cleaned_data["min_quantity"] for form in self._kept_forms()]
        if len(quantities) != len(set(quantities)):
            raise forms.ValidationError(_("Each tier needs a different starting quantity."))

    def tiers(self):
        return [
            {"min_quantity": f.cleaned_data["min_quantity"], "unit_price_twd": f.cleaned_data["unit_price_twd"]}
            for f in self._kept_forms()
        ]


PriceTierFormSet = forms.formset_factory(
    PriceTierForm, formset=BasePriceTierFormSet, extra=2, can_delete=True, max_num=10, validate_max=True
)


class ProductImageForm(forms.Form):
    upload = forms.FileField(label=_("Image (JPEG, PNG or WebP)"))
    alt_text = forms.CharField(
        label=_("Alt text"),
        max_length=250,
        help_text=_("Describe what the picture shows, for buyers who cannot see it."),
    )


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = ["certificate_type", "issuer", "number", "valid_from", "valid_until", "recognised_markets"]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "valid_until": forms.DateInput(attrs={"type": "date"}),
        }

    scan = forms.FileField(
        label=_("Scanned copy (PDF, JPEG or PNG)"),
        required=False,
        help_text=_("Private: seen by your company and the bureau only."),
    )

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if scan is None:
            return None
        head = scan.read(8)
        scan.seek(0)
        if not (head.startswith(b"%PDF-") or head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff")):
            raise forms.ValidationError(_("Upload the scan as a PDF, JPEG or PNG file."))
        if not head.startswith(b"%PDF-"):
            check_image_pixels(scan)
        return scan

    def validate_unique(self):
        """Uniqueness per company is checked by the service (the company is not a form field)."""


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Product file (CSV or XLSX)"),
        help_text=_("The columns are listed below. Every row must be valid, or nothing is imported."),
    )

    def clean_file(self):
        """Refuse a file over the import limit before it is read into memory."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(max)s MB. Split it into smaller files.")
                % {"max": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload
