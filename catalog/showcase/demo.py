"""Demo content for Taipei Good Products: a category tree, 60 verified suppliers and 600 live products.

``seed(stdout=...)`` is idempotent: categories are found by path, companies by their (generated, valid)
統一編號, products by (company, SKU), images by title, collections by slug; existing rows are left alone.
Images are coloured tiles drawn with Pillow (no downloads) and shared between products.

Fast path, demo only: products are bulk-created as live rows with one revision each that holds the same
content, set as both latest and live revision. That is the state a published product is in, without the
per-product log entries and workflow that staff approval would add.
"""

import datetime
import io
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Revision

from portal.companies.models import Company, EcommerceMaturity, Industry, Membership
from portal.companies.validators import WEIGHTS
from portal.markets import District, Market

from .models import (
    Certificate,
    CertificateType,
    Collection,
    CollectionItem,
    PriceTier,
    Product,
    ProductCategory,
    ProductImage,
    StockStatus,
    SupplierProfile,
    Unit,
)

SUPPLIERS = 60
PRODUCTS_PER_SUPPLIER = 10
UBN_BASE = 5_300_000
DEMO_MEMBER_EMAIL = "sme@demo.taipei"

CATEGORIES = [
    ("food-beverage", "食品飲料", "Food and beverage", "อาหารและเครื่องดื่ม"),
    ("food-beverage/bakery", "糕餅伴手禮", "Bakery and gifts", "ขนมอบและของฝาก"),
    ("food-beverage/tea", "茶與茶飲", "Tea and tea drinks", "ชาและเครื่องดื่มชา"),
    ("food-beverage/sauces", "醬料調味", "Sauces and seasonings", "ซอสและเครื่องปรุง"),
    ("food-beverage/snacks", "零食點心", "Snacks", "ขนมขบเคี้ยว"),
    ("beauty", "美妝保養", "Beauty", "ความงาม"),
    ("beauty/skincare", "保養品", "Skincare", "ผลิตภัณฑ์ดูแลผิว"),
    ("stationery", "文具", "Stationery", "เครื่องเขียน"),
    ("stationery/writing", "書寫工具", "Writing instruments", "อุปกรณ์การเขียน"),
    ("stationery/paper", "紙品手帳", "Paper and planners", "กระดาษและสมุดแพลนเนอร์"),
    ("bicycles", "自行車", "Bicycles", "จักรยาน"),
    ("bicycles/parts", "自行車零件", "Bicycle parts", "อะไหล่จักรยาน"),
]

