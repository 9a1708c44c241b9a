"""Demo content of the one-stop solution catalog, in Traditional Chinese and English.

``seed(stdout=...)`` is idempotent: providers are found by a stable translation key and locale, pages by
slug under the home page of each language; existing objects are left as editors left them. Providers are
drawn from the city's 2018 press release (``shared/seeds/000_7467a158faa22e57.txt``): the alliance's three
platforms (Amazon, Alibaba, eBay), PChome Thai's "Taipei Good Products", Sea (Shopee), the bureau and the
alliance universities; the logistics, payment and halal-certification providers are invented for the demo.
"""

import datetime
import uuid

from django.db import transaction
from wagtail.models import Locale

from portal.home.demo import add_menu_item, ensure_child, ensure_translation, find_home
from portal.markets import ASEAN, Market

from .models import Need, Provider, SolutionCategoryPage, SolutionIndexPage, SolutionPage

KEY_NAMESPACE = uuid.UUID("0b8e8f4e-6a57-4a8e-9d0e-3f6c1c2d7a41")
DEFAULT = "zh-hant"
ENGLISH = "en"
INDEX_SLUG = "solutions"
VERIFIED_ON = datetime.date(2026, 9, 1)

INDEX = {
    DEFAULT: {
        "title": "一站式解決方案",
        "intro": "<p>產業局嚴選的跨境電商服務：平台開店、物流、金流、行銷、法規認證、融資補助與培訓。"
        "選擇目標市場與需求，找到適合的服務，並請我們為您引介。</p>",
    },
    ENGLISH: {
        "title": "One-stop solutions",
        "intro": "<p>Cross-border services vetted by the bureau: marketplaces, logistics, payments, marketing, "
        "compliance, financing and training. Pick your market and need, then ask us for an introduction.</p>",
    },
}

CATEGORIES = [
    (Need.MARKETPLACE, "marketplaces", "電商平台開店", "Marketplace onboarding"),
    (Need.LOGISTICS, "logistics", "跨境物流與倉儲", "Cross-border logistics and fulfilment"),
    (Need.PAYMENTS, "payments", "金流與匯兌", "Payments and FX"),
    (Need.MARKETING, "marketing", "行銷與在地化", "Marketing and localisation"),
    (Need.COMPLIANCE, "compliance", "法規與認證", "Compliance and certification"),
    (Need.FINANCING, "financing", "融資與補助", "Financing and subsidies"),
    (Need.TRAINING, "training", "人才培訓", "Training"),
]

# key, zh name, en name, website, markets, zh description, en description
PROVIDERS = [
    (
        "amazon",
        "Amazon 全球開店",
        "Amazon Global Selling",
        "https://sell.amazon.com/global-selling",
        [Market.UNITED_STATES, Market.JAPAN, Market.SINGAPORE, Market.AUSTRALIA],
        "跨境電商產學合作聯盟的三大國際平台之一。",
        "One of the three international platforms of the industry–academia alliance.",
    ),
    (
        "alibaba",
        "Alibaba.com",
        "Alibaba.com",
        "https://www.alibaba.com",
        [*ASEAN, Market.INDIA],
        "B2B 跨境貿易平台，聯盟合作夥伴。",
        "B2B cross-border trade platform and alliance partner.",
    ),
    (
        "ebay",
        "eBay",
        "eBay",
        "https://www.ebay.com",
        [Market.UNITED_STATES, Market.AUSTRALIA, Market.EUROPEAN_UNION],
        "聯盟合作的國際拍賣與零售平台。",
        "International marketplace working with the alliance.",
    ),
    (
        "pchome-thai",
        "PChome Thai",
        "PChome Thai",
        "https://www.pchome.co.th",
        [Market.THAILAND],
        "與臺北市合作成立「台北好物館」優質商品專區。",
        "Runs the “Taipei Good Products” storefront with the city.",
    ),
    (
        "shopee",
        "Sea 集團（蝦皮購物）",
        "Sea Group (Shopee)",
        "https://shopee.tw",
        [Market.THAILAND, Market.MALAYSIA, Market.INDONESIA, Market.VIETNAM, Market.PHILIPPINES, Market.SINGAPORE],
        "東南亞電商與數位支付集團。",
        "Southeast Asian e-commerce and digital payments group.",
    ),
    (
        "logistics",
        "台北跨境物流（示範）",
        "Taipei Cross-Border Logistics (demo)",
        "",
        [*ASEAN],
        "示範用物流業者：小包直送、海外倉與報關。",
        "Demo logistics provider: parcels, overseas warehouses and customs clearance.",
    ),
    (
        "payments",
        "新南向金流服務（示範）",
        "New Southbound Payments (demo)",
        "",
        [Market.THAILAND, Market.MALAYSIA, Market.INDONESIA, Market.VIETNAM, Market.SINGAPORE],
        "示範用金流業者：多幣別收款與結匯。",
        "Demo payment provider: multi-currency collection and conversion.",
    ),
    (
        "halal",
        "清真認證輔導中心（示範）",
        "Halal Certification Advisory (demo)",
        "",
        [Market.MALAYSIA, Market.INDONESIA, Market.THAILAND, Market.BRUNEI],
        "示範用認證顧問：JAKIM、BPJPH、CICOT 清真認證與標示。",
        "Demo compliance adviser: JAKIM, BPJPH and CICOT halal certification and labelling.",
    ),
    (
        "bureau",
        "臺北市政府產業發展局",
        "Taipei City Department of Economic Development",
        "https://www.doed.gov.taipei",
        [*ASEAN, Market.UNITED_STATES, Market.JAPAN],
        "推動四年跨境電商計畫，提供輔導、補助與培訓。",
        "Runs the four-year cross-border e-commerce plan: coaching, subsidies and training.",
    ),
]

