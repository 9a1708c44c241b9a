"""The showcase storefront: landing, categories, product pages and supplier storefronts in zh-hant and en;
only approved live products of verified companies are public; JSON-LD, canonical/hreflang and the sitemap."""

import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format

from search.facets import PAGE_SIZE
from tests.factories.inquiries import InquiryFactory, build_showcase
from tests.factories.showcase import (
    CertificateFactory,
    CompanyFactory,
    ProductFactory,
    collection_with,
    live_product,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(db):
    return build_showcase()


def product_url(lang, product, slug):
    return f"/{lang}/showcase/product/{product.pk}-{slug}/"


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


class TestLanding:
    def test_renders_in_chinese_with_collections_categories_and_new_arrivals(self, client, shop):
        """/zh-hant/showcase/ shows the hero, a staff collection, the root categories and the live products."""
        collection_with([shop.cake], title_zh_hant="中秋禮盒", title_en="Mid-autumn gifts")
        response = client.get("/zh-hant/showcase/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="zh-hant">' in html.lower()
        assert "台北好物館" in html
        assert "中秋禮盒" in html
        assert "食品飲料" in html
        assert "土鳳梨酥" in html and "凍頂烏龍茶" in html
        assert "DRAFT-1" not in html and "Secret recipe" not in html

    def test_renders_in_english_with_english_names(self, client, shop):
        """/en/showcase/ uses the English page and the English product and category names."""
        html = client.get("/en/showcase/").content.decode()
        assert '<html lang="en">' in html.lower()
        assert "Taipei Good Products" in html
        assert "Pineapple cake" in html and "Food &amp; beverage" in html
        assert "土鳳梨酥" not in html


def index_products():
    """Category pages list what the product search finds: build its (database) index of the public products."""
    call_command("search_rebuild", "--no-progress", stdout=io.StringIO())


class TestCategory:
    @pytest.fixture(autouse=True)
    def indexed(self, shop):
        index_products()

    def test_lists_products_of_the_category_and_its_subcategories(self, client, shop):
        """The food category lists the tea (in it) and the cake (in food/snacks); snacks lists only the cake."""
        html = client.get("/en/showcase/category/food-beverage/").content.decode()
        assert "Pineapple cake" in html and "Dongding oolong tea" in html
        html = client.get("/en/showcase/category/food-beverage/snacks/").content.decode()
        assert "Pineapple cake" in html and "Dongding oolong tea" not in html
        assert "Secret recipe" not in html

    def test_sorts_by_price(self, client, shop):
        """?sort=price_asc puts the cheaper product first; ?sort=price_desc the dearer one."""
        cheap = live_product(
            company=shop.supplier, category=shop.food, name_en="Cheap crackers", price_twd=Decimal("10")
        )
        index_products()
        html = client.get("/en/showcase/category/food-beverage/", {"sort": "price_asc"}).content.decode()
        assert html.index("Cheap crackers") < html.index("Pineapple cake")
        html = client.get("/en/showcase/category/food-beverage/", {"sort": "price_desc"}).content.decode()
        assert html.index("Cheap crackers") > html.index("Pineapple cake")
        assert cheap.live

    def test_paginates(self, client, shop):
        """A page holds the search page's page size; page 2 shows the rest; an unknown sort falls back to newest."""
        for number in range(PAGE_SIZE):
            live_product(
                company=shop.supplier,
                category=shop.food,
                sku=f"FILL-{number}",
                name_en=f"Filler {number}",
                with_image=False,
            )
        index_products()
        first = client.get("/zh-hant/showcase/category/food-beverage/", {"sort": "bogus"}).content.decode()
        second = client.get("/zh-hant/showcase/category/food-beverage/", {"page": 2}).content.decode()
        assert 'rel="next"' in first and 'rel="prev"' in second
        assert ("土鳳梨酥" in first) != ("土鳳梨酥" in second)

    def test_unknown_category_is_404(self, client, shop):
        """A slug path that is not in the tree gives 404."""
        assert client.get("/en/showcase/category/no-such/thing/").status_code == 404


class TestProduct:
    def test_shows_tiers_moq_lead_time_hs_code_markets_gallery_and_supplier(self, client, shop):
        """The product page in English shows the ordering facts, the picture with its alt text and the
        supplier card with the bureau's verification and an inquiry link."""
        response = client.get(product_url("en", shop.cake, "pineapple-cake"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1" in html and "Pineapple cake" in html
        assert "TWD 450" in html and "TWD 400" in html  # base price and the 100+ tier (no USD rate: TWD only)
        assert "Minimum order quantity" in html and ">10 piece<" in html
        assert "14 days" in html and "190590" in html
        assert "Thailand, Malaysia" in html
        assert 'alt="A box of pineapple cakes"' in html
        assert "SunnyHills" in html and "Verified by the bureau on" in html
        assert f"/en/showcase/product/{shop.cake.pk}/inquire/" in html

    def test_renders_in_chinese(self, client, shop):
        """/zh-hant/ shows the Chinese name and description, and the markets it ships to as a Chinese list
        (joined with 、)."""
        html = client.get(product_url("zh-hant", shop.cake, "pineapple-cake")).content.decode()
        assert "土鳳梨酥" in html and "土鳳梨內餡" in html
        assert "泰國、馬來西亞" in html
        assert '<html lang="zh-hant">' in html.lower()

    def test_only_certificates_valid_today_are_shown_with_dates(self, client, shop):
        """A valid halal certificate shows with its issuer, number, start and expiry dates; an expired one is
        hidden."""
        valid = CertificateFactory(company=shop.supplier, issuer="JAKIM", number="HL-VALID")
        expired = CertificateFactory(
            company=shop.supplier,
            issuer="CICOT",
            number="HL-OLD",
            valid_from=timezone.localdate() - datetime.timedelta(days=400),
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
        )
        shop.cake.certificates.add(valid, expired)
        shop.cake.save()
        html = client.get(product_url("en", shop.cake, "pineapple-cake")).content.decode()
        assert "HL-VALID" in html and "JAKIM" in html
        assert "<dt>Valid from</dt>" in html and "<dt>Expires</dt>" in html
        assert f"<dd>{date_format(valid.valid_until, 'DATE_FORMAT')}</dd>" in html
        assert "HL-OLD" not in html

    def test_draft_product_is_404(self, client, shop):
        """A product never approved is not public under any address."""
        assert client.get(f"/en/showcase/product/{shop.draft.pk}-secret-recipe/").status_code == 404
        assert client.get(f"/en/showcase/product/{shop.draft.pk}/").status_code == 404

    def test_unpublished_product_is_404(self, client, shop):
        """Staff unpublish a live product: its page is gone."""
        shop.cake.unpublish()
        assert client.get(product_url("en", shop.cake, "pineapple-cake")).status_code == 404

    def test_product_of_an_unverified_company_is_404(self, client, shop):
        """A live product of a company the bureau has not verified is not public."""
        unverified = live_product(company=CompanyFactory(), category=shop.food, name_en="Unverified tea")
        assert client.get(product_url("en", unverified, "unverified-tea")).status_code == 404

    def test_pending_edit_keeps_the_approved_version_public(self, client, shop):
        """An edit saved as a revision (waiting for review) does not change the public page."""
        shop.cake.name_en = "Renamed cake"
        shop.cake.save_revision()
        html = client.get(product_url("en", shop.cake, "pineapple-cake")).content.decode()
        assert "Pineapple cake" in html and "Renamed cake" not in html

    def test_other_slugs_redirect_to_the_canonical_address(self, client, shop):
        """/product/<pk>/ and a wrong slug redirect permanently to /product/<pk>-<slug>/."""
        for url in (f"/en/showcase/product/{shop.cake.pk}/", f"/en/showcase/product/{shop.cake.pk}-old-name/"):
            response = client.get(url)
            assert response.status_code == 301
            assert response["Location"] == product_url("en", shop.cake, "pineapple-cake")

    def test_json_ld_describes_the_product_and_its_offer(self, client, shop):
        """schema.org Product: name, description, image, sku, brand/manufacturer, TWD price, MOQ."""
        data = json_ld(client.get(product_url("en", shop.cake, "pineapple-cake")).content.decode())
        assert data["@context"] == "https://schema.org" and data["@type"] == "Product"
        assert data["name"] == "Pineapple cake"
        assert data["description"] == "Native pineapple filling in a buttery crust."
        assert data["sku"] == "PC-001"
        assert data["image"] and data["image"][0].startswith("http")
        assert data["brand"]["name"] == "SunnyHills" and data["manufacturer"]["name"] == "SunnyHills"
        assert data["offers"][0]["priceCurrency"] == "TWD"
        assert data["offers"][0]["price"] == "450.00"
        assert data["offers"][0]["eligibleQuantity"]["minValue"] == 10

    def test_json_ld_escapes_markup(self, client, shop):
        """A description with </script> cannot break out of the JSON-LD block."""
        shop.tea.description_en = "Best </script><script>alert(1)</script> tea"
        shop.tea.save()
        html = client.get(product_url("en", shop.tea, "dongding-oolong-tea")).content.decode()
        assert "</script><script>alert(1)" not in html
        assert json_ld(html)["description"] == "Best </script><script>alert(1)</script> tea"

    def test_canonical_and_hreflang_for_every_language_version(self, client, shop):
        """The page names itself canonical and lists the zh-hant and en addresses plus x-default."""
        html = client.get(product_url("en", shop.cake, "pineapple-cake")).content.decode()
        path_en = product_url("en", shop.cake, "pineapple-cake")
        path_zh = product_url("zh-hant", shop.cake, "pineapple-cake")
        assert re.search(rf'<link rel="canonical" href="http://[^"]+{re.escape(path_en)}">', html)
        assert re.search(rf'hreflang="zh-Hant" href="http://[^"]+{re.escape(path_zh)}"', html)
        assert re.search(rf'hreflang="en" href="http://[^"]+{re.escape(path_en)}"', html)
        assert re.search(rf'hreflang="x-default" href="http://[^"]+{re.escape(path_zh)}"', html)
        path_th = product_url("th", shop.cake, "pineapple-cake")
        assert re.search(rf'hreflang="th" href="http://[^"]+{re.escape(path_th)}"', html)
        assert html.count('rel="alternate"') == 7  # six languages and x-default

    def test_language_without_its_own_showcase_page_uses_its_names_with_english_fallback(self, client, shop):
        """/th/: the Thai product name where there is one, English otherwise; canonical is the /th/ address."""
        html = client.get(product_url("th", shop.cake, "pineapple-cake")).content.decode()
        assert "พายสับปะรด" in html
        assert re.search(
            rf'<link rel="canonical" href="http://[^"]+{product_url("th", shop.cake, "pineapple-cake")}">', html
        )
        index_products()
        html = client.get("/th/showcase/category/food-beverage/").content.decode()
        assert "พายสับปะรด" in html and "Dongding oolong tea" in html and "ขนม" in html


class TestSupplier:
    def test_storefront_renders_profile_products_and_badges(self, client, shop):
        """A verified company with live products: story, export markets, products, reply-time badge."""
        InquiryFactory(
            company=shop.supplier,
            email_confirmed_at=timezone.now() - datetime.timedelta(hours=5),
            first_replied_at=timezone.now() - datetime.timedelta(hours=3),
            status="answered",
        )
        response = client.get(f"/en/showcase/supplier/{shop.supplier.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "SunnyHills" in html and "Three generations of pineapple cakes." in html
        assert "Thailand, Malaysia" in html
        assert "Traditional Chinese, English" in html
        assert "Pineapple cake" in html and "Secret recipe" not in html
        assert "Verified by the bureau on" in html
        assert "Usually replies within a few hours" in html

    def test_renders_in_chinese(self, client, shop):
        html = client.get(f"/zh-hant/showcase/supplier/{shop.supplier.pk}/").content.decode()
        assert "微熱山丘" in html and "三代傳承的鳳梨酥。" in html

    def test_unverified_company_is_404(self, client, shop):
        """A company the bureau has not verified has no storefront, even with a live product."""
        company = CompanyFactory()
        live_product(company=company, category=shop.food)
        assert client.get(f"/en/showcase/supplier/{company.pk}/").status_code == 404

    def test_verified_company_without_live_products_is_404(self, client, shop):
        """A verified company with only drafts has no storefront."""
        draft = ProductFactory(category=shop.food)
        assert client.get(f"/en/showcase/supplier/{draft.company.pk}/").status_code == 404


class TestSitemap:
    def test_lists_live_products_and_public_suppliers_only(self, client, shop):
        """sitemap.xml has the live products and the supplier in both languages, never drafts or
        products and storefronts of unverified companies."""
        unverified = live_product(company=CompanyFactory(), category=shop.food, name_en="Hidden tea")
        xml = client.get("/sitemap.xml").content.decode()
        for lang in ("zh-hant", "en"):
            assert product_url(lang, shop.cake, "pineapple-cake") in xml
            assert product_url(lang, shop.tea, "dongding-oolong-tea") in xml
            assert f"/{lang}/showcase/supplier/{shop.supplier.pk}/" in xml
        assert f"/product/{shop.draft.pk}-" not in xml
        assert f"/product/{unverified.pk}-" not in xml
        assert f"/supplier/{unverified.company.pk}/" not in xml


class TestLanguageSwitcher:
    def test_switcher_keeps_the_buyer_on_the_same_product(self, client, shop):
        """On a product page, "English" leads to the same product on the English showcase, not its landing page."""
        html = client.get(product_url("zh-hant", shop.cake, "pineapple-cake")).content.decode()
        switcher = re.search(r'class="language-switcher">(.*?)</nav>', html, re.S).group(1)
        english = re.search(r'<a href="([^"]*)"[^>]*>English</a>', switcher).group(1)
        assert english == product_url("en", shop.cake, "pineapple-cake")
