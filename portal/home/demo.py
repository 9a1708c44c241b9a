"""Demo content of the public site, in Traditional Chinese and English.

``seed(stdout=...)`` is idempotent: every object has a stable key (a translation key derived from a name,
or the locale for one-per-language snippets), existing objects are left as editors left them, and a
second run creates nothing. The texts come from the city's 2018 press release about the cross-border
e-commerce plan (``shared/seeds/000_7467a158faa22e57.txt``); article dates are demo dates.
"""

import datetime
import io
import uuid

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from portal.home.models import (
    AlliancePage,
    FooterContent,
    FooterLink,
    HomePage,
    NavigationMenu,
    NavigationMenuItem,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
    StandardPage,
)

KEY_NAMESPACE = uuid.UUID("6f1c2b8e-3c1e-4c55-9a43-7d2f0c6f9a10")
DEFAULT = "zh-hant"
ENGLISH = "en"
HERO_IMAGE_TITLE = "Demo: Taipei to Southeast Asia"


def stable_key(name):
    """The translation key shared by every language version of the demo object ``name``."""
    return uuid.uuid5(KEY_NAMESPACE, name)


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# --- Page texts ----------------------------------------------------------------------------------

HOME = {
    DEFAULT: {"title": "臺北市跨境電商中心", "slug": "taipei-hub"},
    ENGLISH: {"title": "Taipei Cross-Border E-Commerce Hub", "slug": "taipei-hub-en"},
}

ABOUT = {
    DEFAULT: {
        "title": "關於計畫",
        "slug": "about",
        "intro": "臺北市政府產業發展局推動四年跨境電商計畫，協助中小企業上線外銷、前進新南向市場。",
    },
    ENGLISH: {
        "title": "About the plan",
        "slug": "about",
        "intro": (
            "Taipei City's Department of Economic Development runs a four-year plan that helps small and "
            "medium-sized companies sell online across borders, above all to Southeast Asia."
        ),
    },
}

NEWS_INDEX = {
    DEFAULT: {"title": "最新消息", "slug": "news", "intro": "計畫動態、活動與合作成果。"},
    ENGLISH: {"title": "News", "slug": "news", "intro": "Updates, events and results of the plan."},
}

ALLIANCE = {
    DEFAULT: {
        "title": "跨境電商產學合作聯盟",
        "slug": "alliance",
        "intro": (
            "五所大學院校、三大國際跨境電商平台與 30 家外貿企業共同組成聯盟，直接培訓企業實戰人才，縮短學用落差。"
        ),
    },
    ENGLISH: {
        "title": "Industry–academia alliance",
        "slug": "alliance",
        "intro": (
            "Five universities, three global marketplaces and 30 trading companies train students on real "
            "export projects, closing the gap between the classroom and the job."
        ),
    },
}


def home_body(lang, pages, image):
    about = pages["about"]
    if lang == DEFAULT:
        return [
            {
                "type": "hero",
                "value": {
                    "heading": "讓臺北的好產品走進東南亞",
                    "text": (
                        "四年跨境電商計畫：前兩年輔導企業、培育人才，後兩年提升城市外貿競爭力。"
                        "從平台上架、物流金流到清真認證，一站式協助中小企業前進新南向市場。"
                    ),
                    "image": image.pk,
                    "call_to_action": {"label": "認識計畫", "page": about.pk, "url": ""},
                },
            },
            {
                "type": "key_figures",
                "value": {
                    "heading": "產學合作聯盟",
                    "figures": [
                        {"number": "5", "label": "所合作大學院校"},
                        {"number": "3", "label": "個國際跨境電商平台"},
                        {"number": "30", "label": "家外貿企業"},
                        {"number": "30", "label": "支學生團隊（2018 年）"},
                        {"number": "158", "label": "位參與學生（2018 年）"},
                    ],
                },
            },
            {"type": "featured_programs", "value": {"heading": "輔導計畫", "pages": []}},
            {"type": "latest_news", "value": {"heading": "最新消息"}},
        ]
    return [
        {
            "type": "hero",
            "value": {
                "heading": "Taking Taipei's good products to Southeast Asia",
                "text": (
                    "A four-year plan: coaching companies and training talent in years one and two, growing "
                    "the city's cross-border trade in years three and four. From marketplace onboarding, "
                    "logistics and payments to halal certification, one stop for small businesses."
                ),
                "image": image.pk,
                "call_to_action": {"label": "About the plan", "page": about.pk, "url": ""},
            },
        },
        {
            "type": "key_figures",
            "value": {
                "heading": "The alliance in numbers",
                "figures": [
                    {"number": "5", "label": "universities"},
                    {"number": "3", "label": "global marketplaces"},
                    {"number": "30", "label": "trading companies"},
                    {"number": "30", "label": "student teams in 2018"},
                    {"number": "158", "label": "students in 2018"},
                ],
            },
        },
        {"type": "featured_programs", "value": {"heading": "Coaching programs", "pages": []}},
        {"type": "latest_news", "value": {"heading": "Latest news"}},
    ]