ZH_HOW = "<p>在本頁提出引介申請，產業局人員會確認需求並將您介紹給服務商，服務商將直接與您聯繫。</p>"
EN_HOW = (
    "<p>Ask for an introduction on this page; bureau staff check your need and introduce you to the provider, "
    "who then contacts you directly.</p>"
)
ZH_ELIGIBILITY = "<p>設籍臺北市、已於本平台登記的中小企業。</p>"
EN_ELIGIBILITY = "<p>Small and medium-sized companies registered in Taipei and on this portal.</p>"

# slug, category need, provider key, markets, free, zh (title, summary, price), en (title, summary, price)
OFFERINGS = [
    (
        "amazon-onboarding",
        Need.MARKETPLACE,
        "amazon",
        [Market.UNITED_STATES, Market.JAPAN, Market.SINGAPORE],
        True,
        ("Amazon 開店輔導", "從帳號註冊、商品上架到 FBA 入倉的陪跑輔導。", "受輔導企業免費"),
        (
            "Amazon store set-up",
            "Hands-on help from account registration and listings to FBA inbound.",
            "Free for coached companies",
        ),
    ),
    (
        "alibaba-b2b-store",
        Need.MARKETPLACE,
        "alibaba",
        [*ASEAN, Market.INDIA],
        False,
        ("Alibaba.com B2B 商鋪", "建立 B2B 商鋪，接觸東南亞與南亞買主。", "年費約 NT$60,000 起"),
        ("Alibaba.com B2B storefront", "Open a B2B store and meet buyers in ASEAN and India.", "From NT$60,000 a year"),
    ),
    (
        "ebay-seller-programme",
        Need.MARKETPLACE,
        "ebay",
        [Market.UNITED_STATES, Market.AUSTRALIA, Market.EUROPEAN_UNION],
        True,
        ("eBay 跨境賣家計畫", "新賣家帳號開通、刊登優化與物流方案。", "受輔導企業免費"),
        ("eBay cross-border seller programme", "New seller accounts, listing tips and shipping options.", "Free"),
    ),
    (
        "taipei-good-products",
        Need.MARKETPLACE,
        "pchome-thai",
        [Market.THAILAND],
        True,
        ("台北好物館（PChome Thai）", "進駐 PChome Thai 台北好物館專區，整體行銷推廣。", "受輔導企業補助上架"),
        (
            "Taipei Good Products on PChome Thai",
            "List in the Taipei Good Products storefront on PChome Thai, with joint promotion.",
            "Listing subsidised for coached companies",
        ),
    ),
    (
        "shopee-onboarding",
        Need.MARKETPLACE,
        "shopee",
        [Market.THAILAND, Market.MALAYSIA, Market.VIETNAM, Market.PHILIPPINES, Market.SINGAPORE],
        False,
        ("蝦皮跨境開店", "一次開通東南亞多站點，含翻譯與集運。", "依成交抽成"),
        ("Shopee cross-border store", "Open several Southeast Asian sites at once.", "Commission on sales"),
    ),
    (
        "asean-parcels",
        Need.LOGISTICS,
        "logistics",
        [Market.THAILAND, Market.MALAYSIA, Market.SINGAPORE, Market.VIETNAM],
        True,
        ("東南亞小包直送", "臺北出貨、三到七天送達，含報關。", "每件約 NT$150 起，受輔導企業補助"),
        (
            "Parcels to Southeast Asia",
            "Ship from Taipei, delivered in three to seven days, customs included.",
            "From NT$150 a parcel, subsidised for coached companies",
        ),
    ),
    (
        "thai-fulfilment",
        Need.LOGISTICS,
        "logistics",
        [Market.THAILAND],
        False,
        ("泰國海外倉", "曼谷倉儲、揀貨與退貨處理。", "每月 NT$8,000 起"),
        ("Fulfilment in Thailand", "Bangkok warehousing, picking and returns.", "From NT$8,000 a month"),
    ),
    (
        "multi-currency-collection",
        Need.PAYMENTS,
        "payments",
        [Market.THAILAND, Market.MALAYSIA, Market.INDONESIA, Market.VIETNAM, Market.SINGAPORE],
        False,
        ("多幣別收款與結匯", "平台款項收款、換匯與入帳臺灣帳戶。", "手續費 0.5%–1%"),
        (
            "Multi-currency collection and FX",
            "Collect marketplace payouts, convert and bring them home.",
            "0.5–1% fee",
        ),
    ),
    (
        "thai-malay-localisation",
        Need.MARKETING,
        "pchome-thai",
        [Market.THAILAND, Market.MALAYSIA],
        True,
        ("泰文與馬來文商品在地化", "商品文案翻譯、圖片與關鍵字在地化。", "受輔導企業補助"),
        (
            "Thai and Malay product localisation",
            "Translated copy, pictures and keywords that fit the market.",
            "Subsidised for coached companies",
        ),
    ),
    (
        "marketplace-ads-starter",
        Need.MARKETING,
        "shopee",
        [Market.THAILAND, Market.MALAYSIA, Market.INDONESIA, Market.VIETNAM, Market.PHILIPPINES],
        False,
        ("平台廣告入門包", "首月關鍵字廣告設定與成效報告。", "NT$20,000 起"),
        ("Marketplace ads starter pack", "First month of keyword ads with a results report.", "From NT$20,000"),
    ),
    (
        "halal-certification",
        Need.COMPLIANCE,
        "halal",
        [Market.MALAYSIA, Market.INDONESIA, Market.THAILAND, Market.BRUNEI],
        True,
        ("清真認證申請輔導", "JAKIM、BPJPH、CICOT 認證文件準備與工廠稽核陪同。", "受輔導企業補助 50%"),
        (
            "Halal certification support",
            "Documents and audit support for JAKIM, BPJPH and CICOT certificates.",
            "50% subsidised for coached companies",
        ),
    ),
    (
        "labelling-fda-check",
        Need.COMPLIANCE,
        "halal",
        [Market.UNITED_STATES, Market.THAILAND, Market.MALAYSIA],
        False,
        ("標示與 FDA 登記檢核", "食品標示、成分與 FDA／Thai FDA 登記檢核。", "每件 NT$5,000 起"),
        (
            "Labelling and FDA registration check",
            "Food labels, ingredients and FDA / Thai FDA registration checked.",
            "From NT$5,000 per product",
        ),
    ),
    (
        "industrial-development-subsidy",
        Need.FINANCING,
        "bureau",
        [*ASEAN, Market.UNITED_STATES, Market.JAPAN],
        True,
        ("產業發展獎勵補助", "跨境電商拓銷費用補助與優惠貸款說明。", "免費"),
        ("Industrial development subsidies", "Subsidies for cross-border sales costs and loan advice.", "Free"),
    ),
    (
        "alliance-talent-programme",
        Need.TRAINING,
        "bureau",
        [*ASEAN],
        True,
        ("產學聯盟實戰人才培訓", "五所大學與三大平台合作，學生團隊進駐企業實戰。", "免費"),
        (
            "Alliance talent programme",
            "Five universities and three platforms send student teams to work with companies.",
            "Free",
        ),
    ),
    (
        "amazon-seller-bootcamp",
        Need.TRAINING,
        "amazon",
        [Market.UNITED_STATES, Market.JAPAN],
        True,
        ("Amazon 賣家訓練營", "兩天課程：選品、廣告與客服。", "受輔導企業免費"),
        (
            "Amazon seller bootcamp",
            "Two days on product choice, ads and customer service.",
            "Free for coached companies",
        ),
    ),
]


