"""Site page factories and a two-language page tree (zh-hant default + en) for request tests."""

import datetime
from types import SimpleNamespace

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from portal.home.models import (
    AlliancePage,
    FooterContent,
    FooterLink,
    HomePage,
    NavigationMenu,
    NavigationMenuItem,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
    StandardPage,
)

_MENU_KEY = "0d7c1f8e-0000-4000-8000-00000000a001"
_FOOTER_KEY = "0d7c1f8e-0000-4000-8000-00000000a002"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "首頁"
    slug = factory.Sequence(lambda n: f"home-{n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"關於計畫 {n}")
    slug = factory.Sequence(lambda n: f"about-{n}")
    intro = "臺北市跨境電商計畫的目標與做法。"
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "一站式解決方案", "level": "h2"}},
            {"type": "paragraph", "value": "<p>平台上架、物流、金流與清真認證。</p>"},
            {"type": "quote", "value": {"quote": "成為企業的一雙翅膀。", "attribution": "產業局"}},
        ]
    )


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "最新消息"
    slug = "news"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"新聞 {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = factory.Sequence(lambda n: datetime.date(2018, 1, 1) + datetime.timedelta(days=n))
    intro = "跨境電商計畫的最新進展。"


class AlliancePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AlliancePage

    title = "產學合作聯盟"
    slug = "alliance"


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    name = factory.Sequence(lambda n: f"合作夥伴 {n}")
    kind = PartnerOrganisation.Kind.UNIVERSITY
    link = "https://partner.example.org"
    description = "培育跨境電商人才。"
    locale = factory.LazyFunction(Locale.get_default)


class NavigationMenuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NavigationMenu

    title = "Main menu"
    locale = factory.LazyFunction(Locale.get_default)


class NavigationMenuItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NavigationMenuItem

    menu = factory.SubFactory(NavigationMenuFactory)
    label = factory.Sequence(lambda n: f"Item {n}")
    sort_order = factory.Sequence(lambda n: n)


class FooterContentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FooterContent

    title = "Footer"
    organisation = "臺北市政府產業發展局"
    address = "臺北市信義區市府路 1 號"
    phone = "+886 2 2720 8889"
    email = "hub@example.org"
    copyright = "© 臺北市政府產業發展局"
    locale = factory.LazyFunction(Locale.get_default)


class FooterLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FooterLink

    footer = factory.SubFactory(FooterContentFactory)
    label = factory.Sequence(lambda n: f"Link {n}")
    sort_order = factory.Sequence(lambda n: n)


def publish_translation(page, locale, **fields):
    """Copy ``page`` into ``locale`` (a manual translation, as seed_demo makes), change ``fields`` and publish it."""
    translated = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def build_site(*, news_count=2):
    """A zh-hant home page as the default site's root and its English translation, each with a standard,
    a news index (``news_count`` articles) and an alliance page, a menu per language and a footer."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    zh = Locale.get_default()
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=zh, title="臺北市跨境電商中心")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80}
    )
    about = StandardPageFactory(parent=home, title="關於計畫", slug="about")
    child = StandardPageFactory(parent=about, title="計畫時程", slug="timeline")
    news = NewsIndexPageFactory(parent=home)
    articles = [NewsPageFactory(parent=news) for _ in range(news_count)]
    alliance = AlliancePageFactory(parent=home)

    home_en = publish_translation(home, english, title="Taipei Cross-Border E-Commerce Hub")
    about_en = publish_translation(about, english, title="About the plan")
    child_en = publish_translation(child, english, title="Timeline")
    news_en = publish_translation(news, english, title="News")
    articles_en = [publish_translation(a, english, title=f"Article {i}") for i, a in enumerate(articles)]
    alliance_en = publish_translation(alliance, english, title="Industry–academia alliance")

    menus = {}
    for locale, labels, pages in (
        (zh, ("關於計畫", "最新消息"), (about, news)),
        (english, ("About the plan", "News"), (about_en, news_en)),
    ):
        menu = NavigationMenuFactory(locale=locale, translation_key=_MENU_KEY)
        for label, page in zip(labels, pages, strict=True):
            NavigationMenuItemFactory(menu=menu, label=label, link_page=page)
        menus[locale.language_code] = menu
    footer = FooterContentFactory(locale=zh, translation_key=_FOOTER_KEY)
    FooterLinkFactory(footer=footer, label="聯盟", link_page=alliance)
    footer_en = FooterContentFactory(
        locale=english,
        translation_key=_FOOTER_KEY,
        organisation="Department of Economic Development, Taipei City Government",
    )
    FooterLinkFactory(footer=footer_en, label="Alliance", link_page=alliance_en)

    return SimpleNamespace(
        english=english,
        home=home,
        home_en=home_en,
        about=about,
        about_en=about_en,
        child=child,
        child_en=child_en,
        news=news,
        news_en=news_en,
        articles=articles,
        articles_en=articles_en,
        alliance=alliance,
        alliance_en=alliance_en,
        menus=menus,
    )
