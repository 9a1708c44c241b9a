"""The showcase demo: 60 verified suppliers, 600 live products, idempotent."""

import io

import pytest
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Revision

from catalog.showcase import demo as showcase_demo
from catalog.showcase.models import Certificate, Collection, Product, ProductCategory, SupplierProfile
from portal.companies.validators import is_valid_ubn

pytestmark = pytest.mark.django_db


def counts():
    return (
        Product.objects.count(),
        SupplierProfile.objects.count(),
        Certificate.objects.count(),
        Collection.objects.count(),
    )


def test_seed_builds_the_showcase_and_is_idempotent():
    """600 live products (≥ 1/3 with Thai names) of 60 verified suppliers; a second run changes nothing."""
    showcase_demo.seed(stdout=io.StringIO())
    assert Product.objects.public().count() == 600
    assert SupplierProfile.objects.filter(company__verified_at__isnull=False).count() == 60
    assert all(is_valid_ubn(p.company.ubn) for p in SupplierProfile.objects.select_related("company"))
    assert Product.objects.exclude(name_th="").count() >= 200
    assert Product.objects.with_valid_certificate("HALAL").exists()
    assert set(Certificate.objects.filter(certificate_type="HALAL").values_list("issuer", flat=True)) == {
        "JAKIM",
        "BPJPH",
        "CICOT",
    }
    assert not Product.objects.filter(Q(live_revision__isnull=True) | Q(images__isnull=True)).exists()
    assert all(c.live_products().exists() for c in Collection.objects.all())
    before = counts()
    out = io.StringIO()
    showcase_demo.seed(stdout=out)
    assert counts() == before
    assert "products: all present" in out.getvalue()


def test_demo_revision_matches_the_live_row():
    """The fast path stores a revision with the row's content, so editing starts from the live version."""
    showcase_demo.seed(stdout=io.StringIO())
    product = Product.objects.order_by("pk").first()
    from_revision = product.live_revision.as_object()
    assert from_revision.name_en == product.name_en
    assert [t.min_quantity for t in from_revision.price_tiers.all()] == [
        t.min_quantity for t in product.price_tiers.all()
    ]
    assert product.moderation_state == "live"


NEW_LANGUAGE_COLUMNS = {
    Product: [f"{field}_{code}" for field in ("name", "description") for code in ("ms", "id", "vi")],
    ProductCategory: ["name_ms", "name_id", "name_vi"],
    Collection: ["title_ms", "title_id", "title_vi"],
    SupplierProfile: ["story_ms", "story_id", "story_vi"],
}


def blank_new_languages():
    """The state of a demo database seeded before ms, id and vi: the columns empty, in rows and live revisions."""
    for model, columns in NEW_LANGUAGE_COLUMNS.items():
        model.objects.update(**dict.fromkeys(columns, ""))
    showcase_demo._revisions(list(Product.objects.values_list("pk", flat=True)), timezone.now())


def snapshot():
    return {
        model: list(model.objects.order_by("pk").values_list("pk", *columns))
        for model, columns in NEW_LANGUAGE_COLUMNS.items()
    }


def test_every_product_category_collection_and_story_has_malay_indonesian_and_vietnamese():
    """600 products, 12 categories, 3 collections, 60 stories: all with ms, id and vi text; zh-hant/en/th as before."""
    showcase_demo.seed(stdout=io.StringIO())
    for model, columns in NEW_LANGUAGE_COLUMNS.items():
        blank = Q()
        for name in columns:
            blank |= Q(**{name: ""})
        assert model.objects.exists() and not model.objects.filter(blank).exists(), model
    cake = Product.objects.get(company__ubn=showcase_demo.demo_ubn(0), sku="BAK-00-00")
    assert (cake.name_zh_hant, cake.name_en, cake.name_th) == ("土鳳梨酥", "Native pineapple cake", "พายสับปะรดไต้หวัน")
    assert (cake.name_ms, cake.name_id, cake.name_vi) == (
        "Kek nanas tradisional Taiwan",
        "Kue nanas tradisional Taiwan",
        "Bánh dứa truyền thống Đài Loan",
    )
    assert cake.description_en == (
        f"Native pineapple cake made in Taipei by {cake.company.name_en}, ready for export to Southeast Asia."
    )
    assert cake.description_vi.startswith("Bánh dứa truyền thống Đài Loan do ")
    classic_tea = Product.objects.get(company__ubn=showcase_demo.demo_ubn(1), sku="TEA-01-05")
    assert (classic_tea.name_en, classic_tea.name_ms, classic_tea.name_vi) == (
        "High-mountain oolong tea (classic)",
        "Teh oolong tanah tinggi (klasik)",
        "Trà ô long cao sơn (bản cổ điển)",
    )
    assert cake.live_revision.as_object().name_id == cake.name_id
    assert ProductCategory.objects.get(path="bicycles/parts").name_ms == "Alat ganti basikal"
    assert Collection.objects.get(slug="taiwan-tea").title_vi == "Trà Đài Loan"


