"""The one-stop solution catalog: providers, offerings in a page tree, consultation requests and ratings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from portal.markets import Market, MarketsField
from portal.routes import PageRoutes, RegisteredRoutesMixin
from portal.status import StaleStatus, StatusMachine, TransitionError
from portal.translation import SynchronisedFactsForm, SynchronisedFactsMixin, SynchronisedFactsPageForm

from .admin_forms import SolutionCategoryPageForm


class Need(models.TextChoices):
    """What an SME needs help with; each solution category answers one need."""

    MARKETPLACE = "marketplace", _("Marketplace onboarding")
    LOGISTICS = "logistics", _("Cross-border logistics and fulfilment")
    PAYMENTS = "payments", _("Payments and FX")
    MARKETING = "marketing", _("Marketing and localisation")
    COMPLIANCE = "compliance", _("Compliance and certification")
    FINANCING = "financing", _("Financing and subsidies")
    TRAINING = "training", _("Training")


class Timing(models.TextChoices):
    SOON = "soon", _("Within a month")
    QUARTER = "quarter", _("In the next three months")
    LATER = "later", _("Later this year")
    EXPLORING = "exploring", _("Just exploring")


class CatalogError(TransitionError):
    """A catalog action (also a status change) is not allowed; the message is shown to the user."""


class StaleConsultationRequest(CatalogError, StaleStatus):
    """The request's status was changed by someone else since the page was loaded."""


