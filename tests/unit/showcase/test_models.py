"""Showcase models: translated fields, category paths, certificate validity, querysets, moderation state."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from catalog.showcase.models import Certificate, ModerationState, PriceTier, Product, ProductCategory
from tests.factories.companies import CompanyFactory, MembershipFactory
from tests.factories.showcase import (
    CertificateFactory,
    ProductCategoryFactory,
    ProductFactory,
    VerifiedCompanyFactory,
    live_product,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids), whatever the catalogs say."""
    with translation.override("en"):
        yield


class TestTranslatedFields:
    def test_active_language_then_english_then_chinese(self):
        """`name` follows the active language; an empty language falls back to English, then Chinese."""
        product = ProductFactory.build(name_zh_hant="烏龍茶", name_en="Oolong", name_th="ชาอูหลง", name_vi="")
        with translation.override("th"):
            assert product.name == "ชาอูหลง"
        with translation.override("vi"):
            assert product.name == "Oolong"
        with translation.override("zh-hant"):
            assert product.name == "烏龍茶"
        product.name_en = ""
        assert product.translated("name", "ms") == "烏龍茶"

    def test_translations_lists_filled_languages(self):
        """`translations()` returns only the languages that have text."""
        product = ProductFactory.build(name_zh_hant="茶", name_en="Tea", name_th="")
        assert product.translations("name") == {"zh-hant": "茶", "en": "Tea"}


class TestCategoryPath:
    def test_clean_builds_the_slug_path(self):
        """A child's path is its parent's path plus its slug."""
        food = ProductCategory(slug="food-beverage", name_zh_hant="食品", name_en="Food")
        food.full_clean()
        food.save()
        snacks = ProductCategory(parent=food, slug="snacks", name_zh_hant="零食", name_en="Snacks")
        snacks.full_clean()
        assert snacks.path == "food-beverage/snacks"

    def test_duplicate_path_is_refused(self):
        """Two categories cannot share a path."""
        ProductCategoryFactory(slug="tea", path="tea")
        duplicate = ProductCategory(slug="tea", name_zh_hant="茶", name_en="Tea")
        with pytest.raises(ValidationError, match="already has this path"):
            duplicate.full_clean()

    def test_moving_a_category_with_children_is_refused(self):
        """Renaming a parent would orphan its children's paths, so it is refused."""
        food = ProductCategoryFactory(slug="food", path="food")
        ProductCategoryFactory(parent=food, slug="tea", path="food/tea")
        food.slug = "foods"
        with pytest.raises(ValidationError, match="subcategories first"):
            food.full_clean()

    def test_a_category_cannot_be_inside_itself(self):
        """Cycles are refused."""
        food = ProductCategoryFactory(slug="food", path="food")
        food.parent = food
        with pytest.raises(ValidationError, match="inside itself"):
            food.full_clean()

    def test_in_category_includes_subcategories(self):
        """Products of subcategories are in their parent's listing; siblings are not."""
        food = ProductCategoryFactory(slug="food", path="food")
        tea = ProductCategoryFactory(parent=food, slug="tea", path="food/tea")
        other = ProductCategoryFactory(slug="foodstuff", path="foodstuff")
        in_tea = ProductFactory(category=tea)
        ProductFactory(category=other)
        assert list(Product.objects.in_category(food)) == [in_tea]


class TestCertificates:
    def test_end_before_start_is_invalid(self):
        """A certificate cannot end before it starts."""
        certificate = CertificateFactory.build(
            company=CompanyFactory(), valid_from=datetime.date(2027, 1, 2), valid_until=datetime.date(2027, 1, 1)
        )
        with pytest.raises(ValidationError):
            certificate.full_clean()

    def test_needing_reminder_window(self):
        """Reminders are due for valid certificates expiring within 30 days that were not reminded yet."""
        company = CompanyFactory()
        start = datetime.date(2026, 1, 1)
        due = CertificateFactory(company=company, valid_from=start, valid_until=datetime.date(2027, 1, 30))
        CertificateFactory(company=company, valid_from=start, valid_until=datetime.date(2027, 2, 1))
        CertificateFactory(
            company=company,
            valid_from=start,
            valid_until=datetime.date(2027, 1, 15),
            reminder_sent_at=datetime.datetime(2026, 12, 16, tzinfo=datetime.UTC),
        )
        assert list(Certificate.objects.needing_reminder(datetime.date(2027, 1, 1))) == [due]


class TestProducts:
    def test_hs_code_must_have_6_to_10_digits(self):
        """HS codes of 5 or 11 digits, or with dots, are refused."""
        for bad in ("12345", "12345678901", "1905.90"):
            product = ProductFactory.build(hs_code=bad, company=CompanyFactory(), category=ProductCategoryFactory())
            with pytest.raises(ValidationError) as excinfo:
                product.full_clean()
            assert "hs_code" in excinfo.value.error_dict

    def test_sample_price_needed_when_samples_are_available(self):
        """Offering samples without a sample price is refused."""
        product = ProductFactory.build(
            sample_available=True, company=CompanyFactory(), category=ProductCategoryFactory()
        )
        with pytest.raises(ValidationError, match="sample price"):
            product.full_clean()

    def test_tier_price(self):
        """The unit price is the best tier reached, or the base price below the first tier."""
        product = ProductFactory(price_twd=Decimal("100"))
        PriceTier.objects.create(product=product, min_quantity=100, unit_price_twd=Decimal("90"))
        PriceTier.objects.create(product=product, min_quantity=500, unit_price_twd=Decimal("80"))
        assert product.tier_price_for(50) == Decimal("100")
        assert product.tier_price_for(100) == Decimal("90")
        assert product.tier_price_for(1000) == Decimal("80")

    def test_public_needs_live_and_a_verified_company(self):
        """`public()` is live products of verified companies; `live()` ignores verification."""
        shown = live_product()
        unverified = live_product(company=CompanyFactory())
        ProductFactory()
        assert list(Product.objects.public()) == [shown]
        assert set(Product.objects.live()) == {shown, unverified}

    def test_for_user_and_ships_to(self):
        """`for_user` scopes to the user's companies; `ships_to` filters on the JSON list."""
        membership = MembershipFactory(company=VerifiedCompanyFactory())
        mine = ProductFactory(company=membership.company, ships_to=["VN"])
        ProductFactory(ships_to=["TH"])
        assert list(Product.objects.for_user(membership.user)) == [mine]
        assert list(Product.objects.ships_to("VN")) == [mine]

    def test_moderation_state_of_a_draft_and_a_live_product(self):
        """A new product is a draft; a published one is live."""
        assert ProductFactory().moderation_state == ModerationState.DRAFT
        assert live_product().moderation_state == ModerationState.LIVE
