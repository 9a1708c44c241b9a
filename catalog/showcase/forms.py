"""Forms of the supplier dashboard. They only validate input; the services do the writes."""

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.uploads import check_image_pixels

from .imports import MAX_ARCHIVE_BYTES, MAX_FILE_BYTES
from .models import Certificate, Condition, Product
from .translated import LANGUAGE_SUFFIXES, REQUIRED_LANGUAGES, column, language_columns

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
    "brand",
    "gtin",
    "mpn",
    "condition",
    "sample_available",
    "sample_price_twd",
    "sample_limit",
    "certificates",
]


def _language_fields(codes):
    return [column(field, code) for code in codes for field in ("name", "description")]


BUYER_LANGUAGES = [code for code in LANGUAGE_SUFFIXES if code not in REQUIRED_LANGUAGES]

# The product form in the order a supplier fills it in: (section, legend, fields). The buyer languages'
# names and descriptions are one disclosure per language inside their section.
PRODUCT_SECTIONS = [
    ("basics", _("Basics"), ["sku", "category", *_language_fields(REQUIRED_LANGUAGES)]),
    ("languages", _("Names and descriptions for buyers"), _language_fields(BUYER_LANGUAGES)),
    (
        "pricing",
        _("Pricing and samples"),
        ["price_twd", "unit", "moq", "order_multiple", "sample_available", "sample_price_twd", "sample_limit"],
    ),
    (
        "logistics",
        _("Logistics"),
        [
            "stock_status",
            "lead_time_days",
            "ships_to",
            "hs_code",
            "origin",
            "weight_grams",
            "length_mm",
            "width_mm",
            "height_mm",
            "shelf_life_days",
            "storage",
        ],
    ),
    ("identifiers", _("Product identifiers"), ["brand", "gtin", "mpn", "condition"]),
    ("compliance", _("Compliance"), ["certificates"]),
]


class ProductForm(forms.ModelForm):
    """Every product field; certificates are limited to the company's own wallet."""

    class Meta:
        model = Product
        fields = PRODUCT_FIELDS

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        language_names = dict(settings.LANGUAGES)
        for code in LANGUAGE_SUFFIXES:
            self.fields[column("name", code)].label = _("Product name (%(language)s)") % {
                "language": language_names[code]
            }
            self.fields[column("description", code)].label = _("Description (%(language)s)") % {
                "language": language_names[code]
            }
        category = self.fields["category"]
        category.queryset = category.queryset.select_related("parent")
        category.label_from_instance = _category_label
        certificates = self.fields["certificates"]
        certificates.queryset = Certificate.objects.for_company(company)
        certificates.label_from_instance = _certificate_label
        certificates.widget = forms.CheckboxSelectMultiple()
        certificates.required = False
        certificates.help_text = _("Buyers see only the certificates that are valid on the day they look.")
        self.fields["condition"].required = False

    def clean_condition(self):
        """New unless the supplier says otherwise (a form posted without the field keeps working)."""
        return self.cleaned_data.get("condition") or Condition.NEW

    def sections(self):
        """The form's fields grouped for the template: [{"name", "legend", "fields"|"languages"}]."""
        language_names = dict(settings.LANGUAGES)
        result = []
        for name, legend, fields in PRODUCT_SECTIONS:
            section = {"name": name, "legend": legend, "fields": [self[field] for field in fields]}
            if name == "languages":
                section["languages"] = [
                    {"name": language_names[code], "fields": [self[f] for f in _language_fields([code])]}
                    for code in BUYER_LANGUAGES
                ]
            result.append(section)
        return result

    def validate_unique(self):
        """SKU uniqueness is checked per company by the service."""


def _category_label(category):
    """ "Food and beverage › Bakery and gifts" in the supplier's language, not the slug path."""
    name = category.translated("name")
    return f"{category.parent.translated('name')} › {name}" if category.parent_id else name


def _certificate_label(certificate):
    return _("%(type)s — %(issuer)s, valid until %(date)s") % {
        "type": certificate.get_certificate_type_display(),
        "issuer": certificate.issuer,
        "date": date_format(certificate.valid_until, "DATE_FORMAT"),
    }


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
    images = forms.FileField(
        label=_("Pictures (ZIP)"),
        required=False,
        help_text=_("A ZIP with the JPEG, PNG or WebP pictures named in the images column, each up to 10 MB."),
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

    def clean_images(self):
        """Refuse a ZIP over the limit, or a file that is not a ZIP by its content, before it is opened."""
        upload = self.cleaned_data.get("images")
        if upload is None:
            return None
        if upload.size > MAX_ARCHIVE_BYTES:
            raise forms.ValidationError(
                _("The ZIP of pictures is larger than %(max)s MB. Split the import.")
                % {"max": MAX_ARCHIVE_BYTES // (1024 * 1024)}
            )
        head = upload.read(4)
        upload.seek(0)
        if head != b"PK\x03\x04":
            raise forms.ValidationError(_("Upload the pictures as one ZIP file."))
        return upload
