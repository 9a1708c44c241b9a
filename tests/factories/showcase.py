"""Factories for the showcase: supplier profiles, certificates, categories, products (draft or live)."""

import datetime
import io
from decimal import Decimal

import factory
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from catalog.showcase.models import (
    Certificate,
    CertificateType,
    Collection,
    CollectionItem,
    PriceTier,
    Product,
    ProductCategory,
    ProductImage,
    SupplierProfile,
)
from portal.markets import Market

from .companies import CompanyFactory


def png_bytes(colour=(200, 80, 40), size=(32, 32)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def png_upload(name="product.png", colour=(200, 80, 40)):
    return SimpleUploadedFile(name, png_bytes(colour), content_type="image/png")


class VerifiedCompanyFactory(CompanyFactory):
    verified_at = factory.LazyFunction(timezone.now)


class SupplierProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplierProfile

    company = factory.SubFactory(VerifiedCompanyFactory)
    story_zh_hant = "三代傳承的鳳梨酥。"
    story_en = "Three generations of pineapple cakes."
    year_founded = 1975
    export_markets = factory.LazyFunction(lambda: [Market.THAILAND, Market.MALAYSIA])
    languages_spoken = factory.LazyFunction(lambda: ["zh-hant", "en"])


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    company = factory.SubFactory(VerifiedCompanyFactory)
    certificate_type = CertificateType.HALAL
    issuer = "JAKIM"
    number = factory.Sequence(lambda n: f"HL-{n:05d}")
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
    recognised_markets = factory.LazyFunction(lambda: [Market.MALAYSIA])


class ProductCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductCategory
        django_get_or_create = ("path",)

    parent = None
    slug = factory.Sequence(lambda n: f"category-{n}")
    path = factory.LazyAttribute(lambda o: f"{o.parent.path}/{o.slug}" if o.parent else o.slug)
    name_zh_hant = factory.Sequence(lambda n: f"分類{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")


class ProductFactory(factory.django.DjangoModelFactory):
    """A draft product (not live) with no revision; use ``live_product`` for an approved one."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    company = factory.SubFactory(VerifiedCompanyFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    name_zh_hant = factory.Sequence(lambda n: f"鳳梨酥 {n}")
    name_en = factory.Sequence(lambda n: f"Pineapple cake {n}")
    description_zh_hant = "土鳳梨內餡，奶油酥皮。"
    description_en = "Native pineapple filling in a buttery crust."
    category = factory.SubFactory(ProductCategoryFactory)
    price_twd = Decimal("450.00")
    moq = 10
    order_multiple = 1
    lead_time_days = 14
    hs_code = "190590"
    ships_to = factory.LazyFunction(lambda: [Market.THAILAND, Market.MALAYSIA])
    live = False


class ImageFactory(wagtail_factories.ImageFactory):
    pass


def add_image(product, *, alt_text="A box of pineapple cakes"):
    return ProductImage.objects.create(product=product, image=ImageFactory(), alt_text=alt_text, sort_order=0)


def live_product(*, tiers=((100, Decimal("400.00")),), with_image=True, **kwargs):
    """A product whose first revision is published, as after staff approval."""
    product = ProductFactory(**kwargs)
    for minimum, price in tiers:
        PriceTier.objects.create(product=product, min_quantity=minimum, unit_price_twd=price)
    if with_image:
        add_image(product)
    product.save_revision().publish(skip_permission_checks=True)
    product.refresh_from_db()
    return product


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection

    slug = factory.Sequence(lambda n: f"collection-{n}")
    title_zh_hant = "精選伴手禮"
    title_en = "Featured gifts"


def collection_with(products, **kwargs):
    collection = CollectionFactory(**kwargs)
    for index, product in enumerate(products):
        CollectionItem.objects.create(collection=collection, product=product, sort_order=index)
    return collection
