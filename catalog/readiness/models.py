"""Market readiness: staff rules per market (and category), and the facts a supplier keeps per product that
the product itself does not hold (label languages, a halal claim, market registration numbers).

A product's checklist is never stored: `catalog.readiness.checklist` computes it from these rules, the
product's data and its valid certificates (docs/architecture.md, "Market readiness").
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.showcase.models import CertificateType
from portal.markets import Market


class Requirement(models.TextChoices):
    """The kinds of rule the checklist knows how to evaluate."""

    SHIPS_TO = "ships_to", _("Ships to the market")
    HS_CODE = "hs_code", _("HS code given")
    SHELF_LIFE = "shelf_life", _("Shelf life given")
    WEIGHT_DIMENSIONS = "weight_dimensions", _("Weight and dimensions given")
    IMAGES = "images", _("Enough product images")
    DESCRIPTION_LANGUAGE = "description", _("Description in the market's language")
    LABEL_LANGUAGE = "label", _("Label in a required language")
    CERTIFICATE = "certificate", _("Certificate recognised in the market")
    REGISTRATION = "registration", _("Registration number for the market")


class RegistrationKind(models.TextChoices):
    TH_FDA = "th_fda", _("Thai FDA registration number")
    MY_NPRA = "my_npra", _("Malaysian NPRA cosmetic notification number")
    ID_BPOM = "id_bpom", _("Indonesian BPOM registration number")
    VN_DECLARATION = "vn_declaration", _("Vietnamese product declaration number")


# The market each registration belongs to.
REGISTRATION_MARKETS = {
    RegistrationKind.TH_FDA: Market.THAILAND,
    RegistrationKind.MY_NPRA: Market.MALAYSIA,
    RegistrationKind.ID_BPOM: Market.INDONESIA,
    RegistrationKind.VN_DECLARATION: Market.VIETNAM,
}

# The language a buyer in the market reads (a "description in the market's language" rule without
# languages of its own asks for one of these); markets not listed read English.
MARKET_LANGUAGES = {
    Market.THAILAND: ("th",),
    Market.MALAYSIA: ("ms",),
    Market.INDONESIA: ("id",),
    Market.VIETNAM: ("vi",),
    Market.SINGAPORE: ("en",),
    Market.TAIWAN: ("zh-hant",),
}
DEFAULT_MARKET_LANGUAGES = ("en",)

# Languages a label or description may be in, named in the reader's language.
LANGUAGE_LABELS = {
    "zh-hant": _("Chinese"),
    "en": _("English"),
    "th": _("Thai"),
    "ms": _("Malay"),
    "id": _("Indonesian"),
    "vi": _("Vietnamese"),
}
LANGUAGE_CODES = tuple(LANGUAGE_LABELS)

# Registration numbers differ per agency (e.g. Thai FDA 10-1-12345-1-0001, BPOM MD 123456789012): letters,
# digits and the separators they use.
REGISTRATION_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]{2,38}[A-Za-z0-9]$")
REGISTRATION_NUMBER_MESSAGE = _("A registration number has 4 to 40 letters, digits, spaces, dots, dashes or slashes.")


class RuleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Rule(models.Model):
    """One requirement of a market, for every product or for one category and the categories below it.

    Every change makes a new version (`services.save_rule`), kept in `RuleVersion`; a checklist names the
    version it used. `need` is the solution catalog's need code (e.g. "compliance") whose providers help
    with the requirement: the checklist links to them without importing the solution catalog.
    """

    market = models.CharField(_("market"), max_length=2, choices=Market.choices)
    category = models.ForeignKey(
        "showcase.ProductCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="readiness_rules",
        help_text=_("Leave empty for every product; a category includes the categories below it."),
    )
    requirement = models.CharField(_("requirement"), max_length=20, choices=Requirement.choices)
    required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("A product is ready for the market only when every required item is met."),
    )
    min_images = models.PositiveSmallIntegerField(
        _("minimum number of images"), null=True, blank=True, help_text=_("For “Enough product images”.")
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_(
            "For a label: any one of these languages. For a description: any one of these, or the market's "
            "language when empty."
        ),
    )
    certificate_type = models.CharField(
        _("certificate type"), max_length=10, choices=CertificateType.choices, blank=True
    )
    only_if_halal_claim = models.BooleanField(
        _("only for products that claim to be halal"),
        default=False,
        help_text=_("For a certificate: not applicable to products that make no halal claim."),
    )
    registration_kind = models.CharField(_("registration"), max_length=20, choices=RegistrationKind.choices, blank=True)
    need = models.CharField(
        _("solution catalog need"),
        max_length=20,
        blank=True,
        help_text=_("The need code of the solution catalog whose providers help, e.g. “compliance”."),
    )
    source_name = models.CharField(
        _("source"), max_length=200, help_text=_("E.g. Thai FDA, JAKIM, Decree 15/2018/ND-CP.")
    )
    source_url = models.URLField(_("source address"), max_length=500)
    source_date = models.DateField(_("source date"), help_text=_("The date of the source, or when it was consulted."))
    active = models.BooleanField(_("active"), default=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("readiness rule")
        verbose_name_plural = _("readiness rules")
        ordering = ["market", "requirement", "pk"]

    # Fields whose change makes a new version.
    VERSIONED_FIELDS = (
        "market",
        "category_id",
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
    )

    def __str__(self):
        return f"{self.get_market_display()}: {self.describe()}"

    def snapshot(self):
        """The rule's versioned fields as plain JSON values."""
        values = {name: getattr(self, name) for name in self.VERSIONED_FIELDS}
        values["source_date"] = self.source_date.isoformat() if self.source_date else None
        return values

    def describe(self):
        """What the rule asks for, in the active language."""
        if self.requirement == Requirement.IMAGES and self.min_images:
            return _("At least %(count)s product images") % {"count": self.min_images}
        if self.requirement == Requirement.LABEL_LANGUAGE and self.languages:
            return _("Label in %(languages)s") % {"languages": language_names(self.languages)}
        if self.requirement == Requirement.DESCRIPTION_LANGUAGE:
            languages = self.languages or MARKET_LANGUAGES.get(self.market, DEFAULT_MARKET_LANGUAGES)
            return _("Description in %(languages)s") % {"languages": language_names(languages)}
        if self.requirement == Requirement.CERTIFICATE and self.certificate_type:
            words = _("%(certificate)s certificate recognised in %(market)s") % {
                "certificate": CertificateType(self.certificate_type).label,
                "market": self.get_market_display(),
            }
            if self.only_if_halal_claim:
                words = _("%(requirement)s (for products that claim to be halal)") % {"requirement": words}
            return words
        if self.requirement == Requirement.REGISTRATION and self.registration_kind:
            return str(RegistrationKind(self.registration_kind).label)
        if self.requirement == Requirement.SHIPS_TO:
            return _("Ships to %(market)s") % {"market": self.get_market_display()}
        return str(self.get_requirement_display())

    def clean(self):
        super().clean()
        errors = {}
        unknown = [code for code in self.languages or [] if code not in LANGUAGE_CODES]
        if not isinstance(self.languages, list) or unknown:
            errors["languages"] = _("Choose languages from the list.")
        if self.requirement == Requirement.IMAGES and not self.min_images:
            errors["min_images"] = _("Give the minimum number of images (1 or more).")
        if self.requirement == Requirement.LABEL_LANGUAGE and not self.languages:
            errors["languages"] = _("Choose at least one language the label may be in.")
        if self.requirement == Requirement.CERTIFICATE and not self.certificate_type:
            errors["certificate_type"] = _("Choose the certificate type the market requires.")
        if self.only_if_halal_claim and self.requirement != Requirement.CERTIFICATE:
            errors["only_if_halal_claim"] = _("Only a certificate rule can depend on a halal claim.")
        if self.requirement == Requirement.REGISTRATION:
            if not self.registration_kind:
                errors["registration_kind"] = _("Choose the registration the market requires.")
            elif self.market and REGISTRATION_MARKETS.get(self.registration_kind) != self.market:
                errors["registration_kind"] = _("This registration belongs to another market.")
        if self.need and not re.fullmatch(r"[a-z_]{2,20}", self.need):
            errors["need"] = _("A need code has lower-case letters and underscores only, e.g. “compliance”.")
        if errors:
            raise ValidationError(errors)


