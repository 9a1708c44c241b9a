"""Demo content for Taipei Good Products: a category tree, 60 verified suppliers and 600 live products.

``seed(stdout=...)`` is idempotent: categories are found by path, companies by their (generated, valid)
統一編號, products by (company, SKU), images by title, collections by slug. Existing rows keep their values,
except that empty text columns of a language the demo writes are filled (a demo database seeded before
Malay, Indonesian and Vietnamese were added gets them on the next run; the run after that changes nothing).
Pictures are drawn with Pillow (``demo_pictures``: the product on a studio background, no downloads), one per
product family, shared by the products of that family. A database seeded with the earlier coloured tiles gets
its product images moved to the pictures and the tiles deleted.

Fast path, demo only: products are bulk-created as live rows with one revision each that holds the same
content, set as both latest and live revision. That is the state a published product is in, without the
per-product log entries and workflow that staff approval would add. Filling new languages into existing live
products takes the same path: the row is updated and a new revision with its content becomes the live one.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Revision

from portal.companies.models import Company, EcommerceMaturity, Industry, Membership
from portal.companies.validators import WEIGHTS
from portal.markets import District, Market

from . import demo_pictures
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
from .translated import LANGUAGE_SUFFIXES, column, language_columns

SUPPLIERS = 60
PRODUCTS_PER_SUPPLIER = 10
UBN_BASE = 5_300_000
DEMO_MEMBER_EMAIL = "sme@demo.taipei"

# Text per language, in the portal's order: zh-hant, en, th, ms, id, vi (see translated.LANGUAGE_SUFFIXES).
CATEGORIES = [
    (
        "food-beverage",
        (
            "食品飲料",
            "Food and beverage",
            "อาหารและเครื่องดื่ม",
            "Makanan dan minuman",
            "Makanan dan minuman",
            "Thực phẩm và đồ uống",
        ),
    ),
    (
        "food-beverage/bakery",
        (
            "糕餅伴手禮",
            "Bakery and gifts",
            "ขนมอบและของฝาก",
            "Pastri dan buah tangan",
            "Kue dan oleh-oleh",
            "Bánh ngọt và quà biếu",
        ),
    ),
    (
        "food-beverage/tea",
        (
            "茶與茶飲",
            "Tea and tea drinks",
            "ชาและเครื่องดื่มชา",
            "Teh dan minuman teh",
            "Teh dan minuman teh",
            "Trà và đồ uống từ trà",
        ),
    ),
    (
        "food-beverage/sauces",
        (
            "醬料調味",
            "Sauces and seasonings",
            "ซอสและเครื่องปรุง",
            "Sos dan perasa",
            "Saus dan bumbu",
            "Nước sốt và gia vị",
        ),
    ),
    ("food-beverage/snacks", ("零食點心", "Snacks", "ขนมขบเคี้ยว", "Snek", "Camilan", "Đồ ăn vặt")),
    ("beauty", ("美妝保養", "Beauty", "ความงาม", "Kecantikan", "Kecantikan", "Làm đẹp")),
    ("beauty/skincare", ("保養品", "Skincare", "ผลิตภัณฑ์ดูแลผิว", "Penjagaan kulit", "Perawatan kulit", "Chăm sóc da")),
    ("stationery", ("文具", "Stationery", "เครื่องเขียน", "Alat tulis", "Alat tulis", "Văn phòng phẩm")),
    (
        "stationery/writing",
        (
            "書寫工具",
            "Writing instruments",
            "อุปกรณ์การเขียน",
            "Pen dan alat menulis",
            "Pena dan alat menulis",
            "Dụng cụ viết",
        ),
    ),
    (
        "stationery/paper",
        (
            "紙品手帳",
            "Paper and planners",
            "กระดาษและสมุดแพลนเนอร์",
            "Kertas dan buku perancang",
            "Kertas dan buku agenda",
            "Giấy và sổ kế hoạch",
        ),
    ),
    ("bicycles", ("自行車", "Bicycles", "จักรยาน", "Basikal", "Sepeda", "Xe đạp")),
    (
        "bicycles/parts",
        ("自行車零件", "Bicycle parts", "อะไหล่จักรยาน", "Alat ganti basikal", "Suku cadang sepeda", "Phụ tùng xe đạp"),
    ),
]

# Families per theme: (names, category path, HS code, unit, base price TWD, shelf life days)
THEMES = {
    "bakery": {
        "industry": Industry.FOOD,
        "zh": "餅舖",
        "en": "Bakery",
        "colour": (232, 176, 64),
        "families": [
            (
                (
                    "土鳳梨酥",
                    "Native pineapple cake",
                    "พายสับปะรดไต้หวัน",
                    "Kek nanas tradisional Taiwan",
                    "Kue nanas tradisional Taiwan",
                    "Bánh dứa truyền thống Đài Loan",
                ),
                "food-beverage/bakery",
                "190590",
                Unit.BOX,
                420,
                60,
            ),
            (
                (
                    "蛋黃酥",
                    "Egg yolk pastry",
                    "ขนมเปี๊ยะไข่เค็ม",
                    "Pastri kuning telur masin",
                    "Pia kuning telur asin",
                    "Bánh ngàn lớp trứng muối",
                ),
                "food-beverage/bakery",
                "190590",
                Unit.BOX,
                480,
                30,
            ),
            (
                (
                    "太陽餅",
                    "Sun cake",
                    "ขนมดวงอาทิตย์",
                    "Kuih matahari Taiwan",
                    "Kue matahari Taiwan",
                    "Bánh mặt trời Đài Loan",
                ),
                "food-beverage/bakery",
                "190590",
                Unit.BOX,
                360,
                45,
            ),
            (
                ("牛軋糖", "Milk nougat", "นูกัตนม", "Nougat susu", "Permen nougat susu", "Kẹo nougat sữa"),
                "food-beverage/bakery",
                "170490",
                Unit.PACK,
                250,
                180,
            ),
            (
                (
                    "鳳梨酥禮盒",
                    "Pineapple cake gift box",
                    "กล่องของขวัญพายสับปะรด",
                    "Kotak hadiah kek nanas",
                    "Kotak hadiah kue nanas",
                    "Hộp quà bánh dứa",
                ),
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
                (
                    "高山烏龍茶",
                    "High-mountain oolong tea",
                    "ชาอูหลงภูเขาสูง",
                    "Teh oolong tanah tinggi",
                    "Teh oolong pegunungan tinggi",
                    "Trà ô long cao sơn",
                ),
                "food-beverage/tea",
                "090230",
                Unit.PACK,
                900,
                730,
            ),
            (
                (
                    "東方美人茶",
                    "Oriental Beauty oolong",
                    "ชาโอเรียนทัลบิวตี้",
                    "Teh Oriental Beauty",
                    "Teh Oriental Beauty",
                    "Trà Đông Phương Mỹ Nhân",
                ),
                "food-beverage/tea",
                "090230",
                Unit.PACK,
                1200,
                730,
            ),
            (
                (
                    "木柵鐵觀音",
                    "Muzha Tieguanyin",
                    "ชาเถี่ยกวนอินมู่จ่า",
                    "Teh Tieguanyin Muzha",
                    "Teh Tieguanyin Muzha",
                    "Trà Thiết Quan Âm Mộc Sách",
                ),
                "food-beverage/tea",
                "090230",
                Unit.PACK,
                1000,
                730,
            ),
            (
                (
                    "珍珠奶茶組",
                    "Bubble tea kit",
                    "ชุดชานมไข่มุก",
                    "Set teh susu mutiara",
                    "Paket teh susu boba",
                    "Set nguyên liệu trà sữa trân châu",
                ),
                "food-beverage/tea",
                "210690",
                Unit.BOX,
                390,
                270,
            ),
            (
                ("紅玉紅茶", "Ruby black tea", "ชาดำทับทิม", "Teh hitam Ruby", "Teh hitam Ruby", "Hồng trà Hồng Ngọc"),
                "food-beverage/tea",
                "090240",
                Unit.PACK,
                800,
                730,
            ),
        ],
    },
    "sauces": {
        "industry": Industry.FOOD,
        "zh": "醬園",
        "en": "Sauce Works",
        "colour": (150, 60, 40),
        "families": [
            (
                (
                    "黑豆醬油膏",
                    "Black bean thick soy sauce",
                    "ซีอิ๊วข้นถั่วดำ",
                    "Kicap pekat kacang hitam",
                    "Kecap asin kental kedelai hitam",
                    "Nước tương đậu đen đặc",
                ),
                "food-beverage/sauces",
                "210310",
                Unit.BOTTLE,
                160,
                540,
            ),
            (
                (
                    "沙茶醬",
                    "Shacha barbecue sauce",
                    "ซอสซาเต๊ะไต้หวัน",
                    "Sos sacha BBQ",
                    "Saus sacha BBQ",
                    "Sốt sa tế Đài Loan",
                ),
                "food-beverage/sauces",
                "210390",
                Unit.BOTTLE,
                140,
                365,
            ),
            (
                (
                    "剝皮辣椒醬",
                    "Peeled chili sauce",
                    "ซอสพริกปอกเปลือก",
                    "Sos cili kupas kulit",
                    "Saus cabai kupas kulit",
                    "Tương ớt bóc vỏ",
                ),
                "food-beverage/sauces",
                "210390",
                Unit.BOTTLE,
                180,
                365,
            ),
            (
                ("烏醋", "Black vinegar", "น้ำส้มสายชูดำ", "Cuka hitam", "Cuka hitam", "Giấm đen"),
                "food-beverage/sauces",
                "220900",
                Unit.BOTTLE,
                120,
                730,
            ),
            (
                ("麻油", "Black sesame oil", "น้ำมันงาดำ", "Minyak bijan hitam", "Minyak wijen hitam", "Dầu mè đen"),
                "food-beverage/sauces",
                "151550",
                Unit.BOTTLE,
                260,
                540,
            ),
        ],
    },
    "snacks": {
        "industry": Industry.FOOD,
        "zh": "清真食品",
        "en": "Halal Foods",
        "colour": (40, 120, 160),
        "halal": True,
        "families": [
            (
                (
                    "清真花生糖",
                    "Halal peanut brittle",
                    "ถั่วตัดฮาลาล",
                    "Gula kacang halal",
                    "Enting-enting kacang halal",
                    "Kẹo đậu phộng halal",
                ),
                "food-beverage/snacks",
                "200811",
                Unit.PACK,
                150,
                180,
            ),
            (
                (
                    "海苔脆片",
                    "Seaweed crisps",
                    "สาหร่ายกรอบ",
                    "Snek rumpai laut rangup",
                    "Keripik rumput laut",
                    "Rong biển sấy giòn",
                ),
                "food-beverage/snacks",
                "200899",
                Unit.PACK,
                90,
                270,
            ),
            (
                (
                    "芒果乾",
                    "Dried mango slices",
                    "มะม่วงอบแห้ง",
                    "Hirisan mangga kering",
                    "Irisan mangga kering",
                    "Xoài sấy dẻo",
                ),
                "food-beverage/snacks",
                "200899",
                Unit.PACK,
                180,
                240,
            ),
            (
                ("米果", "Rice crackers", "ข้าวเกรียบ", "Biskut beras rangup", "Kerupuk beras", "Bánh gạo giòn"),
                "food-beverage/snacks",
                "190590",
                Unit.PACK,
                110,
                240,
            ),
            (
                (
                    "牛肉乾（清真）",
                    "Halal beef jerky",
                    "เนื้อวัวแดดเดียวฮาลาล",
                    "Dendeng daging lembu halal",
                    "Dendeng sapi halal",
                    "Khô bò halal",
                ),
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
                (
                    "玻尿酸保濕面膜",
                    "Hyaluronic acid sheet mask",
                    "มาสก์หน้าไฮยาลูรอน",
                    "Sheet mask pelembap asid hialuronik",
                    "Masker wajah hyaluronic acid",
                    "Mặt nạ giấy cấp ẩm hyaluronic acid",
                ),
                "beauty/skincare",
                "330499",
                Unit.BOX,
                350,
                1095,
            ),
            (
                (
                    "綠茶洗面乳",
                    "Green tea cleanser",
                    "โฟมล้างหน้าชาเขียว",
                    "Pencuci muka teh hijau",
                    "Sabun cuci muka teh hijau",
                    "Sữa rửa mặt trà xanh",
                ),
                "beauty/skincare",
                "340130",
                Unit.BOTTLE,
                280,
                1095,
            ),
            (
                (
                    "防曬乳 SPF50",
                    "Sunscreen SPF50",
                    "ครีมกันแดด SPF50",
                    "Losyen pelindung matahari SPF50",
                    "Tabir surya SPF50",
                    "Kem chống nắng SPF50",
                ),
                "beauty/skincare",
                "330499",
                Unit.BOTTLE,
                450,
                1095,
            ),
            (
                ("護手霜", "Hand cream", "ครีมทามือ", "Krim tangan", "Krim tangan", "Kem dưỡng da tay"),
                "beauty/skincare",
                "330499",
                Unit.PIECE,
                180,
                1095,
            ),
            (
                (
                    "珍珠粉精華液",
                    "Pearl powder serum",
                    "เซรั่มผงไข่มุก",
                    "Serum serbuk mutiara",
                    "Serum bubuk mutiara",
                    "Serum bột ngọc trai",
                ),
                "beauty/skincare",
                "330499",
                Unit.BOTTLE,
                890,
                1095,
            ),
        ],
    },
    "stationery": {
        "industry": Industry.STATIONERY,
        "zh": "文具",
        "en": "Stationery",
        "colour": (70, 80, 170),
        "families": [
            (
                ("鋼筆", "Fountain pen", "ปากกาหมึกซึม", "Pen dakwat", "Pena tinta", "Bút máy"),
                "stationery/writing",
                "960830",
                Unit.PIECE,
                1500,
                None,
            ),
            (
                (
                    "毛筆",
                    "Calligraphy brush",
                    "พู่กันเขียนอักษร",
                    "Berus kaligrafi Cina",
                    "Kuas kaligrafi Tionghoa",
                    "Bút lông thư pháp",
                ),
                "stationery/writing",
                "960330",
                Unit.PIECE,
                320,
                None,
            ),
            (
                (
                    "手帳",
                    "Planner notebook",
                    "สมุดแพลนเนอร์",
                    "Buku nota perancang",
                    "Buku agenda planner",
                    "Sổ tay kế hoạch",
                ),
                "stationery/paper",
                "482010",
                Unit.PIECE,
                420,
                None,
            ),
            (
                ("紙膠帶", "Washi tape set", "ชุดเทปวาชิ", "Set pita washi", "Set selotip washi", "Bộ băng dính washi"),
                "stationery/paper",
                "481190",
                Unit.SET,
                260,
                None,
            ),
            (
                (
                    "宣紙",
                    "Xuan calligraphy paper",
                    "กระดาษเขียนพู่กันจีน",
                    "Kertas xuan kaligrafi",
                    "Kertas xuan kaligrafi",
                    "Giấy xuyến chỉ viết thư pháp",
                ),
                "stationery/paper",
                "480257",
                Unit.PACK,
                300,
                None,
            ),
        ],
    },
    "bicycles": {
        "industry": Industry.SPORTS,
        "zh": "自行車",
        "en": "Cycle Parts",
        "colour": (60, 60, 60),
        "families": [
            (
                (
                    "碳纖維車架",
                    "Carbon road frame",
                    "เฟรมจักรยานคาร์บอน",
                    "Rangka basikal jalan raya karbon",
                    "Frame sepeda road bike karbon",
                    "Khung xe đạp đua carbon",
                ),
                "bicycles/parts",
                "871492",
                Unit.PIECE,
                28000,
                None,
            ),
            (
                (
                    "後變速器",
                    "Rear derailleur",
                    "ตีนผีหลัง",
                    "Derailleur belakang basikal",
                    "Derailleur belakang sepeda",
                    "Củ đề sau xe đạp",
                ),
                "bicycles/parts",
                "871499",
                Unit.PIECE,
                2600,
                None,
            ),
            (
                (
                    "鋁合金輪組",
                    "Alloy wheelset",
                    "ชุดล้ออะลูมิเนียม",
                    "Set roda aloi basikal",
                    "Set roda sepeda alloy",
                    "Bộ bánh xe đạp hợp kim nhôm",
                ),
                "bicycles/parts",
                "871492",
                Unit.SET,
                7800,
                None,
            ),
            (
                (
                    "油壓碟煞組",
                    "Hydraulic disc brake set",
                    "ชุดดิสก์เบรกไฮดรอลิก",
                    "Set brek cakera hidraulik basikal",
                    "Set rem cakram hidrolik sepeda",
                    "Bộ phanh đĩa dầu xe đạp",
                ),
                "bicycles/parts",
                "871494",
                Unit.SET,
                3900,
                None,
            ),
            (
                (
                    "人體工學坐墊",
                    "Ergonomic saddle",
                    "เบาะจักรยานเพื่อสุขภาพ",
                    "Tempat duduk basikal ergonomik",
                    "Sadel sepeda ergonomis",
                    "Yên xe đạp công thái học",
                ),
                "bicycles/parts",
                "871495",
                Unit.PIECE,
                1200,
                None,
            ),
        ],
    },
}
# Appended to a family's name, per language.
VARIANTS = [
    ("", "", "", "", "", ""),
    ("（經典款）", " (classic)", " (คลาสสิก)", " (klasik)", " (klasik)", " (bản cổ điển)"),
]
# A product's description, per language: {name} is the family's name, {company_zh} / {company_en} the supplier's.
DESCRIPTIONS = {
    "zh-hant": "{company_zh}出品的{name}，臺北製造，可出口東南亞。",
    "en": "{name} made in Taipei by {company_en}, ready for export to Southeast Asia.",
    "th": "{name} ผลิตในไทเป พร้อมส่งออก",
    "ms": "{name} buatan Taipei oleh {company_en}, sedia untuk dieksport ke Asia Tenggara.",
    "id": "{name} produksi {company_en} di Taipei, siap ekspor ke Asia Tenggara.",
    "vi": "{name} do {company_en} sản xuất tại Đài Bắc, sẵn sàng xuất khẩu sang Đông Nam Á.",
}
# A supplier's story, per language: {zh} / {en} / {vi} are the neighbourhood, {trade} the theme's Chinese trade.
STORIES = {
    "zh-hant": "{zh}在地{trade}，從臺北出發，把好產品送到東南亞。",
    "en": "A {en} family business bringing Taipei's best to Southeast Asia.",
    "th": "ธุรกิจครอบครัวจาก{en} นำสินค้าดีจากไทเปสู่เอเชียตะวันออกเฉียงใต้",
    "ms": "Perniagaan keluarga dari {en} yang membawa produk terbaik Taipei ke Asia Tenggara.",
    "id": "Usaha keluarga dari {en} yang membawa produk terbaik Taipei ke Asia Tenggara.",
    "vi": "Doanh nghiệp gia đình ở {vi}, đưa những sản phẩm tốt nhất của Đài Bắc đến Đông Nam Á.",
}
# (zh, en, vi, district): Vietnamese readers know Taipei's districts by their Sino-Vietnamese names.
PLACES = [
    ("大稻埕", "Dadaocheng", "Đại Đạo Trình", District.DATONG),
    ("永康", "Yongkang", "Vĩnh Khang", District.DAAN),
    ("士林", "Shilin", "Sĩ Lâm", District.SHILIN),
    ("北投", "Beitou", "Bắc Đầu", District.BEITOU),
    ("信義", "Xinyi", "Tín Nghĩa", District.XINYI),
    ("南港", "Nangang", "Nam Cảng", District.NANGANG),
    ("內湖", "Neihu", "Nội Hồ", District.NEIHU),
    ("木柵", "Muzha", "Mộc Sách", District.WENSHAN),
    ("松山", "Songshan", "Tùng Sơn", District.SONGSHAN),
    ("萬華", "Wanhua", "Vạn Hoa", District.WANHUA),
]
HALAL_ISSUERS = [("JAKIM", [Market.MALAYSIA]), ("BPJPH", [Market.INDONESIA]), ("CICOT", [Market.THAILAND])]
COLLECTIONS = [
    (
        "pineapple-cakes",
        (
            "台北伴手禮",
            "Taipei gifts",
            "ของฝากจากไทเป",
            "Buah tangan dari Taipei",
            "Oleh-oleh khas Taipei",
            "Quà đặc sản Đài Bắc",
        ),
        "bakery",
    ),
    (
        "halal-snacks",
        (
            "清真認證零食",
            "Halal-certified snacks",
            "ขนมฮาลาล",
            "Snek bersijil halal",
            "Camilan bersertifikat halal",
            "Đồ ăn vặt có chứng nhận halal",
        ),
        "snacks",
    ),
    ("taiwan-tea", ("台灣好茶", "Taiwan tea", "ชาไต้หวัน", "Teh Taiwan", "Teh Taiwan", "Trà Đài Loan"), "tea"),
]


def demo_ubn(n: int) -> str:
    """A checksum-valid 統一編號: seven digits from ``n`` and the check digit that makes the sum divisible by 5."""
    head = f"{(UBN_BASE + n) % 10**7:07d}"
    products = (int(digit) * weight for digit, weight in zip(head, WEIGHTS[:7], strict=True))
    total = sum(product // 10 + product % 10 for product in products)
    return head + str((-total) % 5)


def _columns(field, texts):
    """``{"name_zh_hant": ..., "name_en": ..., ...}`` from texts in the portal's language order."""
    return dict(zip(language_columns(field), texts, strict=True))