def about_body(lang, pages):
    alliance = pages["alliance"]
    if lang == DEFAULT:
        return [
            {"type": "heading", "value": {"text": "第一至二年：輔導企業、引導人才就業", "level": "h2"}},
            {
                "type": "paragraph",
                "value": _p(
                    "跨境電商已成為全球商貿的新主流。計畫前兩年以輔導企業及引導人才就業為核心，"
                    "培養、扶植標竿企業，並協助企業培養跨境電商人才。"
                ),
            },
            {"type": "heading", "value": {"text": "第三至四年：塑造城市商機、提升外貿競爭力", "level": "h2"}},
            {
                "type": "paragraph",
                "value": _p(
                    "第三至四年以塑造城市產業商機及提升城市外貿競爭力為核心，"
                    "提升臺北市電子商務產業商機，讓臺北成為跨境電商標竿城市。"
                ),
            },
            {"type": "heading", "value": {"text": "一站式解決方案", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>產業局提供一系列輔導措施，協助企業掌握市場商機：</p>"
                    "<ul><li>跨境電商一站式解決方案：平台上架、物流、金流、行銷、清真等認證與融資</li>"
                    "<li>輔導業者建立電商核心能力</li>"
                    "<li>組成跨境電商產學合作聯盟，培訓企業實戰人才</li></ul>"
                ),
            },
            {
                "type": "quote",
                "value": {
                    "quote": (
                        "政府扮演強而有力的後盾，提供行政服務、法令鬆綁及資源媒合，"
                        "成為企業的一雙翅膀，翱翔在東南亞的天空。"
                    ),
                    "attribution": "2018 Sea 東南亞論壇專題演講",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "認識產學合作聯盟",
                    "text": "五所大學、三大國際電商平台與 30 家外貿企業，一起培育跨境電商人才。",
                    "link": {"label": "查看聯盟夥伴", "page": alliance.pk, "url": ""},
                },
            },
        ]
    return [
        {"type": "heading", "value": {"text": "Years 1–2: coaching companies and training talent", "level": "h2"}},
        {
            "type": "paragraph",
            "value": _p(
                "Cross-border e-commerce has become the new mainstream of world trade. In its first two years "
                "the plan coaches companies and guides talent into jobs: it nurtures model companies and helps "
                "businesses build cross-border e-commerce teams."
            ),
        },
        {"type": "heading", "value": {"text": "Years 3–4: growing the city's cross-border trade", "level": "h2"}},
        {
            "type": "paragraph",
            "value": _p(
                "Years three and four create business opportunities for the city's industries and raise "
                "Taipei's competitiveness in foreign trade, so that Taipei becomes a model city for "
                "cross-border e-commerce."
            ),
        },
        {"type": "heading", "value": {"text": "A one-stop solution", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>The department offers a series of measures that help companies seize market opportunities:</p>"
                "<ul><li>a one-stop solution: marketplace onboarding, logistics, payments, marketing, "
                "certification such as halal, and financing</li>"
                "<li>coaching that builds core e-commerce skills inside each company</li>"
                "<li>an industry–academia alliance that trains people on real export projects</li></ul>"
            ),
        },
        {
            "type": "quote",
            "value": {
                "quote": (
                    "The government is a strong backer: administrative services, lighter regulation and "
                    "matching resources, a pair of wings for companies flying in Southeast Asia's sky."
                ),
                "attribution": "Keynote at the 2018 Sea Southeast Asia Forum",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Meet the industry–academia alliance",
                "text": (
                    "Five universities, three global marketplaces and 30 trading companies train "
                    "e-commerce talent together."
                ),
                "link": {"label": "See the partners", "page": alliance.pk, "url": ""},
            },
        },
    ]


