"""Products for the search tests: public products (live, verified supplier) and a fixed multilingual catalogue."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from catalog.showcase.models import Certificate, CertificateType, Product, ProductCategory

from .companies import CompanyFactory


class VerifiedCompanyFactory(CompanyFactory):
    verified_at = factory.LazyFunction(timezone.now)


def category(path, name_zh_hant, name_en, **names):
    """The category at `path` (creating its parents with the slug as name)."""
    parent = None
    parts = path.split("/")
    for depth, slug in enumerate(parts):
        current = "/".join(parts[: depth + 1])
        last = depth == len(parts) - 1
        parent, _ = ProductCategory.objects.get_or_create(
            path=current,
            defaults={
                "parent": parent,
                "slug": slug,
                "name_zh_hant": name_zh_hant if last else slug,
                "name_en": name_en if last else slug,
                **(names if last else {}),
            },
        )
    return parent


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    company = factory.SubFactory(VerifiedCompanyFactory)
    certificate_type = CertificateType.HALAL
    issuer = "JAKIM"
    number = factory.Sequence(lambda n: f"CERT-{n:05d}")
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))


class PublicProductFactory(factory.django.DjangoModelFactory):
    """A live product of a verified company (what buyers may see)."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    company = factory.SubFactory(VerifiedCompanyFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    name_zh_hant = factory.Sequence(lambda n: f"測試商品{n}")
    name_en = factory.Sequence(lambda n: f"Test product {n}")
    description_zh_hant = "台北製造的好產品。"
    description_en = "A good product made in Taipei."
    category = factory.LazyFunction(lambda: category("food-beverage/snacks", "零食", "Snacks"))
    price_twd = Decimal("300")
    moq = 10
    hs_code = "190590"
    ships_to = factory.LazyFunction(lambda: ["TH", "MY"])
    live = True

    @factory.post_generation
    def certificate_types(self, create, extracted, **kwargs):
        for certificate_type in extracted or ():
            self.certificates.add(CertificateFactory(company=self.company, certificate_type=certificate_type))
        if create and extracted:
            self.save()  # a ParentalManyToManyField: the certificates are written on save