def _fill_blanks(instance, values):
    """Sets those of ``values`` whose column is empty on ``instance``; returns the names of the columns set."""
    filled = [name for name, value in values.items() if value and not getattr(instance, name)]
    for name in filled:
        setattr(instance, name, values[name])
    return filled


def _get_or_fill(model, lookup, values, defaults=None):
    """``get_or_create`` that also fills the empty ``values`` columns of an existing row; (row, completed)."""
    instance, created = model.objects.get_or_create(**lookup, defaults={**(defaults or {}), **values})
    if created:
        return instance, False
    filled = _fill_blanks(instance, values)
    if filled:
        instance.save(update_fields=filled)
    return instance, bool(filled)


def _categories(stdout):
    by_path, completed = {}, 0
    for path, names in CATEGORIES:
        parent_path, _sep, slug = path.rpartition("/")
        by_path[path], was_completed = _get_or_fill(
            ProductCategory,
            {"path": path},
            _columns("name", names),
            defaults={"slug": slug, "parent": by_path.get(parent_path)},
        )
        completed += was_completed
    stdout.write(f"  {len(by_path)} categories")
    if completed:
        stdout.write(f"  {completed} categories completed in new languages")
    return by_path


OLD_TILE_PREFIX = "Demo tile "


def _images(stdout):
    """One picture per product family, by theme: ``pictures[theme][family index]``."""
    Image = get_image_model()
    pictures, created = {}, 0
    for theme, looks in demo_pictures.LOOKS.items():
        pictures[theme] = []
        for index, look in enumerate(looks):
            title = f"Demo product {theme} {index + 1}"
            image = Image.objects.filter(title=title).first()
            if image is None:
                image = Image(title=title)
                image.file = ImageFile(demo_pictures.jpeg(look), name=f"demo-{theme}-{index + 1}.jpg")
                image.save()
                created += 1
            pictures[theme].append(image)
    stdout.write(f"  {sum(len(p) for p in pictures.values())} product pictures ({created} drawn)")
    _replace_old_tiles(pictures, stdout)
    return pictures


