"""Taipei Good Products (台北好物館): supplier profiles, the certificate wallet, categories, products, collections.

Moderation: ``Product`` is a Wagtail snippet with draft state, revisions, locking and a workflow.
While a product is live, its database row holds the approved (public) version: Wagtail's edit and
revision machinery store a live product's new edits only in revisions (``save_revision()`` without
saving the row) until a revision is published. Public code therefore reads rows filtered by
``Product.objects.live()`` and never needs ``live_revision.as_object()``. Price tiers, images and
certificates are parental relations, so they travel inside each revision too.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin

from portal.markets import Market, MarketsField
from portal.status import StaleStatus, StatusMachine, TransitionError
from portal.storage import PrivateStorage

from ..translated import LANGUAGE_SUFFIXES, TranslatedFieldsMixin, column


class ShowcaseError(Exception):
    """A showcase action is not allowed; the message is shown to the user."""


# --- Supplier profile ------------------------------------------------------------------------------------


class SupplierProfile(TranslatedFieldsMixin, models.Model):
    """The public face of a company in the showcase. Typical reply time is computed from its inquiries."""

    company = models.OneToOneField(
        "companies.Company", verbose_name=_("company"), on_delete=models.CASCADE, related_name="supplier_profile"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story_zh_hant = models.TextField(_("story (zh-hant)"), blank=True)
    story_en = models.TextField(_("story (en)"), blank=True)
    story_th = models.TextField(_("story (th)"), blank=True)
    story_ms = models.TextField(_("story (ms)"), blank=True)
    story_id = models.TextField(_("story (id)"), blank=True)
    story_vi = models.TextField(_("story (vi)"), blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, validators=[MinValueValidator(1850), MaxValueValidator(2100)]
    )
    export_markets = MarketsField(_("export markets"))
    languages_spoken = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_("Language codes, e.g. zh-hant, en, th.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("supplier profile")
        verbose_name_plural = _("supplier profiles")

    def __str__(self):
        return str(self.company)

    def get_export_markets_display(self):
        return [Market(code).label for code in self.export_markets if code in Market.values]


# --- Certificate wallet ----------------------------------------------------------------------------------


class CertificateType(models.TextChoices):
    HALAL = "HALAL", _("Halal")
    MIT = "MIT", _("MIT (Made in Taiwan)")
    ISO22000 = "ISO22000", _("ISO 22000")
    HACCP = "HACCP", _("HACCP")
    ORGANIC = "ORGANIC", _("Organic")
    FDA = "FDA", _("FDA registration")
    OTHER = "OTHER", _("Other")


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, date):
        """Certificates in force on ``date`` (both ends inclusive), unless the bureau rejected them."""
        return self.filter(valid_from__lte=date, valid_until__gte=date).exclude(
            check_status=Certificate.CheckStatus.REJECTED
        )

    def valid_today(self):
        return self.valid_on(timezone.localdate())

    def needing_reminder(self, date, *, days_before=30):
        """Valid certificates that expire within ``days_before`` days and have not been reminded yet."""
        return self.valid_on(date).filter(
            valid_until__lte=date + datetime.timedelta(days=days_before), reminder_sent_at__isnull=True
        )

    def for_company(self, company):
        return self.filter(company=company)


def certificate_upload_to(instance, filename):
    return f"certificates/{instance.company_id}/{filename}"


class CertificateCheckError(ShowcaseError, TransitionError):
    """The bureau's check of a certificate cannot move that way."""


class StaleCertificateCheck(CertificateCheckError, StaleStatus):
    """Someone else checked the certificate in the meantime."""