class RuleVersion(models.Model):
    """A rule as it was at one version (the rule's history)."""

    rule = models.ForeignKey(Rule, verbose_name=_("rule"), on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))
    values = models.JSONField(_("values"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("readiness rule version")
        verbose_name_plural = _("readiness rule versions")
        ordering = ["rule", "version"]
        constraints = [models.UniqueConstraint(fields=["rule", "version"], name="unique_readiness_rule_version")]

    def __str__(self):
        return f"{self.rule_id} v{self.version}"


class ProductReadiness(models.Model):
    """What a supplier states about a product for the markets' rules: its label languages, whether it claims to
    be halal, and its registration numbers ({kind: number})."""

    product = models.OneToOneField(
        "showcase.Product", verbose_name=_("product"), on_delete=models.CASCADE, related_name="readiness"
    )
    label_languages = models.JSONField(_("label languages"), default=list, blank=True)
    claims_halal = models.BooleanField(_("claims to be halal"), default=False)
    registrations = models.JSONField(_("registration numbers"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("product readiness data")
        verbose_name_plural = _("product readiness data")

    def __str__(self):
        return str(self.product_id)


def language_names(codes):
    """ "Thai or English": the languages' names in the active language, joined by "or"."""
    labels = [str(LANGUAGE_LABELS[code]) for code in codes if code in LANGUAGE_LABELS]
    if len(labels) <= 1:
        return "".join(labels)
    return _("%(first)s or %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}
