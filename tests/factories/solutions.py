import uuid
from types import SimpleNamespace

import factory
import wagtail_factories
from django.contrib.auth.models import Permission
from wagtail.models import Locale, Page, Site

from catalog.solutions.models import (
    ConsultationRequest,
    Need,
    Provider,
    ProviderRating,
    SolutionCategoryPage,
    SolutionIndexPage,
    SolutionPage,
    Timing,
)
from portal.home.models import HomePage
from portal.markets import Market

from .accounts import UserFactory
from .companies import CompanyFactory


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Provider {n}")
    description = "Helps Taipei companies sell abroad."
    website = "https://provider.example.com"
    markets = factory.LazyFunction(lambda: [Market.THAILAND, Market.MALAYSIA])
    contact_email = factory.Sequence(lambda n: f"provider{n}@example.com")
    locale = factory.LazyFunction(Locale.get_default)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")


class SolutionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SolutionIndexPage

    title = "Solutions"
    slug = "solutions"


class SolutionCategoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SolutionCategoryPage

    title = factory.LazyAttribute(lambda o: Need(o.need).label)
    slug = factory.LazyAttribute(lambda o: o.need)
    need = Need.LOGISTICS


class SolutionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SolutionPage

    title = factory.Sequence(lambda n: f"Offering {n}")
    slug = factory.Sequence(lambda n: f"offering-{n}")
    provider = factory.SubFactory(ProviderFactory)
    summary = "A service for Taipei sellers."
    includes = "<p>Setup and training.</p>"
    markets = factory.LazyFunction(lambda: [Market.THAILAND])
    languages = "中文, English"
    price_range = "NT$10,000–30,000"
    free_for_coached = False


class ConsultationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationRequest

    company = factory.SubFactory(CompanyFactory)
    requested_by = factory.SubFactory(UserFactory)
    solution_page = None
    offering_key = factory.LazyAttribute(lambda o: o.solution_page.translation_key if o.solution_page else uuid.uuid4())
    provider = factory.LazyAttribute(lambda o: o.solution_page.provider if o.solution_page else None)
    need = Need.LOGISTICS
    market = Market.THAILAND
    timing = Timing.QUARTER
    message = "We sell tea and want to ship to Bangkok."
    consent = True
    language = "zh-hant"


class ProviderRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderRating

    request = factory.SubFactory(ConsultationRequestFactory)
    provider = factory.LazyAttribute(lambda o: o.request.provider)
    score = 4


def request_desk_user(*codenames, **kwargs):
    """Bureau staff who are not superusers: admin access plus the given ``solutions`` permissions
    (e.g. ``"view_consultationrequest", "change_consultationrequest"``)."""
    user = UserFactory(is_staff=True, **kwargs)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="solutions", codename=codename))
    return user


def publish_translation(page, locale, **fields):
    """Copy a page into another locale (its parent must be translated already), set fields and publish it."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def build_home_site():
    """A default site rooted at a zh-hant HomePage with a published en translation."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=Locale.get_default())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80}
    )
    home_en = publish_translation(home, english, title="Home")
    return SimpleNamespace(english=english, home=home, home_en=home_en)


def build_catalog_site():
    """The site above with a solution index in both languages."""
    site = build_home_site()
    english, home = site.english, site.home
    home_en = site.home_en
    index = SolutionIndexPageFactory(parent=home, title="一站式解決方案")
    index_en = publish_translation(index, english, title="One-stop solutions")
    return SimpleNamespace(english=english, home=home, home_en=home_en, index=index, index_en=index_en)


def build_catalog():
    """The site above with three categories and five offerings in zh-hant (titles are what tests look for)."""
    catalog = build_catalog_site()
    catalog.logistics = SolutionCategoryPageFactory(parent=catalog.index, need=Need.LOGISTICS, title="跨境物流")
    catalog.marketplace = SolutionCategoryPageFactory(parent=catalog.index, need=Need.MARKETPLACE, title="電商平台")
    catalog.compliance = SolutionCategoryPageFactory(parent=catalog.index, need=Need.COMPLIANCE, title="法規認證")
    catalog.ship_asean = SolutionPageFactory(
        parent=catalog.logistics, title="東南亞物流", markets=[Market.THAILAND, Market.MALAYSIA], free_for_coached=True
    )
    catalog.ship_vietnam = SolutionPageFactory(parent=catalog.logistics, title="越南物流", markets=[Market.VIETNAM])
    catalog.amazon = SolutionPageFactory(
        parent=catalog.marketplace,
        title="Amazon 開店",
        markets=[Market.UNITED_STATES, Market.JAPAN, Market.SINGAPORE],
        free_for_coached=True,
    )
    catalog.pchome = SolutionPageFactory(
        parent=catalog.marketplace, title="PChome Thai 台北好物館", markets=[Market.THAILAND], free_for_coached=True
    )
    catalog.halal = SolutionPageFactory(
        parent=catalog.compliance, title="清真認證", markets=[Market.MALAYSIA, Market.INDONESIA, Market.THAILAND]
    )
    return catalog