# Families per theme: (zh, en, th, category path, HS code, unit, base price TWD, shelf life days)
THEMES = {
    "bakery": {
        "industry": Industry.FOOD,
        "zh": "餅舖",
        "en": "Bakery",
        "colour": (232, 176, 64),
        "families": [
            (
                "土鳳梨酥",
                "Native pineapple cake",
                "พายสับปะรดไต้หวัน",
                "food-beverage/bakery",
                "190590",
                Unit.BOX,
                420,
                60,
            ),
            ("蛋黃酥", "Egg yolk pastry", "ขนมเปี๊ยะไข่เค็ม", "food-beverage/bakery", "190590", Unit.BOX, 480, 30),
            ("太陽餅", "Sun cake", "ขนมดวงอาทิตย์", "food-beverage/bakery", "190590", Unit.BOX, 360, 45),
            ("牛軋糖", "Milk nougat", "นูกัตนม", "food-beverage/bakery", "170490", Unit.PACK, 250, 180),
            (
                "鳳梨酥禮盒",
                "Pineapple cake gift box",
                "กล่องของขวัญพายสับปะรด",
                "food-beverage/bakery",
                "190590",
                Unit.BOX,
                680,
                60,
            ),
        ],
    },
    "tea": {
        "industry": Industry.FOOD,
        "zh": "茶行",
        "en": "Tea Co.",
        "colour": (76, 140, 74),
        "families": [
            (
                "高山烏龍茶",
                "High-mountain oolong tea",
                "ชาอูหลงภูเขาสูง",
                "food-beverage/tea",
                "090230",
                Unit.PACK,
                900,
                730,
            ),
            (
                "東方美人茶",
                "Oriental Beauty oolong",
                "ชาโอเรียนทัลบิวตี้",
                "food-beverage/tea",
                "090230",
                Unit.PACK,
                1200,
                730,
            ),
            ("木柵鐵觀音", "Muzha Tieguanyin", "ชาเถี่ยกวนอินมู่จ่า", "food-beverage/tea", "090230", Unit.PACK, 1000, 730),
            ("珍珠奶茶組", "Bubble tea kit", "ชุดชานมไข่มุก", "food-beverage/tea", "210690", Unit.BOX, 390, 270),
            ("紅玉紅茶", "Ruby black tea", "ชาดำทับทิม", "food-beverage/tea", "090240", Unit.PACK, 800, 730),
        ],
    },
    "sauces": {
        "industry": Industry.FOOD,
        "zh": "醬園",
        "en": "Sauce Works",
        "colour": (150, 60, 40),
        "families": [
            (
                "黑豆醬油膏",
                "Black bean thick soy sauce",
                "ซีอิ๊วข้นถั่วดำ",
                "food-beverage/sauces",
                "210310",
                Unit.BOTTLE,
                160,
                540,
            ),
            (
                "沙茶醬",
                "Shacha barbecue sauce",
                "ซอสซาเต๊ะไต้หวัน",
                "food-beverage/sauces",
                "210390",
                Unit.BOTTLE,
                140,
                365,
            ),
            (
                "剝皮辣椒醬",
                "Peeled chili sauce",
                "ซอสพริกปอกเปลือก",
                "food-beverage/sauces",
                "210390",
                Unit.BOTTLE,
                180,
                365,
            ),
            ("烏醋", "Black vinegar", "น้ำส้มสายชูดำ", "food-beverage/sauces", "220900", Unit.BOTTLE, 120, 730),
            ("麻油", "Black sesame oil", "น้ำมันงาดำ", "food-beverage/sauces", "151550", Unit.BOTTLE, 260, 540),
        ],
    },
    "snacks": {
        "industry": Industry.FOOD,
        "zh": "清真食品",
        "en": "Halal Foods",
        "colour": (40, 120, 160),
        "halal": True,
        "families": [
            ("清真花生糖", "Halal peanut brittle", "ถั่วตัดฮาลาล", "food-beverage/snacks", "200811", Unit.PACK, 150, 180),
            ("海苔脆片", "Seaweed crisps", "สาหร่ายกรอบ", "food-beverage/snacks", "200899", Unit.PACK, 90, 270),
            ("芒果乾", "Dried mango slices", "มะม่วงอบแห้ง", "food-beverage/snacks", "200899", Unit.PACK, 180, 240),
            ("米果", "Rice crackers", "ข้าวเกรียบ", "food-beverage/snacks", "190590", Unit.PACK, 110, 240),
            (
                "牛肉乾（清真）",
                "Halal beef jerky",
                "เนื้อวัวแดดเดียวฮาลาล",
                "food-beverage/snacks",
                "160250",
                Unit.PACK,
                320,
                120,
            ),
        ],
    },
    "skincare": {
        "industry": Industry.BEAUTY,
        "zh": "生技",
        "en": "Biotech",
        "colour": (214, 120, 160),
        "families": [
            (
                "玻尿酸保濕面膜",
                "Hyaluronic acid sheet mask",
                "มาสก์หน้าไฮยาลูรอน",
                "beauty/skincare",
                "330499",
                Unit.BOX,
                350,
                1095,
            ),
            (
                "綠茶洗面乳",
                "Green tea cleanser",
                "โฟมล้างหน้าชาเขียว",
                "beauty/skincare",
                "340130",
                Unit.BOTTLE,
                280,
                1095,
            ),
            ("防曬乳 SPF50", "Sunscreen SPF50", "ครีมกันแดด SPF50", "beauty/skincare", "330499", Unit.BOTTLE, 450, 1095),
            ("護手霜", "Hand cream", "ครีมทามือ", "beauty/skincare", "330499", Unit.PIECE, 180, 1095),
            ("珍珠粉精華液", "Pearl powder serum", "เซรั่มผงไข่มุก", "beauty/skincare", "330499", Unit.BOTTLE, 890, 1095),
        ],
    },
    "stationery": {
        "industry": Industry.STATIONERY,
        "zh": "文具",
        "en": "Stationery",
        "colour": (70, 80, 170),
        "families": [
            ("鋼筆", "Fountain pen", "ปากกาหมึกซึม", "stationery/writing", "960830", Unit.PIECE, 1500, None),
            ("毛筆", "Calligraphy brush", "พู่กันเขียนอักษร", "stationery/writing", "960330", Unit.PIECE, 320, None),
            ("手帳", "Planner notebook", "สมุดแพลนเนอร์", "stationery/paper", "482010", Unit.PIECE, 420, None),
            ("紙膠帶", "Washi tape set", "ชุดเทปวาชิ", "stationery/paper", "481190", Unit.SET, 260, None),
            ("宣紙", "Xuan calligraphy paper", "กระดาษเขียนพู่กันจีน", "stationery/paper", "480257", Unit.PACK, 300, None),
        ],
    },
    "bicycles": {
        "industry": Industry.SPORTS,
        "zh": "自行車",
        "en": "Cycle Parts",
        "colour": (60, 60, 60),
        "families": [
            (
                "碳纖維車架",
                "Carbon road frame",
                "เฟรมจักรยานคาร์บอน",
                "bicycles/parts",
                "871492",
                Unit.PIECE,
                28000,
                None,
            ),
            ("後變速器", "Rear derailleur", "ตีนผีหลัง", "bicycles/parts", "871499", Unit.PIECE, 2600, None),
            ("鋁合金輪組", "Alloy wheelset", "ชุดล้ออะลูมิเนียม", "bicycles/parts", "871492", Unit.SET, 7800, None),
            (
                "油壓碟煞組",
                "Hydraulic disc brake set",
                "ชุดดิสก์เบรกไฮดรอลิก",
                "bicycles/parts",
                "871494",
                Unit.SET,
                3900,
                None,
            ),
            (
                "人體工學坐墊",
                "Ergonomic saddle",
                "เบาะจักรยานเพื่อสุขภาพ",
                "bicycles/parts",
                "871495",
                Unit.PIECE,
                1200,
                None,
            ),
        ],
    },
}
VARIANTS = [
    ("", "", ""),
    ("（經典款）", " (classic)", " (คลาสสิก)"),
]
PLACES = [
    ("大稻埕", "Dadaocheng", District.DATONG),
    ("永康", "Yongkang", District.DAAN),
    ("士林", "Shilin", District.SHILIN),
    ("北投", "Beitou", District.BEITOU),
    ("信義", "Xinyi", District.XINYI),
    ("南港", "Nangang", District.NANGANG),
    ("內湖", "Neihu", District.NEIHU),
    ("木柵", "Muzha", District.WENSHAN),
    ("松山", "Songshan", District.SONGSHAN),
    ("萬華", "Wanhua", District.WANHUA),
]
HALAL_ISSUERS = [("JAKIM", [Market.MALAYSIA]), ("BPJPH", [Market.INDONESIA]), ("CICOT", [Market.THAILAND])]
COLLECTIONS = [
    ("pineapple-cakes", "台北伴手禮", "Taipei gifts", "ของฝากจากไทเป", "bakery"),
    ("halal-snacks", "清真認證零食", "Halal-certified snacks", "ขนมฮาลาล", "snacks"),
    ("taiwan-tea", "台灣好茶", "Taiwan tea", "ชาไต้หวัน", "tea"),
]


