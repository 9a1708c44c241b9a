"""Factories for the storefront page and the inquiry desk, and a small two-language showcase for request tests."""

from types import SimpleNamespace

import factory
import wagtail_factories
from django.utils import timezone

from catalog.inquiries.models import Inquiry, InquiryMessage
from catalog.showcase.models import ShowcasePage
from portal.markets import Market

from .companies import MembershipFactory
from .home import build_site, publish_translation
from .showcase import (
    ProductCategoryFactory,
    ProductFactory,
    SupplierProfileFactory,
    VerifiedCompanyFactory,
    live_product,
)


class ShowcasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ShowcasePage

    title = "台北好物館"
    slug = "showcase"
    hero_heading = "台北好物館"
    hero_text = "臺北的好產品，直送東南亞。"


class InquiryFactory(factory.django.DjangoModelFactory):
    """A confirmed (open) inquiry; pass ``email_confirmed_at=None, status="unconfirmed"`` for a fresh one."""

    class Meta:
        model = Inquiry

    company = factory.SubFactory(VerifiedCompanyFactory)
    buyer_name = factory.Sequence(lambda n: f"Somchai {n}")
    buyer_company = "Bangkok Trading Co."
    country = Market.THAILAND
    email = factory.Sequence(lambda n: f"buyer{n}@example.co.th")
    quantity = 500
    message = "Please quote 500 boxes, FOB Keelung."
    consent = True
    language = "en"
    email_confirmed_at = factory.LazyFunction(timezone.now)
    status = Inquiry.Status.OPEN


class InquiryMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InquiryMessage

    inquiry = factory.SubFactory(InquiryFactory)
    author_kind = InquiryMessage.Author.SUPPLIER
    body = "Thank you, our price for 500 boxes is TWD 400 each."


def build_showcase():
    """The two-language site with a showcase (zh-hant + en), a category tree, a verified supplier with a
    profile, a member and two live products, plus a draft product."""
    site = build_site(news_count=0)
    showcase = ShowcasePageFactory(parent=site.home)
    showcase_en = publish_translation(
        showcase, site.english, title="Taipei Good Products", hero_heading="Taipei Good Products"
    )
    food = ProductCategoryFactory(slug="food-beverage", name_zh_hant="食品飲料", name_en="Food & beverage")
    snacks = ProductCategoryFactory(slug="snacks", parent=food, name_zh_hant="零食", name_en="Snacks", name_th="ขนม")
    profile = SupplierProfileFactory(company=VerifiedCompanyFactory(name_zh="微熱山丘", name_en="SunnyHills"))
    supplier = profile.company
    member = MembershipFactory(company=supplier).user
    cake = live_product(
        company=supplier,
        category=snacks,
        sku="PC-001",
        name_zh_hant="土鳳梨酥",
        name_en="Pineapple cake",
        name_th="พายสับปะรด",
    )
    tea = live_product(
        company=supplier, category=food, sku="TEA-01", name_zh_hant="凍頂烏龍茶", name_en="Dongding oolong tea"
    )
    draft = ProductFactory(company=supplier, category=snacks, sku="DRAFT-1", name_en="Secret recipe")
    return SimpleNamespace(
        site=site,
        english=site.english,
        showcase=showcase,
        showcase_en=showcase_en,
        food=food,
        snacks=snacks,
        supplier=supplier,
        profile=profile,
        member=member,
        cake=cake,
        tea=tea,
        draft=draft,
    )
