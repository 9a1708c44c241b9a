import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from payments.currencies import Currency
from portal.companies.models import Company
from portal.markets import Market, MarketsField
from portal.status import StaleStatus, StatusMachine, TransitionError
from portal.storage import PrivateStorage
from portal.translation import SynchronisedFactsMixin, SynchronisedFactsPageForm

from . import questions as q
from .blocks import BodyBlock, FAQBlock, MarketBlock, QuestionsBlock, RubricBlock, TrackBlock
from .uploads import EXTENSIONS


class ApplicationError(Exception):
    """A change to an application that the rules do not allow; the message is shown to the user."""

    def __init__(self, message, *, errors=None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []


class TransitionNotAllowed(ApplicationError, TransitionError):
    pass


class StaleApplication(ApplicationError, StaleStatus):
    """Someone else changed the application since the page was loaded."""


class ProgramFull(ApplicationError, TransitionError):
    pass


class ProgramClosed(ApplicationError):
    pass


class IncompleteApplication(ApplicationError):
    pass


class FeeNotSettled(ApplicationError, TransitionError):
    """The program has a fee that is neither paid nor waived."""


class Coach(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("biography"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo"), FieldPanel("bio")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("bio")]

    class Meta:
        verbose_name = _("coach")
        verbose_name_plural = _("coaches")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProgramIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["coaching.ProgramPage"]
    max_count_per_parent = 1
    template = "coaching/program_index_page.html"

    FILTERS = {
        "open": _("Open for applications"),
        "upcoming": _("Opening soon"),
        "closed": _("Closed"),
    }

    class Meta:
        verbose_name = _("coaching program index")

    def programs(self, status=None, *, now=None):
        now = now or timezone.now()
        programs = ProgramPage.objects.live().child_of(self).order_by("closes_at")
        if status == "open":
            programs = programs.filter(opens_at__lte=now, closes_at__gt=now)
        elif status == "upcoming":
            programs = programs.filter(opens_at__gt=now)
        elif status == "closed":
            programs = programs.filter(closes_at__lte=now).order_by("-closes_at")
        return programs

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = request.GET.get("status")
        if status not in self.FILTERS:
            status = None
        context["current_status"] = status
        context["filters"] = self.FILTERS
        context["programs"] = self.programs(status)
        return context


class ProgramPage(SynchronisedFactsMixin, Page):
    synchronised_fields = ("opens_at", "closes_at", "capacity", "fee")
    base_form_class = SynchronisedFactsPageForm

    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    eligibility = RichTextField(_("eligibility"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    benefits = RichTextField(_("benefits"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    tracks = StreamField([("track", TrackBlock())], verbose_name=_("tracks"), blank=True)
    target_markets = StreamField([("market", MarketBlock())], verbose_name=_("target markets"), blank=True)
    coaches = ParentalManyToManyField(Coach, verbose_name=_("coaches"), blank=True, related_name="programs")
    faq = StreamField([("item", FAQBlock())], verbose_name=_("frequently asked questions"), blank=True)
    opens_at = models.DateTimeField(_("applications open at"))
    closes_at = models.DateTimeField(_("applications close at"))
    capacity = models.PositiveIntegerField(
        _("capacity"), default=20, validators=[MinValueValidator(1)], help_text=_("Number of companies accepted.")
    )
    fee = models.PositiveIntegerField(_("fee (TWD)"), default=0, help_text=_("0 means the program is free."))
    questions = StreamField(
        QuestionsBlock(),
        verbose_name=_("application questions"),
        blank=True,
        help_text=_("Questions cannot be removed once submitted applications have answered them."),
    )
    rubric = StreamField(RubricBlock(), verbose_name=_("scoring rubric"), blank=True)

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("capacity"),
                FieldPanel("fee"),
            ],
            heading=_("Applications"),
        ),
        FieldPanel("body"),
        FieldPanel("eligibility"),
        FieldPanel("benefits"),
        FieldPanel("tracks"),
        FieldPanel("target_markets"),
        FieldPanel("coaches"),
        FieldPanel("faq"),
    ]
    form_panels = [FieldPanel("questions"), FieldPanel("rubric")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_panels, heading=_("Application form")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    parent_page_types = ["coaching.ProgramIndexPage"]
    subpage_types = []
    template = "coaching/program_page.html"

    class Meta:
        verbose_name = _("coaching program")

    def intake_status(self, now=None):
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return "upcoming"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_open(self):
        return self.intake_status() == "open"

    @property
    def is_free(self):
        return self.fee == 0

    @property
    def fee_display(self):
        """The fee in whole TWD with thousands separators, e.g. "1,500"."""
        return f"{self.fee:,}"

    @property
    def canonical(self):
        """The program in the default language; applications always point to this one."""
        if self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    def places_taken(self):
        return self.applications.filter(status__in=Application.HOLDS_A_PLACE).count()

    def answered_question_ids(self):
        """Question ids answered (or with documents) in applications that have left the draft state."""
        applications = Application.objects.filter(program=self.canonical).exclude(status=Application.Status.DRAFT)
        ids = set()
        for answers in applications.values_list("answers", flat=True):
            ids.update(key for key, value in (answers or {}).items() if q.is_answered(value))
        ids.update(
            ApplicationDocument.objects.filter(application__in=applications)
            .exclude(question_id="")
            .values_list("question_id", flat=True)
        )
        return ids

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing time must be after the opening time.")})
        if self.pk:
            orphaned = self.answered_question_ids() - q.question_ids(self)
            if orphaned:
                raise ValidationError(
                    _(
                        "%(count)d question(s) cannot be removed because submitted applications have answered them. "
                        "Restore them, or edit their wording instead of deleting them."
                    )
                    % {"count": len(orphaned)}
                )

    def get_context(self, request, *args, **kwargs):
        from .selectors import application_for_program, companies_for

        context = super().get_context(request, *args, **kwargs)
        context["application"] = application_for_program(request.user, self)
        context["companies"] = companies_for(request.user) if request.user.is_authenticated else []
        return context

    def criteria(self):
        """The scoring rubric: ids and weights of the default-language program, names in the active language
        where its translation has the same criterion (staff read the English admin in English)."""
        canonical = self.canonical
        names = {block.id: block.value["name"] for block in canonical.localized.rubric}
        return [
            {"id": block.id, "name": names.get(block.id) or block.value["name"], "weight": block.value["weight"] or 1}
            for block in canonical.rubric
        ]


class ReferenceCounter(models.Model):
    """One row per year; locked while the next application reference is taken."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")

    def __str__(self):
        return f"{self.year}: {self.last}"


def document_upload_to(instance, filename):
    """Generated names only: the uploader's file name never reaches the file system."""
    return f"applications/{instance.application_id}/{uuid.uuid4().hex}{EXTENSIONS[instance.content_type]}"


class Application(StatusMachine, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("Waitlisted")
        REJECTED = "rejected", _("Rejected")
        ENROLLED = "enrolled", _("Enrolled")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    S = Status
    TRANSITIONS = {
        S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
        S.SUBMITTED: {S.IN_REVIEW, S.WITHDRAWN},
        S.IN_REVIEW: {S.CHANGES_REQUESTED, S.SHORTLISTED, S.REJECTED, S.WITHDRAWN},
        S.CHANGES_REQUESTED: {S.RESUBMITTED, S.WITHDRAWN},
        S.RESUBMITTED: {S.IN_REVIEW, S.WITHDRAWN},
        S.SHORTLISTED: {S.ACCEPTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN},
        S.WAITLISTED: {S.ACCEPTED, S.REJECTED, S.WITHDRAWN},
        S.ACCEPTED: {S.ENROLLED, S.WITHDRAWN},
        S.ENROLLED: {S.COMPLETED},
    }
    HOLDS_A_PLACE = [S.ACCEPTED, S.ENROLLED, S.COMPLETED]
    DECISIONS = {S.ACCEPTED, S.WAITLISTED, S.REJECTED}
    EDITABLE = {S.DRAFT, S.CHANGES_REQUESTED}
    del S
    transition_error = TransitionNotAllowed
    stale_error = StaleApplication
    transition_refused_message = _("An application cannot move from “%(from)s” to “%(to)s”.")
    stale_message = _("This application was changed by someone else in the meantime. Reload the page and try again.")

    program = models.ForeignKey(
        ProgramPage, verbose_name=_("program"), on_delete=models.PROTECT, related_name="applications"
    )
    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="coaching_applications"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="coaching_applications",
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_title = models.CharField(_("job title"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    company_details = models.JSONField(_("company details at application"), default=dict, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_at = models.DateTimeField(_("personal-data consent given at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    fee_paid_at = models.DateTimeField(_("program fee paid at"), null=True, blank=True)
    fee_waived_at = models.DateTimeField(_("program fee waived at"), null=True, blank=True)
    fee_waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("program fee waived by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fee_waiver_reason = models.TextField(_("reason for waiving the program fee"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["program", "company"], name="one_application_per_company_and_program")
        ]
        permissions = [
            ("review_application", _("Can see and score assigned applications")),
            ("manage_applications", _("Can assign reviewers and move applications through review")),
            ("decide_application", _("Can accept, waitlist or reject applications")),
        ]

    def __str__(self):
        return self.reference or _("Draft application #%(pk)s") % {"pk": self.pk}

    @property
    def is_editable(self):
        return self.status in self.EDITABLE

    @property
    def accepts_changes(self):
        """Editable by the applicant now: a draft of an open program, or changes requested by staff."""
        return self.is_editable and (self.status != self.Status.DRAFT or self.program.is_open)

    @property
    def is_withdrawable(self):
        return self.Status.WITHDRAWN in self.TRANSITIONS.get(self.status, set())

    def allowed_transitions(self):
        return [s for s in self.Status if s in self.TRANSITIONS.get(self.status, set())]

    @property
    def fee_due(self):
        """The program has a fee and it is neither paid nor waived yet."""
        return self.program.fee > 0 and not (self.fee_paid_at or self.fee_waived_at)

    # Status machine hooks (portal.status): set_status refuses moves outside TRANSITIONS and stale ones, then
    # these refuse enrolment with an unsettled fee and acceptances beyond the program's capacity.

    def check_transition(self, old, new, *, by):
        if new == self.Status.ENROLLED and self.fee_due:
            raise FeeNotSettled(
                _("The company can be enrolled only once the program fee (TWD %(fee)s) is paid or waived.")
                % {"fee": self.program.fee_display}
            )
        if new == self.Status.ACCEPTED:
            program = ProgramPage.objects.select_for_update().get(pk=self.program_id)
            if program.places_taken() >= program.capacity:
                raise ProgramFull(
                    _("The program is full (%(capacity)d places). Waitlist the company or free a place first.")
                    % {"capacity": program.capacity}
                )

    def status_change_fields(self, old, new, *, now):
        fields = {}
        if new in (self.Status.SUBMITTED, self.Status.RESUBMITTED):
            fields["submitted_at"] = now
        if new in self.DECISIONS:
            fields["decided_at"] = now
        return fields


class ApplicationDocument(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    question_id = models.CharField(_("question"), max_length=64, blank=True)
    file = models.FileField(_("file"), storage=PrivateStorage(), upload_to=document_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name


class ProgramReviewer(models.Model):
    program = models.ForeignKey(ProgramPage, on_delete=models.CASCADE, related_name="reviewer_assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("program reviewer")
        constraints = [models.UniqueConstraint(fields=["program", "reviewer"], name="unique_program_reviewer")]

    def __str__(self):
        return f"{self.reviewer} → {self.program}"


class ApplicationReviewer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviewer_assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("application reviewer")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="unique_application_reviewer")]

    def __str__(self):
        return f"{self.reviewer} → {self.application}"


class Review(models.Model):
    """One reviewer's rubric scores (1–5 per criterion, keyed by criterion block id) and comment."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.CASCADE, related_name="+"
    )
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    conflict_of_interest = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_note = models.TextField(_("conflict of interest"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="unique_review")]

    def __str__(self):
        return f"{self.reviewer}: {self.application}"

    def weighted_score(self, criteria):
        """The weighted mean on the 1–5 scale, or None until every criterion is scored."""
        if self.conflict_of_interest or not criteria:
            return None
        total = weight = 0
        for criterion in criteria:
            value = self.scores.get(criterion["id"])
            if value is None:
                return None
            total += value * criterion["weight"]
            weight += criterion["weight"]
        return round(total / weight, 2)


class ApplicationNote(models.Model):
    """Internal staff note, never shown to the applicant."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:50]


class CoachingSession(models.Model):
    """One coaching session with an enrolled company."""

    class Attendance(models.TextChoices):
        ATTENDED = "attended", _("Attended")
        ABSENT = "absent", _("Absent")
        CANCELLED = "cancelled", _("Cancelled")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    coach = models.ForeignKey(
        Coach, verbose_name=_("coach"), null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    topic = models.CharField(_("topic"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.ATTENDED
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.date}: {self.topic}"


class Milestone(models.Model):
    """An outcome reached during coaching, for the company's record and the bureau's reports."""

    class Kind(models.TextChoices):
        MARKETPLACE_STORE = "marketplace_store", _("Store opened on a marketplace")
        FIRST_EXPORT_ORDER = "first_export_order", _("First export order")
        SALES_BAND = "sales_band", _("Cross-border sales band reached")
        CERTIFICATION = "certification", _("Certification obtained")
        OTHER = "other", _("Other")

    class SalesBand(models.TextChoices):
        UNDER_1M = "under_1m", _("Under NT$1 million a year")
        FROM_1M_TO_5M = "1m_5m", _("NT$1–5 million a year")
        FROM_5M_TO_20M = "5m_20m", _("NT$5–20 million a year")
        OVER_20M = "over_20m", _("Over NT$20 million a year")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("milestone"), max_length=30, choices=Kind.choices)
    achieved_on = models.DateField(_("achieved on"))
    description = models.CharField(_("details"), max_length=300, blank=True)
    sales_band = models.CharField(_("sales band"), max_length=20, choices=SalesBand.choices, blank=True)
    export_revenue = models.DecimalField(
        _("export revenue"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Cross-border sales since the previous milestone."),
    )
    export_revenue_currency = models.CharField(
        _("currency of the export revenue"), max_length=3, choices=Currency.choices, blank=True
    )
    markets_entered = MarketsField(_("markets entered"))
    marketplaces = models.CharField(
        _("marketplaces onboarded"), max_length=300, blank=True, help_text=_("Separate them with commas.")
    )
    export_orders = models.PositiveIntegerField(_("export orders"), null=True, blank=True)
    jobs_created = models.PositiveIntegerField(_("jobs created"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed by the company at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["achieved_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.achieved_on})"

    def clean(self):
        if self.kind == self.Kind.SALES_BAND and not self.sales_band:
            raise ValidationError({"sales_band": _("Choose the sales band reached.")})
        if self.export_revenue is not None and not self.export_revenue_currency:
            raise ValidationError({"export_revenue_currency": _("Choose the currency of the export revenue.")})

    def marketplace_list(self):
        return [name.strip() for name in self.marketplaces.split(",") if name.strip()]

    def get_markets_entered_display(self):
        return [Market(code).label for code in self.markets_entered if code in Market.values]