def demo_ubn(n: int) -> str:
    """A checksum-valid 統一編號: seven digits from ``n`` and the check digit that makes the sum divisible by 5."""
    head = f"{(UBN_BASE + n) % 10**7:07d}"
    products = (int(digit) * weight for digit, weight in zip(head, WEIGHTS[:7], strict=True))
    total = sum(product // 10 + product % 10 for product in products)
    return head + str((-total) % 5)


def _categories(stdout):
    by_path = {}
    for path, zh, en, th in CATEGORIES:
        parent_path, _sep, slug = path.rpartition("/")
        category, created = ProductCategory.objects.get_or_create(
            path=path,
            defaults={
                "slug": slug,
                "parent": by_path.get(parent_path),
                "name_zh_hant": zh,
                "name_en": en,
                "name_th": th,
            },
        )
        by_path[path] = category
    stdout.write(f"  {len(by_path)} categories")
    return by_path


def _tile(theme, colour, shape):
    buffer = io.BytesIO()
    picture = PILImage.new("RGB", (480, 480), colour)
    draw = ImageDraw.Draw(picture)
    light = tuple(min(255, c + 90) for c in colour)
    if shape == 0:
        draw.ellipse((120, 120, 360, 360), fill=light)
    elif shape == 1:
        draw.rectangle((130, 130, 350, 350), fill=light)
    else:
        draw.polygon([(240, 100), (380, 370), (100, 370)], fill=light)
    picture.save(buffer, format="PNG")
    buffer.seek(0)
    return ImageFile(buffer, name=f"demo-{theme}-{shape}.png")


def _images(stdout):
    Image = get_image_model()
    tiles = {}
    for theme, details in THEMES.items():
        tiles[theme] = []
        for shape in range(3):
            title = f"Demo tile {theme} {shape}"
            image = Image.objects.filter(title=title).first()
            if image is None:
                image = Image(title=title)
                image.file = _tile(theme, details["colour"], shape)
                image.save()
            tiles[theme].append(image)
    stdout.write(f"  {sum(len(t) for t in tiles.values())} image tiles")
    return tiles


def _suppliers(stdout):
    now = timezone.now()
    themes = list(THEMES)
    suppliers = []
    for n in range(SUPPLIERS):
        theme = themes[n % len(themes)]
        details = THEMES[theme]
        place_zh, place_en, district = PLACES[(n // len(themes)) % len(PLACES)]
        company, _created = Company.objects.get_or_create(
            ubn=demo_ubn(n),
            defaults={
                "name_zh": f"{place_zh}{details['zh']}股份有限公司",
                "name_en": f"{place_en} {details['en']} Ltd.",
                "address": f"臺北市{place_zh}路{n + 1}號",
                "district": district,
                "industry": details["industry"],
                "target_markets": [Market.THAILAND, Market.MALAYSIA, Market.INDONESIA],
                "ecommerce_maturity": EcommerceMaturity.STARTED,
                "verified_at": now,
            },
        )
        SupplierProfile.objects.get_or_create(
            company=company,
            defaults={
                "story_zh_hant": f"{place_zh}在地{details['zh']}，從臺北出發，把好產品送到東南亞。",
                "story_en": f"A {place_en} family business bringing Taipei's best to Southeast Asia.",
                "story_th": f"ธุรกิจครอบครัวจาก{place_en} นำสินค้าดีจากไทเปสู่เอเชียตะวันออกเฉียงใต้",
                "year_founded": 1950 + (n * 7) % 70,
                "export_markets": [Market.THAILAND, Market.MALAYSIA] if n % 2 else [Market.THAILAND],
                "languages_spoken": ["zh-hant", "en", "th"] if n % 3 == 0 else ["zh-hant", "en"],
            },
        )
        suppliers.append((n, theme, company))
    stdout.write(f"  {len(suppliers)} verified suppliers with profiles")
    return suppliers


def _certificates(n, theme, company, today):
    certificates = []
    if THEMES[theme].get("halal"):
        issuer, markets = HALAL_ISSUERS[n % len(HALAL_ISSUERS)]
        until = today + datetime.timedelta(days=25 if n % 4 == 0 else 400)
        certificates.append(
            Certificate.objects.get_or_create(
                company=company,
                certificate_type=CertificateType.HALAL,
                number=f"{issuer}-{company.ubn}",
                defaults={
                    "issuer": issuer,
                    "valid_from": today - datetime.timedelta(days=300),
                    "valid_until": until,
                    "recognised_markets": markets,
                },
            )[0]
        )
    if THEMES[theme]["industry"] == Industry.FOOD:
        certificates.append(
            Certificate.objects.get_or_create(
                company=company,
                certificate_type=CertificateType.HACCP,
                number=f"HACCP-{company.ubn}",
                defaults={
                    "issuer": "SGS Taiwan",
                    "valid_from": today - datetime.timedelta(days=200),
                    "valid_until": today + datetime.timedelta(days=500),
                    "recognised_markets": [Market.THAILAND, Market.MALAYSIA, Market.SINGAPORE],
                },
            )[0]
        )
    certificates.append(
        Certificate.objects.get_or_create(
            company=company,
            certificate_type=CertificateType.MIT,
            number=f"MIT-{company.ubn}",
            defaults={
                "issuer": "MIT Smile",
                "valid_from": today - datetime.timedelta(days=100),
                "valid_until": today + datetime.timedelta(days=700),
                "recognised_markets": [],
            },
        )[0]
    )
    return certificates


def _new_products(suppliers, categories, today):
    """Unsaved products (with their certificates) that the database does not have yet."""
    existing = set(Product.objects.values_list("company_id", "sku"))
    rng = random.Random(5)
    new = []
    for n, theme, company in suppliers:
        certificates = _certificates(n, theme, company, today)
        families = THEMES[theme]["families"]
        for k in range(PRODUCTS_PER_SUPPLIER):
            sku = f"{theme[:3].upper()}-{n:02d}-{k:02d}"
            if (company.pk, sku) in existing:
                continue
            zh, en, th, path, hs_code, unit, price, shelf_life = families[k % len(families)]
            variant_zh, variant_en, variant_th = VARIANTS[k // len(families) % len(VARIANTS)]
            with_thai = (n + k) % 3 != 2
            moq = rng.choice([10, 20, 50, 100])
            product = Product(
                company=company,
                sku=sku,
                name_zh_hant=f"{zh}{variant_zh}",
                name_en=f"{en}{variant_en}",
                name_th=f"{th}{variant_th}" if with_thai else "",
                description_zh_hant=f"{company.name_zh}出品的{zh}，臺北製造，可出口東南亞。",
                description_en=f"{en} made in Taipei by {company.name_en}, ready for export to Southeast Asia.",
                description_th=f"{th} ผลิตในไทเป พร้อมส่งออก" if with_thai else "",
                category=categories[path],
                price_twd=Decimal(price + rng.randint(0, 8) * 10),
                moq=moq,
                order_multiple=10 if moq % 10 == 0 else 1,
                unit=unit,
                lead_time_days=rng.choice([7, 14, 21, 30]),
                hs_code=hs_code,
                origin=Market.TAIWAN,
                shelf_life_days=shelf_life,
                storage="陰涼乾燥處 / Store in a cool, dry place" if shelf_life else "",
                weight_grams=rng.choice([250, 500, 800, 1200]),
                ships_to=[Market.THAILAND, Market.MALAYSIA, Market.SINGAPORE]
                + ([Market.INDONESIA] if n % 2 else [Market.VIETNAM]),
                stock_status=StockStatus.IN_STOCK if k % 7 else StockStatus.MADE_TO_ORDER,
                sample_available=k % 3 == 0,
                sample_price_twd=Decimal(price // 2) if k % 3 == 0 else None,
                sample_limit=3 if k % 3 == 0 else None,
                live=True,
                has_unpublished_changes=False,
            )
            new.append((product, theme, k, certificates))
    return new


def _products(suppliers, categories, tiles, stdout):
    now = timezone.now()
    new = _new_products(suppliers, categories, timezone.localdate())
    if not new:
        stdout.write("  products: all present")
        return
    for product, *_rest in new:
        product.first_published_at = now
        product.last_published_at = now
    Product.objects.bulk_create([product for product, *_rest in new], batch_size=200)
    stdout.write(f"  {len(new)} products created")
    tiers, images, links = [], [], []
    for product, theme, k, certificates in new:
        tiers += [
            PriceTier(
                product=product,
                min_quantity=product.moq * 5,
                unit_price_twd=product.price_twd * Decimal("0.92"),
                sort_order=0,
            ),
            PriceTier(
                product=product,
                min_quantity=product.moq * 20,
                unit_price_twd=product.price_twd * Decimal("0.85"),
                sort_order=1,
            ),
        ]
        images.append(
            ProductImage(
                product=product, image=tiles[theme][k % len(tiles[theme])], alt_text=product.name_en, sort_order=0
            )
        )
        links += [Product.certificates.through(product=product, certificate=c) for c in certificates]
    PriceTier.objects.bulk_create(tiers, batch_size=500)
    ProductImage.objects.bulk_create(images, batch_size=500)
    Product.certificates.through.objects.bulk_create(links, batch_size=500)
    stdout.write(f"  {len(tiers)} price tiers, {len(images)} images, {len(links)} certificate links")
    _revisions([product.pk for product, *_rest in new], now)
    stdout.write("  one published revision per product")


def _revisions(product_ids, now):
    content_type = ContentType.objects.get_for_model(Product)
    products = list(
        Product.objects.filter(pk__in=product_ids).prefetch_related("price_tiers", "images", "certificates")
    )
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(product.pk),
                object_str=str(product)[:255],
                content=product.serializable_data(),
                created_at=now,
            )
            for product in products
        ],
        batch_size=200,
    )
    for product, revision in zip(products, revisions, strict=True):
        product.latest_revision = revision
        product.live_revision = revision
    Product.objects.bulk_update(products, ["latest_revision", "live_revision"], batch_size=200)


def _collections(stdout):
    for slug, zh, en, th, theme in COLLECTIONS:
        collection, created = Collection.objects.get_or_create(
            slug=slug, defaults={"title_zh_hant": zh, "title_en": en, "title_th": th}
        )
        if collection.items.exists():
            continue
        prefix = f"{theme[:3].upper()}-"
        products = Product.objects.public().filter(sku__startswith=prefix).order_by("sku")[:12]
        CollectionItem.objects.bulk_create(
            [CollectionItem(collection=collection, product=p, sort_order=i) for i, p in enumerate(products)]
        )
    stdout.write(f"  {len(COLLECTIONS)} collections")


def _demo_member(suppliers, stdout):
    """The demo SME user also runs the first supplier, so the supplier dashboard has something to show."""
    user = get_user_model().objects.filter(email=DEMO_MEMBER_EMAIL).first()
    if user is None:
        stdout.write(f"  {DEMO_MEMBER_EMAIL} not found: no dashboard member (seed the companies first)")
        return
    company = suppliers[0][2]
    Membership.objects.get_or_create(company=company, user=user, defaults={"role": Membership.Role.OWNER})
    stdout.write(f"  {DEMO_MEMBER_EMAIL} is an owner of {company.name_en}")


@transaction.atomic
def seed(*, stdout) -> None:
    stdout.write("Taipei Good Products:")
    categories = _categories(stdout)
    tiles = _images(stdout)
    suppliers = _suppliers(stdout)
    _products(suppliers, categories, tiles, stdout)
    _collections(stdout)
    _demo_member(suppliers, stdout)