def stable_key(name):
    return uuid.uuid5(KEY_NAMESPACE, name)


def ensure_providers(locales, *, stdout):
    providers = {}
    created_count = 0
    for key, name_zh, name_en, website, markets, description_zh, description_en in PROVIDERS:
        for lang, name, description in ((DEFAULT, name_zh, description_zh), (ENGLISH, name_en, description_en)):
            if lang not in locales:
                continue
            providers[key, lang], created = Provider.objects.get_or_create(
                translation_key=stable_key(f"provider:{key}"),
                locale=locales[lang],
                defaults={
                    "name": name,
                    "website": website,
                    "markets": list(markets),
                    "description": description,
                    "verified_at": VERIFIED_ON,
                    "contact_email": f"{key}@providers.example.com",
                },
            )
            created_count += created
    if created_count:
        stdout.write(f"  {created_count} providers created")
    return providers


def offering_fields(offering, lang, providers):
    slug, _need, provider_key, markets, free, zh, en = offering
    title, summary, price = zh if lang == DEFAULT else en
    return {
        "title": title,
        "summary": summary,
        "includes": f"<p>{summary}</p>",
        "provider": providers[provider_key, lang],
        "markets": list(markets),
        "languages": "中文、English" if lang == DEFAULT else "Chinese, English",
        "price_range": price,
        "free_for_coached": free,
        "eligibility": ZH_ELIGIBILITY if lang == DEFAULT else EN_ELIGIBILITY,
        "how_it_works": ZH_HOW if lang == DEFAULT else EN_HOW,
    }