NEWS = [
    {
        "key": "news:2018-sea-forum",
        "slug": "2018-sea-southeast-asia-forum",
        "date": datetime.date(2018, 5, 29),
        DEFAULT: {
            "title": "2018 Sea 東南亞論壇：市府作產業發展堅強後盾，協助企業鏈結國際",
            "intro": "市府代表出席天下雜誌與 Sea 集團舉辦的論壇，以「電商環境 城市創造」為題發表專題演講。",
            "paragraphs": [
                "論壇從政府及民間企業的角色，探討如何共同促進台灣產業前進新南向市場。市府以「電商環境 城市創造」為題"
                "進行專題演講，並參加綜合論壇「台灣的可能性」。",
                "演講分享臺北市的智慧城市政策與電子商務相關作為，以及配合中央新南向政策的推動策略與成果。"
                "市府並訂定未來四年的跨境電商推展計畫，提供一站式解決方案、輔導企業建立電商核心能力，並組成產學合作聯盟。",
            ],
            "tags": ["新南向", "活動"],
        },
        ENGLISH: {
            "title": "2018 Sea Southeast Asia Forum: the city backs companies going global",
            "intro": (
                "At the forum held by CommonWealth Magazine and Sea Group, the city gave a keynote on "
                "building an e-commerce environment for a city."
            ),
            "paragraphs": [
                "The forum looked at how government and business together can help Taiwanese industries enter "
                "the New Southbound markets. The city's keynote was followed by a panel on Taiwan's possibilities.",
                "The keynote presented Taipei's smart-city and e-commerce policies and its support for the national "
                "New Southbound Policy, including a four-year cross-border e-commerce plan with a one-stop "
                "solution, coaching for companies and an industry–academia alliance.",
            ],
            "tags": ["New Southbound", "Events"],
        },
    },
    {
        "key": "news:industry-academia-alliance",
        "slug": "industry-academia-alliance",
        "date": datetime.date(2018, 6, 5),
        DEFAULT: {
            "title": "跨境電商產學合作聯盟成立：30 隊、158 位學生投入實戰",
            "intro": "五所大學院校結合 Amazon、Alibaba、eBay 與 30 家外貿企業，直接培訓企業實戰人才。",
            "paragraphs": [
                "為培育電商人才，市府串聯台北商業大學、中國文化大學、德明財經科技大學、銘傳大學及台北海洋科技大學，"
                "結合 Amazon、Alibaba、eBay 三大國際跨境電商平台及 30 家外貿企業，組成跨境電商產學合作聯盟。",
                "聯盟直接培訓企業實戰人才、縮短學用落差，2018 年共有 30 隊、158 位學生參與。",
            ],
            "tags": ["人才培育", "產學合作"],
        },
        ENGLISH: {
            "title": "Industry–academia alliance: 30 teams and 158 students on real projects",
            "intro": (
                "Five universities join Amazon, Alibaba, eBay and 30 trading companies to train people "
                "on real export work."
            ),
            "paragraphs": [
                "To train e-commerce talent, the city brought together National Taipei University of Business, "
                "Chinese Culture University, Takming University of Science and Technology, Ming Chuan University "
                "and Taipei University of Marine Technology with Amazon, Alibaba and eBay and 30 trading companies.",
                "The alliance trains students on companies' real projects and narrows the gap between study and "
                "work: 30 teams with 158 students took part in 2018.",
            ],
            "tags": ["Talent", "Alliance"],
        },
    },
    {
        "key": "news:taipei-good-products",
        "slug": "taipei-good-products-on-pchome-thai",
        "date": datetime.date(2018, 6, 12),
        DEFAULT: {
            "title": "「台北好物館」在 PChome Thai 開幕",
            "intro": "配合新南向政策，市府率先與 PChome Thai 合作成立優質商品專區。",
            "paragraphs": [
                "在產業輔導部分，市府配合中央新南向政策，率先與 PChome Thai 合作成立「台北好物館」優質商品專區，"
                "協助業者進行整體行銷與商品推廣，把臺北的好產品介紹給泰國的消費者。",
            ],
            "tags": ["台北好物館", "泰國"],
        },
        ENGLISH: {
            "title": "Taipei Good Products opens on PChome Thai",
            "intro": "The city and PChome Thai open a storefront for quality products from Taipei.",
            "paragraphs": [
                "As part of its coaching for companies and in line with the New Southbound Policy, the city "
                "partnered with PChome Thai to open the Taipei Good Products (台北好物館) storefront, which "
                "markets and promotes Taipei companies' products to buyers in Thailand.",
            ],
            "tags": ["Taipei Good Products", "Thailand"],
        },
    },
    {
        "key": "news:selangor-halal-forum",
        "slug": "selangor-mous-and-halal-forum",
        "date": datetime.date(2018, 6, 19),
        DEFAULT: {
            "title": "與馬來西亞雪蘭莪州簽署三項合作備忘錄，合辦清真產業論壇",
            "intro": "市府新南向之旅與雪蘭莪州簽署創新創業、智慧運輸及智慧城市三項合作備忘錄。",
            "paragraphs": [
                "為協助台灣產業拓展國際市場，市長於 2017 年（民國 106 年）率市府相關局處進行新南向之旅，"
                "與馬來西亞雪蘭莪州簽署三項合作備忘錄，涵蓋創新創業國際交流、智慧運輸系統及智慧城市。",
                "同年 4 月，雙方共同舉辦 2017 年「前進東南亞！清真產業暨跨境電商－"
                "臺北市・馬來西亞雪蘭莪州・新南向論壇」，奠定未來與馬來西亞經貿合作的基石。",
            ],
            "tags": ["馬來西亞", "清真"],
        },
        ENGLISH: {
            "title": "Three MOUs with Selangor and a joint halal industry forum",
            "intro": (
                "On its New Southbound trip the city signed memoranda with the Malaysian state of Selangor "
                "on start-ups, intelligent transport and smart cities."
            ),
            "paragraphs": [
                "To help Taiwanese industries reach international markets, the mayor led a city delegation "
                "to Southeast Asia in 2017 and signed three memoranda of understanding with Selangor, Malaysia: "
                "international exchange on innovation and start-ups, intelligent transport systems and smart cities.",
                "In April of the same year the two governments held the 2017 forum on the halal industry and "
                "cross-border e-commerce, laying a foundation for trade cooperation with Malaysia.",
            ],
            "tags": ["Malaysia", "Halal"],
        },
    },
    {
        "key": "news:muslim-friendly-city",
        "slug": "muslim-friendly-taipei",
        "date": datetime.date(2018, 6, 26),
        DEFAULT: {
            "title": "友善穆斯林城市：臺北已有 46 家清真認證餐廳及餐旅",
            "intro": "市府營造開放包容的環境，歡迎東南亞朋友在臺北安居樂業。",
            "paragraphs": [
                "為與東南亞市場連結，市府於 2018 年與臺北清真寺及駐台北印尼經濟代表處辦理台北開齋節，"
                "並於大安森林公園舉辦穆斯林嘉年華歡慶活動。",
                "臺北已有 46 家通過清真認證的餐廳及餐旅，是友善穆斯林的城市。",
            ],
            "tags": ["清真"],
        },
        ENGLISH: {
            "title": "A Muslim-friendly city: 46 halal-certified restaurants in Taipei",
            "intro": "Taipei welcomes people from Southeast Asia to live and work in the city.",
            "paragraphs": [
                "To connect with Southeast Asian markets, the city celebrated Eid al-Fitr in 2018 with the "
                "Taipei Grand Mosque and the Indonesian Economic and Trade Office, and held a Muslim carnival "
                "in Daan Forest Park.",
                "Taipei already has 46 halal-certified restaurants and hospitality businesses: it is a "
                "Muslim-friendly city.",
            ],
            "tags": ["Halal"],
        },
    },
    {
        "key": "news:ict-talent",
        "slug": "ict-talent-programme",
        "date": datetime.date(2018, 7, 3),
        DEFAULT: {
            "title": "ICT 南鑽人才匯流計畫：6 校 12 企業提供實習與就業",
            "intro": "六所大學每年提供 240 個名額，吸引東南亞學生來臺就讀、實習與工作。",
            "paragraphs": [
                "市府邀集臺北市立大學、臺灣大學、清華大學、交通大學、臺灣科技大學及臺北科技大學等 6 校 ICT "
                "及機構設計相關科系，每年提供 240 位名額，106 學年度第 2 學期已招收 20 名馬來西亞及印度籍學生。",
                "學生在臺就讀期間可獲學雜費補助、生活津貼與企業實習機會；和碩、仁寶、台達電、HTC、華碩、英業達、"
                "精英、廣達、緯創、研華、大同及神通等 12 家企業提供實習及就業媒合。",
            ],
            "tags": ["人才培育"],
        },
        ENGLISH: {
            "title": "ICT talent programme: 6 universities and 12 companies",
            "intro": (
                "Six universities offer 240 places a year to bring Southeast Asian students to Taipei to "
                "study, intern and work."
            ),
            "paragraphs": [
                "The city invited ICT and mechanical design departments of six universities, among them National "
                "Taiwan University and Taipei Tech, to offer 240 places a year; in the second semester of the "
                "2017 academic year they admitted 20 students from Malaysia and India.",
                "Students receive tuition support, a living allowance and internships. Twelve companies, "
                "including Pegatron, Compal, Delta Electronics, HTC, ASUS and Quanta, offer internships and jobs.",
            ],
            "tags": ["Talent"],
        },
    },
]

