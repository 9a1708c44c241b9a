"""Feed benchmark: the marketplace feeds of 20,000 public products, made (streamed and stored) and then served
from the stored file, per layout (Google XML, Google TSV, Shopee CSV), in Thai for Thailand.

    .venv/bin/python bench/feeds.py
    BENCH_PRODUCTS=5000 .venv/bin/python bench/feeds.py
    DATABASE_URL=postgres://portal:portal-test-only@127.0.0.1:5432/portal .venv/bin/python bench/feeds.py

Each product has two images, Thai text and ships to Thailand. Works in a throw-away database (`bench_feeds`, or
`BENCH_DATABASE`, or a temporary SQLite file) created and dropped here; the files go to a temporary directory.
Prints the figures (the time to the last byte, as a marketplace's fetch would see it); nothing is asserted.
"""

import io
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "20000"))
TARGET_SECONDS = 5


def make_database():
    """Create and migrate the throw-away database; returns a callable that drops it."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["TEST"]["NAME"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    else:
        database["TEST"]["NAME"] = os.environ.get("BENCH_DATABASE", "bench_feeds")
    old_name = database["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return lambda: connection.creation.destroy_test_db(old_name, verbosity=0)


def picture(name):
    from django.core.files.images import ImageFile
    from PIL import Image
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    Image.new("RGB", (800, 800), (200, 160, 60)).save(buffer, "JPEG")
    image = get_image_model()(title=name)
    image.file = ImageFile(buffer, name=f"{name}.jpg")
    image.save()
    return image


def catalogue():
    from django.utils import timezone

    from catalog.showcase.models import Product, ProductCategory, ProductImage
    from payments.models import ExchangeRate
    from portal.companies.models import Company
    from tests.factories.home import build_site
    from tests.factories.inquiries import ShowcasePageFactory

    site = build_site(news_count=0)
    ShowcasePageFactory(parent=site.home)
    ExchangeRate.objects.create(currency="THB", twd_per_unit=Decimal("0.9"))
    food = ProductCategory.objects.create(
        slug="food", path="food", name_zh_hant="食品", name_en="Food", name_th="อาหาร"
    )
    snacks = ProductCategory.objects.create(
        parent=food, slug="snacks", path="food/snacks", name_zh_hant="零食", name_en="Snacks", name_th="ขนม"
    )
    companies = [
        Company.objects.create(
            name_zh=f"基準食品 {n}",
            name_en=f"Bench Foods {n}",
            ubn=f"5300{n:04d}",
            address="臺北市",
            district="xinyi",
            industry="food",
            verified_at=timezone.now(),
        )
        for n in range(20)
    ]
    now = timezone.now()
    products = Product.objects.bulk_create(
        [
            Product(
                company=companies[n % len(companies)],
                sku=f"B-{n:05d}",
                name_zh_hant=f"土鳳梨酥 {n}",
                name_en=f"Native pineapple cake {n}",
                name_th=f"พายสับปะรด {n}",
                description_zh_hant="土鳳梨內餡，奶油酥皮。" * 4,
                description_en="Native pineapple filling in a buttery crust. " * 4,
                description_th="ไส้สับปะรดพื้นเมือง แป้งเนยกรอบ " * 4,
                category=snacks,
                price_twd=Decimal(100 + n % 400),
                hs_code="190590",
                ships_to=["TH", "MY", "SG"],
                stock_status="made_to_order" if n % 5 == 0 else "in_stock",
                gtin="4006381333931" if n % 2 else "",
                weight_grams=450,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            for n in range(PRODUCTS)
        ],
        batch_size=1000,
    )
    front, back = picture("front"), picture("back")
    ProductImage.objects.bulk_create(
        [
            ProductImage(product=product, image=image, alt_text="A box", sort_order=position)
            for product in products
            for position, image in enumerate((front, back))
        ],
        batch_size=2000,
    )


def main():
    from django.test.utils import override_settings

    drop = make_database()
    try:
        with override_settings(MEDIA_ROOT=tempfile.mkdtemp(), PRIVATE_MEDIA_ROOT=tempfile.mkdtemp()):
            catalogue()
            from catalog.showcase import feeds

            print(f"{connection.vendor}: {PRODUCTS} public products, Thai, for Thailand (target < {TARGET_SECONDS} s)")
            for name, feed_format in feeds.FORMATS.items():
                for _attempt in range(2):
                    started = time.perf_counter()
                    context = feeds.feed_context(language="th", country="TH")
                    chunks, stored = feeds.stream(feed_format, context)
                    if stored:
                        with chunks:
                            size = sum(len(block) for block in chunks.chunks())
                    else:
                        size = sum(len(chunk) for chunk in chunks)
                    elapsed = time.perf_counter() - started
                    state = "stored" if stored else "made"
                    print(f"  {name:10} {state:6} {elapsed:6.2f} s  {size / 1e6:7.1f} MB")
    finally:
        drop()


if __name__ == "__main__":
    main()