class Certificate(StatusMachine, models.Model):
    """A certificate in a company's wallet. Products show it only while it is valid.

    Self-declared until the bureau has looked at the scan: ``check_status`` moves through the shared status
    machine (declared → checked | rejected, back to declared when the company edits it), so each check is in
    the certificate's history and the audit log. Rejected certificates are never shown to buyers.
    """

    class CheckStatus(models.TextChoices):
        DECLARED = "declared", _("Declared by the supplier")
        CHECKED = "checked", _("Checked by the bureau")
        REJECTED = "rejected", _("Rejected by the bureau")

    STATUS_FIELD = "check_status"
    TRANSITIONS = {
        CheckStatus.DECLARED: {CheckStatus.CHECKED, CheckStatus.REJECTED},
        CheckStatus.CHECKED: {CheckStatus.DECLARED, CheckStatus.REJECTED},
        CheckStatus.REJECTED: {CheckStatus.DECLARED, CheckStatus.CHECKED},
    }
    transition_error = CertificateCheckError
    stale_error = StaleCertificateCheck
    stale_message = _("This certificate was checked by someone else in the meantime. Reload the page and try again.")

    company = models.ForeignKey(
        "companies.Company", verbose_name=_("company"), on_delete=models.CASCADE, related_name="certificates"
    )
    certificate_type = models.CharField(_("type"), max_length=10, choices=CertificateType.choices)
    issuer = models.CharField(_("issuer"), max_length=200, help_text=_("E.g. JAKIM, BPJPH, CICOT, SGS."))
    number = models.CharField(_("certificate number"), max_length=100)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    recognised_markets = MarketsField(_("markets that recognise it"))
    scan = models.FileField(
        _("scanned copy"),
        storage=PrivateStorage(),
        upload_to=certificate_upload_to,
        max_length=255,
        blank=True,
        help_text=_("Private: seen by your company and the bureau only."),
    )
    reminder_sent_at = models.DateTimeField(_("expiry reminder sent at"), null=True, blank=True)
    check_status = models.CharField(
        _("bureau check"), max_length=10, choices=CheckStatus.choices, default=CheckStatus.DECLARED
    )
    checked_at = models.DateTimeField(_("checked by the bureau on"), null=True, blank=True)
    check_note = models.TextField(_("note of the check"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["certificate_type", "valid_until"]
        permissions = [("check_certificate", _("Can open certificate scans and check certificates"))]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "certificate_type", "number"], name="unique_certificate_per_company"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")), name="certificate_valid_until_after_from"
            ),
        ]

    def __str__(self):
        return f"{self.get_certificate_type_display()} {self.issuer} {self.number}"

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date must be on or after the start date.")})

    def is_valid_on(self, date):
        return self.valid_from <= date <= self.valid_until

    @property
    def is_valid_today(self):
        return self.is_valid_on(timezone.localdate())

    def get_recognised_markets_display(self):
        return [Market(code).label for code in self.recognised_markets if code in Market.values]

    @property
    def is_checked(self):
        return self.check_status == self.CheckStatus.CHECKED

    def status_change_fields(self, old, new, *, now):
        return {"checked_at": now if new != self.CheckStatus.DECLARED else None}


# --- Categories ------------------------------------------------------------------------------------------


class ProductCategoryQuerySet(models.QuerySet):
    def roots(self):
        return self.filter(parent__isnull=True)


class ProductCategory(TranslatedFieldsMixin, models.Model):
    """A staff-managed category tree. ``path`` is the slug path, e.g. ``food-beverage/snacks``."""

    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    slug = models.SlugField(_("slug"), max_length=60)
    path = models.CharField(_("slug path"), max_length=255, unique=True, editable=False)
    name_zh_hant = models.CharField(_("name (zh-hant)"), max_length=100)
    name_en = models.CharField(_("name (en)"), max_length=100)
    name_th = models.CharField(_("name (th)"), max_length=100, blank=True)
    name_ms = models.CharField(_("name (ms)"), max_length=100, blank=True)
    name_id = models.CharField(_("name (id)"), max_length=100, blank=True)
    name_vi = models.CharField(_("name (vi)"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ProductCategoryQuerySet.as_manager()

    panels = [
        FieldPanel("parent"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel(column("name", code)) for code in LANGUAGE_SUFFIXES], heading=_("Name per language")
        ),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")
        ordering = ["path"]

    def __str__(self):
        return f"{self.path} — {self.name_en}"

    def compute_path(self):
        return f"{self.parent.path}/{self.slug}" if self.parent_id else self.slug

    def clean(self):
        """Sets the slug path; refuses cycles and moves of a category that has children."""
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A category cannot be inside itself.")})
            ancestor = ancestor.parent
        new_path = self.compute_path()
        if self.pk and new_path != self.path and self.children.exists():
            raise ValidationError(
                {"slug": _("Move or rename the subcategories first: their paths depend on this one.")}
            )
        if ProductCategory.objects.filter(path=new_path).exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("Another category already has this path.")})
        self.path = new_path

    def descendant_paths_q(self):
        """A filter for products in this category or any below it."""
        return Q(category__path=self.path) | Q(category__path__startswith=f"{self.path}/")


# --- Products --------------------------------------------------------------------------------------------