def test_a_second_run_completes_a_database_seeded_before_the_new_languages_then_changes_nothing():
    """Existing rows get their empty ms/id/vi columns filled; each live product gets a new live revision with the
    row's content; no row is added (every product has its Thai text already); the run after that writes
    nothing."""
    showcase_demo.seed(stdout=io.StringIO())
    expected = snapshot()
    blank_new_languages()
    before, revisions = counts(), Revision.objects.count()
    without_thai = Product.objects.filter(name_th="").count()

    out = io.StringIO()
    showcase_demo.seed(stdout=out)

    assert counts() == before
    assert snapshot() == expected
    assert Revision.objects.count() == revisions + 600
    assert "600 existing products completed" in out.getvalue()
    assert "12 categories completed" in out.getvalue()
    assert "60 supplier stories completed" in out.getvalue()
    assert "3 collections completed" in out.getvalue()
    for product in Product.objects.order_by("?")[:20]:
        assert product.latest_revision_id == product.live_revision_id
        from_revision = product.live_revision.as_object()
        assert (from_revision.name_ms, from_revision.description_vi) == (product.name_ms, product.description_vi)
        assert product.moderation_state == "live"
    assert Product.objects.filter(name_th="").count() == without_thai == 0

    updated = list(Product.objects.order_by("pk").values_list("updated_at", flat=True))
    out = io.StringIO()
    showcase_demo.seed(stdout=out)
    assert Revision.objects.count() == revisions + 600
    assert list(Product.objects.order_by("pk").values_list("updated_at", flat=True)) == updated
    assert "completed" not in out.getvalue()
    assert "products: all present" in out.getvalue()


def test_a_product_with_a_draft_is_not_completed():
    """A product whose latest version is an unpublished draft keeps its row and revisions as they are."""
    showcase_demo.seed(stdout=io.StringIO())
    blank_new_languages()
    product = Product.objects.order_by("pk").first()
    Product.objects.filter(pk=product.pk).update(has_unpublished_changes=True)
    revisions = Revision.objects.count()

    out = io.StringIO()
    showcase_demo.seed(stdout=out)

    product.refresh_from_db()
    assert product.name_ms == ""
    assert Revision.objects.count() == revisions + 599
    assert "1 products with a draft or review in progress left as they are" in out.getvalue()


def test_every_product_family_has_a_drawn_picture():
    """Each family of THEMES has its own look, and each look draws an 800 × 800 picture that is not one flat colour."""
    from catalog.showcase import demo_pictures

    assert {theme: len(details["families"]) for theme, details in showcase_demo.THEMES.items()} == {
        theme: len(looks) for theme, looks in demo_pictures.LOOKS.items()
    }
    look = demo_pictures.LOOKS["tea"][0]
    picture = demo_pictures.draw(look)
    assert picture.size == (800, 800)
    assert len(picture.getcolors(maxcolors=1_000_000)) > 500


def test_products_show_their_family_picture_and_old_tiles_are_replaced():
    """Products of one family share its picture; images from the old coloured tiles move to the pictures."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from catalog.showcase import demo_pictures
    from catalog.showcase.models import ProductImage

    showcase_demo.seed(stdout=io.StringIO())
    Image = get_image_model()
    tile = Image(title="Demo tile tea 1")
    tile.file = ImageFile(demo_pictures.jpeg(demo_pictures.LOOKS["tea"][1]), name="demo-tea-1.png")
    tile.save()
    item = ProductImage.objects.filter(product__sku__startswith="TEA").select_related("product").first()
    item.image = tile
    item.save()
    out = io.StringIO()
    showcase_demo.seed(stdout=out)
    item.refresh_from_db()
    family = int(item.product.sku.rsplit("-", 1)[1]) % 5
    assert item.image.title == f"Demo product tea {family + 1}"
    assert not Image.objects.filter(title__startswith="Demo tile ").exists()
    assert "moved from 1 old tiles" in out.getvalue()
    titles = set(ProductImage.objects.values_list("image__title", flat=True))
    assert len(titles) == 35


def test_demo_product_titles_are_unique_in_every_language():
    """The page title of each of the 600 demo products ("Product — Supplier") is unique, in every language."""
    from django.utils import translation

    from catalog.showcase.views.storefront import product_title

    showcase_demo.seed(stdout=io.StringIO())
    products = list(Product.objects.public().select_related("company"))
    for language in ("zh-hant", "en", "th", "ms", "id", "vi"):
        with translation.override(language):
            titles = [product_title(product) for product in products]
        assert len(set(titles)) == len(products) == 600, language