PARTNERS = [
    ("partner:ntub", "university", "台北商業大學", "National Taipei University of Business", "https://www.ntub.edu.tw"),
    ("partner:pccu", "university", "中國文化大學", "Chinese Culture University", "https://www.pccu.edu.tw"),
    (
        "partner:takming",
        "university",
        "德明財經科技大學",
        "Takming University of Science and Technology",
        "https://www.takming.edu.tw",
    ),
    ("partner:mcu", "university", "銘傳大學", "Ming Chuan University", "https://www.mcu.edu.tw"),
    (
        "partner:tumt",
        "university",
        "台北海洋科技大學",
        "Taipei University of Marine Technology",
        "https://www.tumt.edu.tw",
    ),
    ("partner:amazon", "platform", "Amazon", "Amazon", "https://www.amazon.com"),
    ("partner:alibaba", "platform", "Alibaba", "Alibaba", "https://www.alibaba.com"),
    ("partner:ebay", "platform", "eBay", "eBay", "https://www.ebay.com"),
    ("partner:pchome-thai", "platform", "PChome Thai", "PChome Thai", "https://www.pchome.co.th"),
    ("partner:example-tea", "trading_company", "大稻埕茶葉貿易（範例）", "Dadaocheng Tea Trading (example)", ""),
    (
        "partner:example-parts",
        "trading_company",
        "內湖精密零件外貿（範例）",
        "Neihu Precision Parts Export (example)",
        "",
    ),
    (
        "partner:example-foods",
        "trading_company",
        "南港食品國際貿易（範例）",
        "Nangang Foods International (example)",
        "",
    ),
]