hs_code_validator = RegexValidator(r"^\d{6,10}$", _("An HS code has 6 to 10 digits, without dots or spaces."))


class StockStatus(models.TextChoices):
    IN_STOCK = "in_stock", _("In stock")
    MADE_TO_ORDER = "made_to_order", _("Made to order")
    OUT_OF_STOCK = "out_of_stock", _("Out of stock")


class Condition(models.TextChoices):
    """The values of Google Merchant Center's ``condition`` attribute."""

    NEW = "new", pgettext_lazy("product condition", "New")
    REFURBISHED = "refurbished", pgettext_lazy("product condition", "Refurbished")
    USED = "used", pgettext_lazy("product condition", "Used")


def validate_gtin(value):
    """A GTIN-8, -12 (UPC), -13 (EAN) or -14 whose last digit is the GS1 check digit."""
    if not value.isdigit() or len(value) not in (8, 12, 13, 14):
        raise ValidationError(_("A GTIN has 8, 12, 13 or 14 digits (the barcode number), without spaces."))
    digits = [int(digit) for digit in value]
    total = sum(digit * (3 if index % 2 == 0 else 1) for index, digit in enumerate(reversed(digits[:-1])))
    if (10 - total % 10) % 10 != digits[-1]:
        raise ValidationError(_("This GTIN's last digit does not match: check the barcode number."))


class Unit(models.TextChoices):
    PIECE = "piece", _("piece")
    BOX = "box", _("box")
    CARTON = "carton", _("carton")
    PACK = "pack", _("pack")
    BOTTLE = "bottle", _("bottle")
    SET = "set", _("set")
    KG = "kg", _("kg")
    DOZEN = "dozen", _("dozen")


class ModerationState(models.TextChoices):
    """What the dashboard shows; derived from Wagtail's draft and workflow state."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    LIVE = "live", _("Live")
    LIVE_PENDING = "live_pending", _("Live, changes pending")
    REJECTED = "rejected", _("Changes requested")


class ProductQuerySet(models.QuerySet):
    def live(self):
        """Approved products. Their rows hold the approved version (see the module docstring)."""
        return self.filter(live=True)

    def public(self):
        """Live products of companies verified by the bureau: what buyers may see."""
        return self.live().filter(company__verified_at__isnull=False)

    def for_company(self, company):
        return self.filter(company=company)

    def for_user(self, user):
        """Products of the companies the user is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(company__memberships__user=user)

    def in_category(self, category):
        return self.filter(category.descendant_paths_q())

    def with_valid_certificate(self, certificate_type, date=None):
        date = date or timezone.localdate()
        return self.filter(
            certificates__certificate_type=certificate_type,
            certificates__valid_from__lte=date,
            certificates__valid_until__gte=date,
        ).distinct()

    def ships_to(self, market):
        """Products that ship to ``market``; a Python filter keeps it database-agnostic for JSON lists."""
        return self.filter(pk__in=[pk for pk, codes in self.values_list("pk", "ships_to") if market in codes])


ProductManager = models.Manager.from_queryset(ProductQuerySet)


def slug_for(name_en):
    """The readable part of a product's address from its English name (``Product.slug``)."""
    return slugify(name_en) or "product"


