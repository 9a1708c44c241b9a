"""Coaching factories: a program tree under the home page, applications in any state, staff with roles."""

from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from coaching.models import Application, ApplicationReviewer, Coach, ProgramIndexPage, ProgramPage
from portal.home.models import HomePage

from .accounts import UserFactory
from .companies import CompanyFactory, MembershipFactory

QUESTIONS = [
    {"type": "section", "id": "sec-business", "value": {"title": "Your business", "description": ""}},
    {
        "type": "short_text",
        "id": "q-product",
        "value": {"label": "Main product", "help_text": "", "required": True},
    },
    {
        "type": "long_text",
        "id": "q-plan",
        "value": {"label": "Export plan", "help_text": "A few sentences.", "required": False},
    },
    {
        "type": "single_choice",
        "id": "q-market",
        "value": {"label": "First market", "help_text": "", "required": True, "choices": ["Thailand", "Malaysia"]},
    },
    {"type": "section", "id": "sec-numbers", "value": {"title": "Numbers", "description": ""}},
    {
        "type": "number",
        "id": "q-revenue",
        "value": {"label": "Annual revenue (TWD)", "help_text": "", "required": True},
    },
    {
        "type": "multiple_choice",
        "id": "q-channels",
        "value": {"label": "Channels", "help_text": "", "required": False, "choices": ["Shopee", "Lazada", "Amazon"]},
    },
    {"type": "date", "id": "q-founded", "value": {"label": "Founded", "help_text": "", "required": False}},
    {"type": "yes_no", "id": "q-halal", "value": {"label": "Halal certified", "help_text": "", "required": False}},
    {
        "type": "file_upload",
        "id": "q-registration",
        "value": {"label": "Company registration", "help_text": "", "required": True},
    },
]

COMPLETE_ANSWERS = {
    "q-product": "Pineapple cakes",
    "q-market": "Thailand",
    "q-revenue": "1200000",
    "q-channels": ["Shopee", "Lazada"],
}

RUBRIC = [
    {"type": "criterion", "id": "c-fit", "value": {"name": "Fit", "description": "", "weight": 2}},
    {"type": "criterion", "id": "c-ready", "value": {"name": "Readiness", "description": "", "weight": 1}},
]

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def home_page():
    """The site's home page (created under the root if missing), made the default site's root."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Home", slug="home-coaching"))
    if not Site.objects.filter(is_default_site=True, root_page=home).exists():
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home


class CoachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coach

    name = factory.Sequence(lambda n: f"Coach {n}")
    role = "Cross-border coach"
    bio = "Ten years of marketplace launches in Southeast Asia."


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgramIndexPage

    title = "Coaching programs"
    slug = "programs"
    parent = factory.LazyFunction(home_page)


class ProgramPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgramPage

    title = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")
    summary = "Coaching for your first cross-border store."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    capacity = 10
    questions = factory.LazyFunction(lambda: [dict(block) for block in QUESTIONS])
    rubric = factory.LazyFunction(lambda: [dict(block) for block in RUBRIC])
    parent = factory.LazyFunction(lambda: ProgramIndexPage.objects.first() or ProgramIndexPageFactory())


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft by default; pass status=... for any state (set directly, as a fixture, not through the lifecycle)."""

    class Meta:
        model = Application

    program = factory.SubFactory(ProgramPageFactory)
    company = factory.SubFactory(CompanyFactory)
    created_by = factory.LazyAttribute(lambda o: MembershipFactory(company=o.company).user)
    contact_name = "Lin Mei"
    contact_email = factory.LazyAttribute(lambda o: o.created_by.email)
    contact_phone = "02-2720-8889"
    language = "en"
    company_details = factory.LazyAttribute(
        lambda o: {
            "name_zh": o.company.name_zh,
            "name_en": o.company.name_en,
            "ubn": o.company.ubn,
            "address": o.company.address,
            "district": o.company.district,
            "industry": o.company.industry,
            "website": "",
        }
    )


class CompleteApplicationFactory(ApplicationFactory):
    """Every required answer given and consent recorded (the required document is added by the test)."""

    answers = factory.LazyFunction(lambda: dict(COMPLETE_ANSWERS))
    consent_at = factory.LazyFunction(timezone.now)


def submitted(status=Application.Status.SUBMITTED, reference=None, **kwargs):
    """An application in a non-draft state with a reference number and a history row."""
    application = CompleteApplicationFactory(status=status, submitted_at=timezone.now(), **kwargs)
    application.reference = reference or f"CB-2026-{application.pk:06d}"
    application.save(update_fields=["reference"])
    application.history.create(from_status="draft", to_status="submitted")
    return application


def user_with_permissions(*codenames, **kwargs):
    """A staff user with Wagtail admin access and the given coaching permissions."""
    user = UserFactory(is_staff=True, **kwargs)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    perms = ["wagtailadmin.access_admin", *[f"coaching.{c}" for c in codenames]]
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def reviewer(**kwargs):
    return user_with_permissions("review_application", **kwargs)


def manager(**kwargs):
    return user_with_permissions("manage_applications", **kwargs)


def decider(**kwargs):
    return user_with_permissions("decide_application", **kwargs)


def assign(application, user):
    return ApplicationReviewer.objects.create(application=application, reviewer=user)


def accepted_with_fee(fee=1500, **kwargs):
    """An accepted application to a program with a fee (TWD), not yet paid or waived."""
    kwargs.setdefault("program", ProgramPageFactory(fee=fee))
    application = submitted(status=Application.Status.ACCEPTED, **kwargs)
    application.decided_at = timezone.now()
    application.save(update_fields=["decided_at"])
    return application