PARTNER_DESCRIPTIONS = {
    "university": {
        DEFAULT: "培育跨境電商人才的聯盟大學院校。",
        ENGLISH: "Alliance university training cross-border e-commerce talent.",
    },
    "platform": {
        DEFAULT: "與聯盟合作的國際跨境電商平台。",
        ENGLISH: "Global marketplace working with the alliance.",
    },
    "trading_company": {
        DEFAULT: "示範資料：聯盟 30 家外貿企業之一的範例。",
        ENGLISH: "Demo entry: an example of the alliance's 30 trading companies.",
    },
}

MENU_LABELS = {
    DEFAULT: {"title": "主選單", "about": "關於計畫", "news": "最新消息", "alliance": "產學合作聯盟"},
    ENGLISH: {"title": "Main menu", "about": "About the plan", "news": "News", "alliance": "Alliance"},
}

FOOTER = {
    DEFAULT: {
        "title": "頁尾",
        "organisation": "臺北市政府產業發展局",
        "address": "11008 臺北市信義區市府路 1 號",
        "phone": "+886 2 2720 8889",
        "email": "crossborder@example.org",
        "copyright": "© 臺北市政府產業發展局",
        "links": [("about", "關於計畫"), ("alliance", "產學合作聯盟"), ("news", "最新消息")],
    },
    ENGLISH: {
        "title": "Footer",
        "organisation": "Department of Economic Development, Taipei City Government",
        "address": "No. 1, Shifu Road, Xinyi District, Taipei 11008, Taiwan",
        "phone": "+886 2 2720 8889",
        "email": "crossborder@example.org",
        "copyright": "© Department of Economic Development, Taipei City Government",
        "links": [("about", "About the plan"), ("alliance", "Alliance"), ("news", "News")],
    },
}