@transaction.atomic
def seed(*, stdout):
    """Providers, the catalog index, its seven categories and fifteen offerings, in zh-hant and en."""
    default_locale = Locale.objects.filter(language_code=DEFAULT).first()
    home = find_home(default_locale) if default_locale else None
    if home is None:
        stdout.write("  no zh-hant home page yet: solution catalog skipped (seed the home pages first)")
        return
    english = Locale.objects.filter(language_code=ENGLISH).first()
    home_en = home.get_translation_or_none(english) if english else None
    locales = {DEFAULT: default_locale, **({ENGLISH: english} if home_en else {})}
    providers = ensure_providers(locales, stdout=stdout)

    index = ensure_child(home, SolutionIndexPage, INDEX_SLUG, dict(INDEX[DEFAULT]), stdout=stdout)
    add_menu_item(index, INDEX[DEFAULT]["title"], stdout=stdout)
    categories = {}
    for need, slug, title_zh, _title_en in CATEGORIES:
        categories[need] = ensure_child(
            index, SolutionCategoryPage, slug, {"title": title_zh, "need": need}, stdout=stdout
        )
    offerings = {}
    for offering in OFFERINGS:
        slug, need = offering[0], offering[1]
        fields = offering_fields(offering, DEFAULT, providers)
        offerings[slug] = ensure_child(categories[need], SolutionPage, slug, fields, stdout=stdout)

    if home_en is None:
        stdout.write("  no English home page: English catalog skipped")
        return
    ensure_translation(index, english, dict(INDEX[ENGLISH]), stdout=stdout)
    add_menu_item(index.get_translation(english), INDEX[ENGLISH]["title"], stdout=stdout)
    for need, _slug, _title_zh, title_en in CATEGORIES:
        ensure_translation(categories[need], english, {"title": title_en}, stdout=stdout)
    for offering in OFFERINGS:
        fields = offering_fields(offering, ENGLISH, providers)
        ensure_translation(offerings[offering[0]], english, fields, stdout=stdout)