def _replace_old_tiles(pictures, stdout):
    """Product images of an older demo (coloured tiles) moved to their family's picture; the tiles deleted."""
    Image = get_image_model()
    tiles = Image.objects.filter(title__startswith=OLD_TILE_PREFIX)
    if not tiles.exists():
        return
    moved = []
    for item in ProductImage.objects.filter(image__in=tiles).select_related("product", "image"):
        theme = item.image.title.removeprefix(OLD_TILE_PREFIX).rsplit(" ", 1)[0]
        family = int(item.product.sku.rsplit("-", 1)[1]) % len(pictures[theme])
        item.image = pictures[theme][family]
        moved.append(item)
    ProductImage.objects.bulk_update(moved, ["image"], batch_size=500)
    deleted = 0
    for tile in tiles:
        tile.delete()
        deleted += 1
    stdout.write(f"  {len(moved)} product images moved from {deleted} old tiles to pictures")


def _suppliers(stdout):
    now = timezone.now()
    themes = list(THEMES)
    suppliers, completed = [], 0
    for n in range(SUPPLIERS):
        theme = themes[n % len(themes)]
        details = THEMES[theme]
        place_zh, place_en, place_vi, district = PLACES[(n // len(themes)) % len(PLACES)]
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
        story = {"zh": place_zh, "en": place_en, "vi": place_vi, "trade": details["zh"]}
        _profile, was_completed = _get_or_fill(
            SupplierProfile,
            {"company": company},
            {column("story", code): STORIES[code].format(**story) for code in LANGUAGE_SUFFIXES},
            defaults={
                "year_founded": 1950 + (n * 7) % 70,
                "export_markets": [Market.THAILAND, Market.MALAYSIA] if n % 2 else [Market.THAILAND],
                "languages_spoken": ["zh-hant", "en", "th"] if n % 3 == 0 else ["zh-hant", "en"],
            },
        )
        completed += was_completed
        suppliers.append((n, theme, company))
    stdout.write(f"  {len(suppliers)} verified suppliers with profiles")
    if completed:
        stdout.write(f"  {completed} supplier stories completed in new languages")
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


def _sku(n, theme, k):
    return f"{theme[:3].upper()}-{n:02d}-{k:02d}"


def _product_texts(n, theme, company, k):
    """The name and description columns of the ``k``-th product of supplier ``n``, in all six languages."""
    families = THEMES[theme]["families"]
    names = families[k % len(families)][0]
    variant = VARIANTS[k // len(families) % len(VARIANTS)]
    texts = {}
    for code, name, suffix in zip(LANGUAGE_SUFFIXES, names, variant, strict=True):
        description = DESCRIPTIONS[code].format(name=name, company_zh=company.name_zh, company_en=company.name_en)
        texts[column("name", code)] = f"{name}{suffix}"
        texts[column("description", code)] = description
    return texts


def _new_products(suppliers, categories, today):
    """Unsaved products (with their certificates) that the database does not have yet."""
    existing = set(Product.objects.values_list("company_id", "sku"))
    rng = random.Random(5)
    new = []
    for n, theme, company in suppliers:
        certificates = _certificates(n, theme, company, today)
        families = THEMES[theme]["families"]
        for k in range(PRODUCTS_PER_SUPPLIER):
            sku = _sku(n, theme, k)
            if (company.pk, sku) in existing:
                continue
            _names, path, hs_code, unit, price, shelf_life = families[k % len(families)]
            moq = rng.choice([10, 20, 50, 100])
            product = Product(
                company=company,
                sku=sku,
                **_product_texts(n, theme, company, k),
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


def _products(suppliers, categories, pictures, stdout):
    now = timezone.now()
    _complete_products(suppliers, now, stdout)
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
                product=product,
                image=pictures[theme][k % len(pictures[theme])],
                alt_text=product.name_en,
                sort_order=0,
            )
        )
        links += [Product.certificates.through(product=product, certificate=c) for c in certificates]
    PriceTier.objects.bulk_create(tiers, batch_size=500)
    ProductImage.objects.bulk_create(images, batch_size=500)
    Product.certificates.through.objects.bulk_create(links, batch_size=500)
    stdout.write(f"  {len(tiers)} price tiers, {len(images)} images, {len(links)} certificate links")
    _revisions([product.pk for product, *_rest in new], now)
    stdout.write("  one published revision per product")


def _complete_products(suppliers, now, stdout):
    """Existing demo products with an empty text column the demo now writes get it, published.

    Only live products without unpublished changes are completed, as row plus new live revision (the fast path
    of ``_products``); one with a draft or a review in progress is left to its editor.
    """
    blank = Q()
    for field in ("name", "description"):
        for name in language_columns(field):
            blank |= Q(**{name: ""})
    candidates = Product.objects.filter(blank, company__in=[company for _n, _theme, company in suppliers])
    if not candidates.exists():
        return
    expected = {
        (company.pk, _sku(n, theme, k)): _product_texts(n, theme, company, k)
        for n, theme, company in suppliers
        for k in range(PRODUCTS_PER_SUPPLIER)
    }
    completed, columns, left = [], set(), 0
    for product in candidates:
        texts = expected.get((product.company_id, product.sku))
        filled = _fill_blanks(product, texts) if texts else []
        if not filled:
            continue
        if not product.live or product.has_unpublished_changes:
            left += 1
            continue
        product.last_published_at = now
        product.updated_at = now
        completed.append(product)
        columns.update(filled)
    if completed:
        Product.objects.bulk_update(completed, sorted(columns) + ["last_published_at", "updated_at"], batch_size=200)
        _revisions([product.pk for product in completed], now)
        stdout.write(f"  {len(completed)} existing products completed in new languages, each with a live revision")
    if left:
        stdout.write(f"  {left} products with a draft or review in progress left as they are")


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
    completed = 0
    for slug, titles, theme in COLLECTIONS:
        collection, was_completed = _get_or_fill(Collection, {"slug": slug}, _columns("title", titles))
        completed += was_completed
        if collection.items.exists():
            continue
        prefix = f"{theme[:3].upper()}-"
        products = Product.objects.public().filter(sku__startswith=prefix).order_by("sku")[:12]
        CollectionItem.objects.bulk_create(
            [CollectionItem(collection=collection, product=p, sort_order=i) for i, p in enumerate(products)]
        )
    stdout.write(f"  {len(COLLECTIONS)} collections")
    if completed:
        stdout.write(f"  {completed} collections completed in new languages")


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
    pictures = _images(stdout)
    suppliers = _suppliers(stdout)
    _products(suppliers, categories, pictures, stdout)
    _collections(stdout)
    _demo_member(suppliers, stdout)