# --- Building blocks ------------------------------------------------------------------------------


def ensure_locales(stdout):
    locales = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locales[code], created = Locale.objects.get_or_create(language_code=code)
        if created:
            stdout.write(f"  locale {code} created")
    return locales


def ensure_hero_image(stdout):
    """A locally drawn placeholder picture (no download)."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=HERO_IMAGE_TITLE).first()
    if image is not None:
        return image
    picture = PillowImage.new("RGB", (960, 600), "#0b4f6c")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 420, 960, 600), fill="#083a50")
    for index, height in enumerate((180, 260, 340, 220, 300, 160, 240)):
        left = 60 + index * 120
        draw.rectangle((left, 420 - height, left + 80, 420), fill="#1d7aa0")
    draw.polygon(((420, 420), (480, 40), (540, 420)), fill="#fbbf24")
    draw.ellipse((760, 60, 860, 160), fill="#fde68a")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = image_model(title=HERO_IMAGE_TITLE)
    image.file = ImageFile(buffer, name="demo-hero.png")
    image.save()
    stdout.write(f"  image {HERO_IMAGE_TITLE!r} created")
    return image


def _publish(page):
    page.save_revision().publish()


def ensure_page(parent, model, key, fields, *, stdout):
    """The page with translation key ``key`` in the parent's language, created and published if missing."""
    existing = model.objects.filter(translation_key=stable_key(key), locale=parent.locale).first()
    if existing is not None:
        return existing, False
    tags = fields.pop("tags", None)
    page = model(translation_key=stable_key(key), locale=parent.locale, **fields)
    if tags:
        page.tags.set(tags)
    parent.add_child(instance=page)
    _publish(page)
    stdout.write(f"  {model._meta.verbose_name} {page.url_path} created")
    return page, True


def ensure_translation(source, locale, fields, *, stdout):
    """The translation of ``source`` into ``locale``, copied (as simple_translation does) and published if missing."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    page = source.copy_for_translation(locale).specific
    tags = fields.pop("tags", None)
    for name, value in fields.items():
        setattr(page, name, value)
    if tags is not None:
        page.tags.set(tags)
    _publish(page)
    stdout.write(f"  {page._meta.verbose_name} {page.url_path} created")
    return page, True


def ensure_child(parent, model, slug, fields, *, stdout):
    """The child page of ``parent`` with ``slug``, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    _publish(page)
    stdout.write(f"  {model._meta.verbose_name} {page.url_path} created")
    return model.objects.get(pk=page.pk)


def find_home(locale):
    """The default site's home page in ``locale``, or the first home page of that language."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        home = site.root_page.specific
        return home if home.locale_id == locale.pk else home.get_translation_or_none(locale)
    return HomePage.objects.filter(locale=locale).first()


def ensure_site_root(home, *, stdout):
    """Make ``home`` the default site's root page and remove Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        stdout.write("  default site created")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
        stdout.write("  default site now starts at the home page")
    welcome = Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore")
    for page in welcome:
        if not page.sites_rooted_here.exists():
            page.delete()
            stdout.write("  Wagtail welcome page removed")


def news_fields(item, lang):
    texts = item[lang]
    return {
        "title": texts["title"],
        "slug": item["slug"],
        "date": item["date"],
        "intro": texts["intro"],
        "body": [{"type": "paragraph", "value": _p(*texts["paragraphs"])}],
        "tags": list(texts["tags"]),
    }


def ensure_partners(locales, *, stdout):
    created_count = 0
    for key, kind, name_zh, name_en, link in PARTNERS:
        for lang, name in ((DEFAULT, name_zh), (ENGLISH, name_en)):
            _partner, created = PartnerOrganisation.objects.get_or_create(
                translation_key=stable_key(key),
                locale=locales[lang],
                defaults={
                    "name": name,
                    "kind": kind,
                    "link": link,
                    "description": PARTNER_DESCRIPTIONS[kind][lang],
                },
            )
            created_count += created
    if created_count:
        stdout.write(f"  {created_count} partner organisations created")


