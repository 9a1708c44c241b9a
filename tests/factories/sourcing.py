"""Factories for requests for quotation, and a marketplace of four suppliers around one category for RFQ tests."""

import datetime
from types import SimpleNamespace

import factory
from django.utils import timezone

from catalog.showcase.models import CertificateType
from catalog.sourcing.models import Quote, QuoteRequest, QuoteVersion, RequestMatch
from portal.markets import Market

from .accounts import UserFactory
from .companies import MembershipFactory
from .showcase import CertificateFactory, ProductCategoryFactory, VerifiedCompanyFactory, live_product


class QuoteRequestFactory(factory.django.DjangoModelFactory):
    """An open (confirmed) request; pass ``status="unconfirmed", confirmed_at=None`` for a fresh one."""

    class Meta:
        model = QuoteRequest

    description = "Halal pineapple cakes in gift boxes of 12, Thai label."
    category = factory.SubFactory(ProductCategoryFactory)
    quantity = 2000
    unit = "box"
    target_price = "150.00"
    currency = "THB"
    destination = Market.THAILAND
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    buyer_name = "Somchai Jaidee"
    buyer_company = "Bangkok Trading Co."
    email = factory.Sequence(lambda n: f"rfq-buyer{n}@example.co.th")
    consent = True
    language = "th"
    status = QuoteRequest.Status.OPEN
    confirmed_at = factory.LazyFunction(timezone.now)


def match(quote_request, company):
    return RequestMatch.objects.create(request=quote_request, company=company)


def quote_on(quote_request, company, *, price="120.00", product=None, status=Quote.Status.SUBMITTED, versions=1):
    """A quote of ``company`` on the request with ``versions`` versions (the last one current)."""
    quote = Quote.objects.create(request=quote_request, company=company, product=product, status=status)
    version = None
    for number in range(1, versions + 1):
        version = QuoteVersion.objects.create(
            quote=quote,
            number=number,
            tiers=[[500, price], [2000, "100.00"]],
            moq=500,
            lead_time_days=21,
            sample_offer="paid",
            valid_until=timezone.localdate() + datetime.timedelta(days=30),
        )
    quote.current_version = version
    quote.save(update_fields=["current_version"])
    return quote


def supplier(*, category, name, language, ships_to=(Market.THAILAND,), halal_markets=(Market.THAILAND,), **product):
    """A verified supplier with one member (reading e-mail in ``language``), a live product in ``category`` and,
    unless ``halal_markets`` is None, a valid halal certificate recognised in those markets."""
    company = VerifiedCompanyFactory(name_zh=f"{name}公司", name_en=f"{name} Ltd")
    member = MembershipFactory(company=company, user=UserFactory(preferred_language=language)).user
    item = live_product(company=company, category=category, ships_to=list(ships_to), with_image=False, **product)
    if halal_markets is not None:
        CertificateFactory(
            company=company,
            certificate_type=CertificateType.HALAL,
            issuer="CICOT",
            recognised_markets=list(halal_markets),
        )
    return SimpleNamespace(company=company, member=member, product=item)


def build_marketplace():
    """Food › snacks; three suppliers that match a Thai halal snack request (members reading th, zh-hant, en),
    one whose halal certificate Thailand does not recognise, and one that does not ship to Thailand."""
    food = ProductCategoryFactory(slug="rfq-food", name_zh_hant="食品", name_en="Food", name_th="อาหาร")
    snacks = ProductCategoryFactory(
        slug="rfq-snacks", parent=food, name_zh_hant="零食", name_en="Snacks", name_th="ขนม"
    )
    return SimpleNamespace(
        food=food,
        snacks=snacks,
        thai_reader=supplier(
            category=snacks, name="Alpha", language="th", sample_available=True, sample_price_twd="200"
        ),
        chinese_reader=supplier(category=snacks, name="Beta", language="zh-hant"),
        english_reader=supplier(category=food, name="Gamma", language="en"),
        wrong_halal=supplier(category=snacks, name="Delta", language="en", halal_markets=(Market.MALAYSIA,)),
        no_thailand=supplier(category=snacks, name="Epsilon", language="en", ships_to=(Market.VIETNAM,)),
    )