class Product(
    TranslatedFieldsMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ClusterableModel,
):
    """A product listed by a company. A snippet with draft state, revisions, locking and a workflow."""

    company = models.ForeignKey(
        "companies.Company", verbose_name=_("company"), on_delete=models.CASCADE, related_name="products"
    )
    sku = models.CharField(_("SKU"), max_length=64)
    name_zh_hant = models.CharField(_("name (zh-hant)"), max_length=200)
    name_en = models.CharField(_("name (en)"), max_length=200)
    name_th = models.CharField(_("name (th)"), max_length=200, blank=True)
    name_ms = models.CharField(_("name (ms)"), max_length=200, blank=True)
    name_id = models.CharField(_("name (id)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (vi)"), max_length=200, blank=True)
    description_zh_hant = models.TextField(_("description (zh-hant)"))
    description_en = models.TextField(_("description (en)"))
    description_th = models.TextField(_("description (th)"), blank=True)
    description_ms = models.TextField(_("description (ms)"), blank=True)
    description_id = models.TextField(_("description (id)"), blank=True)
    description_vi = models.TextField(_("description (vi)"), blank=True)
    category = models.ForeignKey(
        ProductCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="products"
    )
    price_twd = models.DecimalField(
        _("unit price (TWD)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    moq = models.PositiveIntegerField(_("minimum order quantity"), default=1, validators=[MinValueValidator(1)])
    order_multiple = models.PositiveIntegerField(
        _("order multiple"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Orders come in multiples of this."),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.PIECE)
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"), default=7)
    hs_code = models.CharField(_("HS code"), max_length=10, validators=[hs_code_validator])
    origin = models.CharField(_("country of origin"), max_length=2, choices=Market.choices, default=Market.TAIWAN)
    shelf_life_days = models.PositiveIntegerField(_("shelf life (days)"), null=True, blank=True)
    storage = models.CharField(_("storage conditions"), max_length=200, blank=True)
    weight_grams = models.PositiveIntegerField(_("weight (g)"), null=True, blank=True)
    length_mm = models.PositiveIntegerField(_("length (mm)"), null=True, blank=True)
    width_mm = models.PositiveIntegerField(_("width (mm)"), null=True, blank=True)
    height_mm = models.PositiveIntegerField(_("height (mm)"), null=True, blank=True)
    ships_to = MarketsField(_("ships to"))
    stock_status = models.CharField(
        _("stock status"), max_length=15, choices=StockStatus.choices, default=StockStatus.IN_STOCK
    )
    brand = models.CharField(
        _("brand"), max_length=70, blank=True, help_text=_("Leave empty when the product carries your company's name.")
    )
    gtin = models.CharField(
        _("GTIN (barcode number)"),
        max_length=14,
        blank=True,
        validators=[validate_gtin],
        help_text=_("The EAN, UPC or JAN number under the barcode, when the product has one."),
    )
    mpn = models.CharField(_("manufacturer part number"), max_length=70, blank=True)
    condition = models.CharField(_("condition"), max_length=11, choices=Condition.choices, default=Condition.NEW)
    sample_available = models.BooleanField(_("sample available"), default=False)
    sample_price_twd = models.DecimalField(
        _("sample price (TWD)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    sample_limit = models.PositiveSmallIntegerField(
        _("samples per buyer"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    certificates = ParentalManyToManyField(
        Certificate, verbose_name=_("certificates"), blank=True, related_name="products"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProductManager()

    panels = [
        FieldPanel("company"),
        FieldPanel("sku"),
        MultiFieldPanel([FieldPanel(column("name", code)) for code in LANGUAGE_SUFFIXES], heading=_("Name")),
        MultiFieldPanel(
            [FieldPanel(column("description", code)) for code in LANGUAGE_SUFFIXES], heading=_("Description")
        ),
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price_twd"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("moq"), FieldPanel("order_multiple"), FieldPanel("lead_time_days")]),
            ],
            heading=_("Price and ordering"),
        ),
        InlinePanel("price_tiers", heading=_("Quantity tiers"), label=_("Tier")),
        MultiFieldPanel(
            [
                FieldPanel("hs_code"),
                FieldPanel("origin"),
                FieldPanel("shelf_life_days"),
                FieldPanel("storage"),
                FieldRowPanel(
                    [
                        FieldPanel("weight_grams"),
                        FieldPanel("length_mm"),
                        FieldPanel("width_mm"),
                        FieldPanel("height_mm"),
                    ]
                ),
                FieldPanel("ships_to"),
                FieldPanel("stock_status"),
            ],
            heading=_("Logistics"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("brand"), FieldPanel("condition")]),
                FieldRowPanel([FieldPanel("gtin"), FieldPanel("mpn")]),
            ],
            heading=_("Product identifiers"),
        ),
        MultiFieldPanel(
            [FieldPanel("sample_available"), FieldPanel("sample_price_twd"), FieldPanel("sample_limit")],
            heading=_("Samples"),
        ),
        FieldPanel("certificates", read_only=True),
        InlinePanel("images", heading=_("Images"), label=_("Image"), min_num=1, max_num=8),
    ]

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["-updated_at"]
        constraints = [models.UniqueConstraint(fields=["company", "sku"], name="unique_sku_per_company")]
        indexes = [models.Index(fields=["live", "-first_published_at"], name="product_live_published")]

    MAX_IMAGES = 8

    def __str__(self):
        return f"{self.name_en} ({self.sku})"

    @property
    def slug(self):
        """The readable part of the product's address: the English name, stable across languages."""
        return slug_for(self.name_en)

    @property
    def name(self):
        return self.translated("name")

    @property
    def description(self):
        return self.translated("description")

    def clean(self):
        super().clean()
        if self.sample_available and self.sample_price_twd is None:
            raise ValidationError({"sample_price_twd": _("Give the sample price when samples are available.")})
        if self.moq and self.order_multiple and self.moq % self.order_multiple:
            raise ValidationError({"order_multiple": _("The minimum order quantity must be a multiple of this.")})

    def valid_certificates(self, date=None):
        """The certificates to show: only those valid on ``date`` (today by default)."""
        return self.certificates.all().valid_on(date or timezone.localdate())

    def tier_price_for(self, quantity):
        """The unit price for ``quantity``: the best tier reached, or the base price."""
        tiers = [t for t in self.price_tiers.all() if t.min_quantity <= quantity]
        return min((t.unit_price_twd for t in tiers), default=self.price_twd)

    @property
    def moderation_state(self):
        """One of ``ModerationState``: what the supplier sees in the dashboard."""
        workflow_state = self.current_workflow_state
        if workflow_state is not None and workflow_state.status == workflow_state.STATUS_IN_PROGRESS:
            return ModerationState.LIVE_PENDING if self.live else ModerationState.IN_REVIEW
        if workflow_state is not None and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            return ModerationState.REJECTED
        if self.live:
            return ModerationState.LIVE_PENDING if self.has_unpublished_changes else ModerationState.LIVE
        return ModerationState.DRAFT

    def check_can_submit(self):
        """Raises ``ShowcaseError`` unless the latest version can go to review.

        Images are required by the dashboard's submission (``product_submit_for_review``); a bulk import's images
        column is optional, so imported products may reach the moderators without images."""
        if self.workflow_in_progress:
            raise ShowcaseError(_("This product is already in review."))
        if self.live and not self.has_unpublished_changes:
            raise ShowcaseError(_("There are no changes to review."))


class PriceTier(Orderable):
    """A lower unit price from a quantity upwards."""

    product = ParentalKey(Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="price_tiers")
    min_quantity = models.PositiveIntegerField(_("from quantity"), validators=[MinValueValidator(1)])
    unit_price_twd = models.DecimalField(
        _("unit price (TWD)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    panels = [FieldPanel("min_quantity"), FieldPanel("unit_price_twd")]

    class Meta(Orderable.Meta):
        verbose_name = _("price tier")
        verbose_name_plural = _("price tiers")
        ordering = ["min_quantity"]

    def __str__(self):
        return f"≥ {self.min_quantity}: {self.unit_price_twd} TWD"


class ProductImage(Orderable):
    """One of a product's 1–8 images; the alt text is required."""

    product = ParentalKey(Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alt text"), max_length=250, help_text=_("Describe the image for people who cannot see it.")
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("product image")
        verbose_name_plural = _("product images")

    def __str__(self):
        return self.alt_text


# --- Collections -----------------------------------------------------------------------------------------


class CollectionQuerySet(models.QuerySet):
    def featured(self):
        return self.filter(featured=True)


class Collection(TranslatedFieldsMixin, ClusterableModel):
    """Products curated by staff for the showcase landing page."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title_zh_hant = models.CharField(_("title (zh-hant)"), max_length=120)
    title_en = models.CharField(_("title (en)"), max_length=120)
    title_th = models.CharField(_("title (th)"), max_length=120, blank=True)
    title_ms = models.CharField(_("title (ms)"), max_length=120, blank=True)
    title_id = models.CharField(_("title (id)"), max_length=120, blank=True)
    title_vi = models.CharField(_("title (vi)"), max_length=120, blank=True)
    featured = models.BooleanField(_("shown on the landing page"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CollectionQuerySet.as_manager()

    panels = [
        FieldPanel("slug"),
        MultiFieldPanel([FieldPanel(column("title", code)) for code in LANGUAGE_SUFFIXES], heading=_("Title")),
        FieldPanel("featured"),
        FieldPanel("sort_order"),
        InlinePanel("items", heading=_("Products"), label=_("Product")),
    ]

    class Meta:
        verbose_name = _("showcase collection")
        verbose_name_plural = _("showcase collections")
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.title_en

    def live_products(self):
        """The collection's public products, in the curated order."""
        return (
            Product.objects.public().filter(collection_items__collection=self).order_by("collection_items__sort_order")
        )


class CollectionItem(Orderable):
    collection = ParentalKey(Collection, on_delete=models.CASCADE, related_name="items")
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="collection_items"
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("collection product")
        constraints = [models.UniqueConstraint(fields=["collection", "product"], name="unique_collection_product")]