# A fixed catalogue for behaviour and relevance tests: sku → fields. Names are what the demo data holds.
CATALOGUE = {
    "PC-01": {
        "name_zh_hant": "鳳梨酥禮盒",
        "name_en": "Pineapple cake gift box",
        "name_th": "ขนมพายสับปะรด กล่องของขวัญ",
        "name_ms": "Kotak hadiah kek nanas",
        "description_zh_hant": "土鳳梨內餡，奶油酥皮，每盒十二入。",
        "description_en": "Native pineapple filling in a buttery crust, twelve pieces per box.",
        "category_path": ("food-beverage/pastries", "糕餅", "Pastries"),
        "price_twd": Decimal("450"),
        "moq": 50,
        "ships_to": ["TH", "MY", "SG"],
        "certificate_types": ["HALAL", "MIT"],
        "sample_available": True,
        "district": "xinyi",
    },
    "PC-02": {
        "name_zh_hant": "鹹蛋黃鳳梨酥",
        "name_en": "Salted egg yolk pineapple cake",
        "name_th": "พายสับปะรดไข่เค็ม",
        "description_zh_hant": "鹹香蛋黃搭配鳳梨餡。",
        "description_en": "Salted egg yolk with pineapple jam.",
        "category_path": ("food-beverage/pastries", "糕餅", "Pastries"),
        "price_twd": Decimal("520"),
        "moq": 100,
        "ships_to": ["TH", "HK"],
        "certificate_types": ["MIT"],
        "district": "daan",
    },
    "TEA-01": {
        "name_zh_hant": "阿里山高山烏龍茶",
        "name_en": "Alishan high mountain oolong tea",
        "name_th": "ชาอูหลงอาลีซาน",
        "name_ms": "Teh oolong gunung Alishan",
        "description_zh_hant": "手採茶葉，清香回甘。",
        "description_en": "Hand-picked leaves with a floral, sweet finish.",
        "category_path": ("food-beverage/tea", "茶葉", "Tea"),
        "price_twd": Decimal("1200"),
        "moq": 20,
        "ships_to": ["TH", "MY", "VN"],
        "certificate_types": ["ORGANIC"],
        "district": "wenshan",
    },
    "TEA-02": {
        "name_zh_hant": "珍珠奶茶沖泡包",
        "name_en": "Bubble milk tea kit",
        "name_th": "ชานมไข่มุกสำเร็จรูป",
        "name_ms": "Kit teh susu mutiara",
        "description_zh_hant": "黑糖珍珠與紅茶粉，三分鐘上桌。",
        "description_en": "Brown sugar tapioca pearls and black tea powder, ready in three minutes.",
        "category_path": ("food-beverage/tea", "茶葉", "Tea"),
        "price_twd": Decimal("280"),
        "moq": 200,
        "ships_to": ["TH", "MY", "ID", "PH"],
        "certificate_types": ["HALAL"],
        "sample_available": True,
        "district": "zhongshan",
    },
    "SAUCE-01": {
        "name_zh_hant": "沙茶醬",
        "name_en": "Shacha barbecue sauce",
        "name_th": "ซอสซาแต๊ะไต้หวัน",
        "name_ms": "Sos sate Taiwan",
        "description_zh_hant": "扁魚與蝦米熬製的經典醬料。",
        "description_en": "Classic sauce slow-cooked with dried fish and shrimp.",
        "category_path": ("food-beverage/sauces", "醬料", "Sauces"),
        "price_twd": Decimal("150"),
        "moq": 120,
        "ships_to": ["MY", "SG"],
        "certificate_types": ["HACCP"],
        "district": "datong",
    },
    "SAUCE-02": {
        "name_zh_hant": "清真辣椒醬",
        "name_en": "Halal chili sauce",
        "name_th": "ซอสพริกฮาลาล",
        "name_ms": "Sos cili halal",
        "description_zh_hant": "朝天椒與蒜頭，無豬肉成分。",
        "description_en": "Bird's eye chili and garlic, no pork ingredients.",
        "category_path": ("food-beverage/sauces", "醬料", "Sauces"),
        "price_twd": Decimal("90"),
        "moq": 240,
        "ships_to": ["MY", "ID", "BN"],
        "certificate_types": ["HALAL"],
        "district": "datong",
    },
    "SKIN-01": {
        "name_zh_hant": "玻尿酸保濕面膜",
        "name_en": "Hyaluronic acid moisturising face mask",
        "name_th": "มาสก์หน้าไฮยาลูรอนิก",
        "name_ms": "Topeng muka pelembap asid hialuronik",
        "description_zh_hant": "高保濕精華，敏感肌適用。",
        "description_en": "Deeply moisturising essence for sensitive skin.",
        "category_path": ("beauty/skincare", "保養品", "Skincare"),
        "price_twd": Decimal("600"),
        "moq": 100,
        "ships_to": ["TH", "VN", "MY"],
        "certificate_types": ["FDA"],
        "sample_available": True,
        "district": "neihu",
    },
    "SKIN-02": {
        "name_zh_hant": "茶樹精油潔面乳",
        "name_en": "Tea tree facial cleanser",
        "name_th": "โฟมล้างหน้าทีทรี",
        "name_ms": "Pencuci muka pokok teh",
        "description_zh_hant": "溫和潔淨，控油清爽。",
        "description_en": "Gentle cleansing with oil control.",
        "category_path": ("beauty/skincare", "保養品", "Skincare"),
        "price_twd": Decimal("380"),
        "moq": 60,
        "ships_to": ["TH", "ID"],
        "certificate_types": [],
        "district": "neihu",
    },
    "STAT-01": {
        "name_zh_hant": "手工皮革筆記本",
        "name_en": "Handmade leather notebook",
        "name_th": "สมุดโน้ตหนังทำมือ",
        "name_ms": "Buku nota kulit buatan tangan",
        "description_zh_hant": "植鞣牛皮封面，可替換內頁。",
        "description_en": "Vegetable-tanned leather cover with refillable pages.",
        "category_path": ("stationery/notebooks", "筆記本", "Notebooks"),
        "price_twd": Decimal("850"),
        "moq": 30,
        "ships_to": ["SG", "JP", "US"],
        "certificate_types": ["MIT"],
        "district": "wanhua",
    },
    "STAT-02": {
        "name_zh_hant": "台灣檜木鋼筆",
        "name_en": "Taiwan cypress fountain pen",
        "name_th": "ปากกาหมึกซึมไม้สนไต้หวัน",
        "name_ms": "Pen mata air kayu cemara Taiwan",
        "description_zh_hant": "檜木筆身，德製筆尖。",
        "description_en": "Cypress wood barrel with a German nib.",
        "category_path": ("stationery/pens", "筆", "Pens"),
        "price_twd": Decimal("2400"),
        "moq": 10,
        "ships_to": ["JP", "US", "SG"],
        "certificate_types": ["MIT"],
        "sample_available": True,
        "district": "wanhua",
    },
    "BIKE-01": {
        "name_zh_hant": "碳纖維自行車車架",
        "name_en": "Carbon fibre bicycle frame",
        "name_th": "เฟรมจักรยานคาร์บอนไฟเบอร์",
        "name_ms": "Rangka basikal gentian karbon",
        "description_zh_hant": "輕量化公路車車架，重量僅九百公克。",
        "description_en": "Lightweight road bike frame weighing only 900 grams.",
        "category_path": ("sports/bicycle-parts", "自行車零件", "Bicycle parts"),
        "price_twd": Decimal("18000"),
        "moq": 5,
        "ships_to": ["TH", "MY", "AU"],
        "certificate_types": ["ISO22000"],
        "district": "nangang",
    },
    "BIKE-02": {
        "name_zh_hant": "自行車碟煞來令片",
        "name_en": "Bicycle disc brake pads",
        "name_th": "ผ้าเบรกดิสก์จักรยาน",
        "name_ms": "Pad brek cakera basikal",
        "description_zh_hant": "金屬燒結，耐熱耐磨。",
        "description_en": "Sintered metal pads, heat and wear resistant.",
        "category_path": ("sports/bicycle-parts", "自行車零件", "Bicycle parts"),
        "price_twd": Decimal("220"),
        "moq": 500,
        "ships_to": ["TH", "VN", "ID"],
        "certificate_types": [],
        "district": "nangang",
    },
    "SNACK-01": {
        "name_zh_hant": "清真芒果乾",
        "name_en": "Halal dried mango",
        "name_th": "มะม่วงอบแห้งฮาลาล",
        "name_ms": "Mangga kering halal",
        "description_zh_hant": "屏東愛文芒果，無添加糖。",
        "description_en": "Pingtung Irwin mangoes with no added sugar.",
        "category_path": ("food-beverage/snacks", "零食", "Snacks"),
        "price_twd": Decimal("180"),
        "moq": 300,
        "ships_to": ["MY", "ID", "BN", "SG"],
        "certificate_types": ["HALAL"],
        "sample_available": True,
        "district": "songshan",
    },
    "SNACK-02": {
        "name_zh_hant": "牛軋糖",
        "name_en": "Nougat candy with almonds",
        "name_th": "ตังเมไต้หวัน",
        "name_ms": "Gula-gula nougat badam",
        "description_zh_hant": "杏仁與奶粉，口感Q軟。",
        "description_en": "Almonds and milk powder, soft and chewy.",
        "category_path": ("food-beverage/snacks", "零食", "Snacks"),
        "price_twd": Decimal("320"),
        "moq": 100,
        "ships_to": ["TH", "HK", "SG"],
        "certificate_types": ["MIT"],
        "district": "zhongzheng",
    },
}


def build_catalogue():
    """The fixed catalogue: {sku: product}, each from its own verified supplier in the given district."""
    products = {}
    for index, (sku, fields) in enumerate(CATALOGUE.items()):
        fields = dict(fields)
        path, name_zh, name_en = fields.pop("category_path")
        company = VerifiedCompanyFactory(
            district=fields.pop("district"), name_zh=f"供應商{index}", name_en=f"Supplier {index}"
        )
        products[sku] = PublicProductFactory(
            sku=sku,
            company=company,
            category=category(path, name_zh, name_en),
            description_th=fields.get("name_th", ""),
            **fields,
        )
    return products