class Provider(SynchronisedFactsMixin, TranslatableMixin, index.Indexed, models.Model):
    """A service provider vetted by the bureau. The contact e-mail is private: introductions go there."""

    synchronised_fields = ("logo", "website", "markets", "verified_at", "contact_email")
    base_form_class = SynchronisedFactsForm

    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    markets = MarketsField(_("markets served"))
    verified_at = models.DateField(
        _("verified by the bureau on"),
        null=True,
        blank=True,
        help_text=_("Leave empty until the bureau has checked this provider."),
    )
    contact_email = models.EmailField(
        _("contact e-mail for introductions"),
        help_text=_("Private: consultation requests are sent here, it is never shown on the site."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("markets"),
        FieldPanel("verified_at"),
        FieldPanel("contact_email"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_markets_display(self):
        return [Market(code).label for code in self.markets if code in Market.values]


class SolutionIndexPage(RegisteredRoutesMixin, Page):
    """The catalog's front page: filters, the "what do you need?" guide and the categories."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["solutions.SolutionCategoryPage"]
    max_count_per_parent = 1
    template = "solutions/solution_index_page.html"
    routes = PageRoutes()

    class Meta:
        verbose_name = _("solution catalog")

    def categories(self):
        return SolutionCategoryPage.objects.child_of(self).live().public().order_by("path")


class SolutionCategoryPage(SynchronisedFactsMixin, Page):
    """One kind of help (a "need"), e.g. logistics; holds the offerings."""

    synchronised_fields = ("need",)

    need = models.CharField(_("need answered"), max_length=20, choices=Need.choices)
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("need"), FieldPanel("intro")]

    parent_page_types = ["solutions.SolutionIndexPage"]
    subpage_types = ["solutions.SolutionPage"]
    template = "solutions/solution_category_page.html"
    base_form_class = SolutionCategoryPageForm

    class Meta:
        verbose_name = _("solution category")

    NEED_TAKEN = _("Another category in this catalog already answers this need.")

    @classmethod
    def need_taken(cls, *, parent, need, exclude_pk=None):
        """True when another category under ``parent`` already answers ``need``."""
        return cls.objects.child_of(parent).filter(need=need).exclude(pk=exclude_pk).exists()

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        if parent is not None and self.need_taken(parent=parent, need=self.need, exclude_pk=self.pk):
            raise ValidationError({"need": self.NEED_TAKEN})

    def get_context(self, request, *args, **kwargs):
        from .selectors import with_local_providers

        context = super().get_context(request, *args, **kwargs)
        context["offerings"] = with_local_providers(
            SolutionPage.objects.child_of(self).live().public().select_related("provider").order_by("title")
        )
        return context


class SolutionPage(SynchronisedFactsMixin, Page):
    """One service offering by one provider."""

    synchronised_fields = ("markets", "free_for_coached")
    base_form_class = SynchronisedFactsPageForm

    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="solution_pages"
    )
    summary = models.TextField(_("summary"), max_length=400)
    includes = RichTextField(_("what it includes"))
    markets = MarketsField(_("markets served"))
    languages = models.CharField(_("service languages"), max_length=200, blank=True)
    price_range = models.CharField(_("price range"), max_length=200, blank=True)
    free_for_coached = models.BooleanField(
        _("free or subsidised for coached companies"),
        default=False,
        help_text=_("Tick when companies in a bureau coaching program pay nothing or a subsidised price."),
    )
    eligibility = RichTextField(_("eligibility"), blank=True)
    how_it_works = RichTextField(_("how it works"), blank=True)
    contact = RichTextField(_("public contact details"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("provider"),
        FieldPanel("summary"),
        FieldPanel("includes"),
        MultiFieldPanel(
            [FieldPanel("markets"), FieldPanel("languages"), FieldPanel("price_range"), FieldPanel("free_for_coached")],
            heading=_("Markets and price"),
        ),
        FieldPanel("eligibility"),
        FieldPanel("how_it_works"),
        FieldPanel("contact"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("includes"),
        index.FilterField("free_for_coached"),
    ]

    parent_page_types = ["solutions.SolutionCategoryPage"]
    subpage_types = []
    template = "solutions/solution_page.html"

    class Meta:
        verbose_name = _("solution")

    def get_markets_display(self):
        return [Market(code).label for code in self.markets if code in Market.values]

    @property
    def need(self):
        """The need of the category this offering sits in."""
        parent = self.get_parent().specific
        return getattr(parent, "need", "")

    def get_context(self, request, *args, **kwargs):
        from .selectors import provider_rating_summary

        context = super().get_context(request, *args, **kwargs)
        provider = self.provider.localized
        context["provider"] = provider
        context["rating"] = provider_rating_summary(provider=provider)
        return context


class ConsultationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=ConsultationRequest.OPEN_STATUSES)

    def for_user(self, user):
        """Requests of the companies the user is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(company__memberships__user=user)


class ConsultationRequest(StatusMachine, models.Model):
    """A company asks the bureau for an introduction to the provider of one offering.

    Staff move it new → introduced → closed (or new → closed) through ``set_status``; who moved it and when is
    in ``history`` and the audit log.
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        INTRODUCED = "introduced", _("Introduced")
        CLOSED = "closed", _("Closed")

    OPEN_STATUSES = (Status.NEW, Status.INTRODUCED)
    TRANSITIONS = {
        Status.NEW: {Status.INTRODUCED, Status.CLOSED},
        Status.INTRODUCED: {Status.CLOSED},
        Status.CLOSED: set(),
    }
    transition_error = CatalogError
    stale_error = StaleConsultationRequest
    transition_refused_message = _("A request that is “%(current)s” cannot become “%(new)s”.")
    stale_message = _("This request was changed by someone else in the meantime. Reload the page and try again.")

    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="consultation_requests",
    )
    solution_page = models.ForeignKey(
        SolutionPage,
        verbose_name=_("offering"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultation_requests",
    )
    # The offering across languages (the page's translation key): one open request per offering, whatever the language.
    offering_key = models.UUIDField(editable=False)
    provider = models.ForeignKey(
        Provider,
        verbose_name=_("provider"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultation_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultation_requests",
    )
    need = models.CharField(_("need"), max_length=20, choices=Need.choices)
    market = models.CharField(_("market"), max_length=2, choices=Market.choices)
    timing = models.CharField(_("timing"), max_length=20, choices=Timing.choices)
    message = models.TextField(_("message"))
    consent = models.BooleanField(_("consent to share contact details with the provider"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    staff_notes = models.TextField(_("staff notes"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    introduced_at = models.DateTimeField(_("introduced at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "offering_key"],
                condition=models.Q(status__in=["new", "introduced"]),
                name="solutions_one_open_request_per_offering",
            ),
            models.CheckConstraint(condition=models.Q(consent=True), name="solutions_request_requires_consent"),
        ]

    def __str__(self):
        offering = self.solution_page.title if self.solution_page else _("(offering removed)")
        return f"{self.company.name_zh} → {offering}"

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    def status_change_fields(self, old, new, *, now):
        if new == self.Status.INTRODUCED:
            return {"introduced_at": now}
        if new == self.Status.CLOSED:
            return {"closed_at": now}
        return {}

    def check_can_be_rated(self):
        """Raise CatalogError unless the company may rate the provider for this request now."""
        if self.status != self.Status.CLOSED:
            raise CatalogError(_("You can rate the provider once the request is closed."))
        if self.introduced_at is None:
            raise CatalogError(_("This request was closed without an introduction, so there is no provider to rate."))
        if ProviderRating.objects.filter(request=self).exists():
            raise CatalogError(_("You have already rated the provider for this request."))


class ProviderRating(models.Model):
    """A company's rating of a provider after a closed request; one per request."""

    request = models.OneToOneField(
        ConsultationRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="rating"
    )
    provider = models.ForeignKey(Provider, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="ratings")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("rated by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("rated at"), auto_now_add=True)

    class Meta:
        verbose_name = _("provider rating")
        verbose_name_plural = _("provider ratings")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="solutions_rating_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.provider} · {self.score}/5"