def ensure_menu(locale, lang, pages, *, stdout):
    labels = MENU_LABELS[lang]
    menu, created = NavigationMenu.objects.get_or_create(
        locale=locale, defaults={"translation_key": stable_key("navigation:main"), "title": labels["title"]}
    )
    if created:
        for order, name in enumerate(("about", "news", "alliance")):
            NavigationMenuItem.objects.create(menu=menu, sort_order=order, label=labels[name], link_page=pages[name])
        stdout.write(f"  navigation menu ({lang}) created")


def add_menu_item(page, label, *, stdout):
    """Append a link to ``page`` to the main menu of the page's language, unless the menu already has it.

    The feature apps' demo modules call this for their index pages, which are created after the menu.
    """
    menu = NavigationMenu.objects.filter(locale_id=page.locale_id).first()
    if menu is None or menu.items.filter(link_page=page).exists():
        return
    NavigationMenuItem.objects.create(menu=menu, sort_order=menu.items.count(), label=label, link_page=page)
    stdout.write(f"  menu item '{label}' added")


def ensure_footer(locale, lang, pages, *, stdout):
    texts = dict(FOOTER[lang])
    links = texts.pop("links")
    footer, created = FooterContent.objects.get_or_create(
        locale=locale, defaults={"translation_key": stable_key("footer"), **texts}
    )
    if created:
        for order, (name, label) in enumerate(links):
            FooterLink.objects.create(footer=footer, sort_order=order, label=label, link_page=pages[name])
        stdout.write(f"  footer ({lang}) created")


# --- Entry point ----------------------------------------------------------------------------------


@transaction.atomic
def seed(*, stdout):
    """Create the locales, both page trees, partners, menus and footers if they are missing."""
    locales = ensure_locales(stdout)
    image = ensure_hero_image(stdout)
    root = Page.get_first_root_node()

    trees = {}
    home, home_created = ensure_page(root, HomePage, "page:home", dict(HOME[DEFAULT]), stdout=stdout)
    ensure_site_root(home, stdout=stdout)
    trees[DEFAULT] = _build_tree(home, home_created, DEFAULT, image, stdout=stdout)

    en_home, en_created = ensure_translation(home, locales[ENGLISH], dict(HOME[ENGLISH]), stdout=stdout)
    trees[ENGLISH] = _build_tree(en_home, en_created, ENGLISH, image, source=trees[DEFAULT], stdout=stdout)

    ensure_partners(locales, stdout=stdout)
    for lang in (DEFAULT, ENGLISH):
        ensure_menu(locales[lang], lang, trees[lang], stdout=stdout)
        ensure_footer(locales[lang], lang, trees[lang], stdout=stdout)
    stdout.write(
        f"  site pages: {Page.objects.filter(depth__gt=1).count()} pages, "
        f"{PartnerOrganisation.objects.count()} partner entries, {NavigationMenu.objects.count()} menus"
    )


def _build_tree(home, home_created, lang, image, *, source=None, stdout):
    """The pages under ``home`` in ``lang``; translations of ``source``'s pages when given."""

    def child(model, key, fields, source_page):
        if source is None:
            parent = pages["news"] if model is NewsPage else home
            return ensure_page(parent, model, key, fields, stdout=stdout)[0]
        return ensure_translation(source_page, home.locale, fields, stdout=stdout)[0]

    pages = {"home": home}
    pages["news"] = child(NewsIndexPage, "page:news", dict(NEWS_INDEX[lang]), source and source["news"])
    pages["alliance"] = child(AlliancePage, "page:alliance", dict(ALLIANCE[lang]), source and source["alliance"])
    about_fields = {**ABOUT[lang], "body": about_body(lang, pages)}
    pages["about"] = child(StandardPage, "page:about", about_fields, source and source["about"])
    for item in NEWS:
        source_article = None
        if source is not None:
            source_article = NewsPage.objects.get(translation_key=stable_key(item["key"]), locale=source["home"].locale)
        pages[item["key"]] = child(NewsPage, item["key"], news_fields(item, lang), source_article)

    if home_created:
        home = HomePage.objects.get(pk=home.pk)  # a fresh copy: the children changed its tree fields
        home.body = home_body(lang, pages, image)
        _publish(home)
        pages["home"] = home
    return pages
