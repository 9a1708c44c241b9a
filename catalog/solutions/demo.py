"""Demo content of the one-stop solution catalog, in all six languages of the portal.

The zh-hant pages and providers are the source; every other language is a copy of them
(``copy_for_translation``) with only the words replaced, so markets, flags,
links, contact addresses and verification dates are the source's own values. ``seed(stdout=...)`` is
idempotent: providers are found by a stable translation key and locale, pages by slug under the zh-hant
home page and by translation key in the other languages; existing objects are left as editors left them. Providers are
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
# Seeded in this order, each only if its home page exists.
TRANSLATED_LANGUAGES = (ENGLISH, "th", "ms", "id", "vi")
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


# The words of the other languages. Operational facts (markets, free/subsidised flag, website, contact
# address, verification date) are not repeated here: translations copy them from the zh-hant source.
# Provider names are proper names and stay as in English; only the "(demo)" marker is translated.
# Prices keep the NT$ amounts of the source, written with each language's digit grouping.
TRANSLATIONS = {
    "th": {
        "index": {
            "title": "โซลูชันครบวงจร",
            "intro": "<p>บริการอีคอมเมิร์ซข้ามพรมแดนที่กรมพัฒนาเศรษฐกิจคัดสรรแล้ว ครอบคลุมการเปิดร้านบนมาร์เก็ตเพลส "
            "โลจิสติกส์ การชำระเงิน การตลาด การปฏิบัติตามกฎระเบียบและการรับรอง สินเชื่อและเงินอุดหนุน "
            "ตลอดจนการฝึกอบรม ท่านสามารถเลือกตลาดเป้าหมายและความต้องการเพื่อค้นหาบริการที่เหมาะสม "
            "แล้วขอให้เราแนะนำท่านแก่ผู้ให้บริการได้</p>",
        },
        "categories": {
            Need.MARKETPLACE: "การเปิดร้านบนมาร์เก็ตเพลส",
            Need.LOGISTICS: "โลจิสติกส์ข้ามพรมแดนและการจัดการคำสั่งซื้อ",
            Need.PAYMENTS: "การชำระเงินและอัตราแลกเปลี่ยน",
            Need.MARKETING: "การตลาดและการปรับให้เข้ากับท้องถิ่น",
            Need.COMPLIANCE: "การปฏิบัติตามกฎระเบียบและการรับรอง",
            Need.FINANCING: "สินเชื่อและเงินอุดหนุน",
            Need.TRAINING: "การฝึกอบรม",
        },
        "demo_mark": "(ตัวอย่าง)",
        "providers": {
            "amazon": "หนึ่งในสามแพลตฟอร์มระหว่างประเทศของพันธมิตรความร่วมมือระหว่างภาคอุตสาหกรรมและภาคการศึกษา"
            "ด้านอีคอมเมิร์ซข้ามพรมแดน",
            "alibaba": "แพลตฟอร์มการค้าข้ามพรมแดนแบบ B2B และหุ้นส่วนของพันธมิตร",
            "ebay": "มาร์เก็ตเพลสระหว่างประเทศที่ร่วมมือกับพันธมิตร",
            "pchome-thai": "ดำเนินงานร้านค้า “Taipei Good Products” ร่วมกับเมืองไทเป",
            "shopee": "กลุ่มธุรกิจอีคอมเมิร์ซและการชำระเงินดิจิทัลแห่งเอเชียตะวันออกเฉียงใต้",
            "logistics": "ผู้ให้บริการโลจิสติกส์สำหรับการสาธิต: การส่งพัสดุ คลังสินค้าในต่างประเทศ และพิธีการศุลกากร",
            "payments": "ผู้ให้บริการชำระเงินสำหรับการสาธิต: การรับชำระเงินหลายสกุลและการแลกเปลี่ยนเงินตรา",
            "halal": "ที่ปรึกษาด้านการรับรองสำหรับการสาธิต: การรับรองและการแสดงเครื่องหมายฮาลาลของ JAKIM, BPJPH และ CICOT",
            "bureau": "ดำเนินแผนงานอีคอมเมิร์ซข้ามพรมแดนระยะสี่ปี ซึ่งให้บริการคำปรึกษา เงินอุดหนุน และการฝึกอบรม",
        },
        "languages": "ภาษาจีนและภาษาอังกฤษ",
        "eligibility": "<p>วิสาหกิจขนาดกลางและขนาดย่อมที่จดทะเบียนในไทเปและลงทะเบียนในพอร์ทัลนี้แล้ว</p>",
        "how_it_works": "<p>ท่านสามารถขอการแนะนำได้ที่หน้านี้ เจ้าหน้าที่กรมพัฒนาเศรษฐกิจจะตรวจสอบความต้องการของท่าน"
        "และแนะนำท่านแก่ผู้ให้บริการ จากนั้นผู้ให้บริการจะติดต่อท่านโดยตรง</p>",
        "offerings": {
            "amazon-onboarding": (
                "การเปิดร้านบน Amazon",
                "การให้คำปรึกษาอย่างใกล้ชิด ตั้งแต่การสมัครบัญชีและการลงรายการสินค้า ไปจนถึงการส่งสินค้าเข้าคลัง FBA",
                "ไม่มีค่าใช้จ่ายสำหรับบริษัทในโครงการให้คำปรึกษา",
            ),
            "alibaba-b2b-store": (
                "ร้านค้า B2B บน Alibaba.com",
                "เปิดร้านค้า B2B และพบปะผู้ซื้อในอาเซียนและอินเดีย",
                "เริ่มต้นประมาณ NT$60,000 ต่อปี",
            ),
            "ebay-seller-programme": (
                "โครงการผู้ขายข้ามพรมแดนของ eBay",
                "การเปิดบัญชีผู้ขายใหม่ คำแนะนำในการลงรายการสินค้า และทางเลือกในการจัดส่ง",
                "ไม่มีค่าใช้จ่ายสำหรับบริษัทในโครงการให้คำปรึกษา",
            ),
            "taipei-good-products": (
                "Taipei Good Products บน PChome Thai",
                "วางจำหน่ายสินค้าในร้าน Taipei Good Products บน PChome Thai พร้อมการส่งเสริมการขายร่วมกัน",
                "บริษัทในโครงการให้คำปรึกษาได้รับเงินอุดหนุนค่าลงรายการสินค้า",
            ),
            "shopee-onboarding": (
                "การเปิดร้านข้ามพรมแดนบน Shopee",
                "เปิดร้านบน Shopee หลายประเทศในเอเชียตะวันออกเฉียงใต้ได้ในคราวเดียว พร้อมบริการแปลและการรวมการจัดส่ง",
                "ค่าคอมมิชชันตามยอดขาย",
            ),
            "asean-parcels": (
                "การส่งพัสดุไปยังเอเชียตะวันออกเฉียงใต้",
                "ส่งจากไทเป ถึงปลายทางภายในสามถึงเจ็ดวัน รวมพิธีการศุลกากรแล้ว",
                "เริ่มต้น NT$150 ต่อพัสดุ บริษัทในโครงการให้คำปรึกษาได้รับเงินอุดหนุน",
            ),
            "thai-fulfilment": (
                "คลังสินค้าและการจัดการคำสั่งซื้อในประเทศไทย",
                "บริการคลังสินค้า การหยิบสินค้า และการจัดการสินค้าคืนในกรุงเทพฯ",
                "เริ่มต้น NT$8,000 ต่อเดือน",
            ),
            "multi-currency-collection": (
                "การรับชำระเงินหลายสกุลและการแลกเปลี่ยนเงินตรา",
                "รับเงินจากมาร์เก็ตเพลส แลกเปลี่ยนเงินตรา และโอนเข้าบัญชีในไต้หวัน",
                "ค่าธรรมเนียม 0.5%–1%",
            ),
            "thai-malay-localisation": (
                "การปรับเนื้อหาสินค้าเป็นภาษาไทยและภาษามลายู",
                "แปลคำบรรยายสินค้า และปรับรูปภาพกับคำค้นหาให้เหมาะกับตลาด",
                "บริษัทในโครงการให้คำปรึกษาได้รับเงินอุดหนุน",
            ),
            "marketplace-ads-starter": (
                "แพ็กเกจเริ่มต้นโฆษณาบนมาร์เก็ตเพลส",
                "ตั้งค่าโฆษณาคำค้นหาในเดือนแรก พร้อมรายงานผลลัพธ์",
                "เริ่มต้น NT$20,000",
            ),
            "halal-certification": (
                "การสนับสนุนการขอรับรองฮาลาล",
                "ช่วยจัดเตรียมเอกสารและร่วมรับการตรวจประเมินโรงงาน เพื่อขอใบรับรองของ JAKIM, BPJPH และ CICOT",
                "บริษัทในโครงการให้คำปรึกษาได้รับเงินอุดหนุน 50%",
            ),
            "labelling-fda-check": (
                "การตรวจสอบฉลากและการขึ้นทะเบียน FDA",
                "ตรวจสอบฉลากอาหาร ส่วนประกอบ และการขึ้นทะเบียนกับ FDA / อย. (Thai FDA)",
                "เริ่มต้น NT$5,000 ต่อผลิตภัณฑ์",
            ),
            "industrial-development-subsidy": (
                "เงินอุดหนุนเพื่อการพัฒนาอุตสาหกรรม",
                "เงินอุดหนุนค่าใช้จ่ายในการขยายตลาดข้ามพรมแดน และคำแนะนำเรื่องสินเชื่ออัตราดอกเบี้ยพิเศษ",
                "ไม่มีค่าใช้จ่าย",
            ),
            "alliance-talent-programme": (
                "โครงการพัฒนาบุคลากรของพันธมิตรภาคอุตสาหกรรมและภาคการศึกษา",
                "มหาวิทยาลัยห้าแห่งร่วมกับสามแพลตฟอร์ม ส่งทีมนักศึกษาเข้าปฏิบัติงานจริงกับบริษัท",
                "ไม่มีค่าใช้จ่าย",
            ),
            "amazon-seller-bootcamp": (
                "ค่ายฝึกอบรมผู้ขายบน Amazon",
                "หลักสูตรสองวันว่าด้วยการคัดเลือกสินค้า การโฆษณา และการบริการลูกค้า",
                "ไม่มีค่าใช้จ่ายสำหรับบริษัทในโครงการให้คำปรึกษา",
            ),
        },
    },
    "ms": {
        "index": {
            "title": "Penyelesaian sehenti",
            "intro": "<p>Perkhidmatan e-dagang rentas sempadan yang dipilih dengan teliti oleh Jabatan: penyertaan ke "
            "platform pasaran dalam talian, logistik, pembayaran, pemasaran, pematuhan dan pensijilan, pembiayaan "
            "dan subsidi, serta latihan. Pilih pasaran sasaran dan keperluan anda untuk mencari perkhidmatan yang "
            "sesuai, kemudian minta kami memperkenalkan anda kepada penyedia perkhidmatan.</p>",
        },
        "categories": {
            Need.MARKETPLACE: "Penyertaan ke platform pasaran dalam talian",
            Need.LOGISTICS: "Logistik rentas sempadan dan pemenuhan pesanan",
            Need.PAYMENTS: "Pembayaran dan pertukaran asing",
            Need.MARKETING: "Pemasaran dan penyetempatan",
            Need.COMPLIANCE: "Pematuhan dan pensijilan",
            Need.FINANCING: "Pembiayaan dan subsidi",
            Need.TRAINING: "Latihan",
        },
        "demo_mark": "(contoh)",
        "providers": {
            "amazon": "Salah satu daripada tiga platform antarabangsa dalam pakatan kerjasama industri–akademia "
            "e-dagang rentas sempadan.",
            "alibaba": "Platform perdagangan rentas sempadan B2B dan rakan kongsi pakatan.",
            "ebay": "Platform pasaran antarabangsa yang bekerjasama dengan pakatan.",
            "pchome-thai": "Mengendalikan kedai dalam talian “Taipei Good Products” bersama Kerajaan Bandar Raya "
            "Taipei.",
            "shopee": "Kumpulan e-dagang dan pembayaran digital Asia Tenggara.",
            "logistics": "Penyedia logistik contoh: penghantaran bungkusan, gudang luar negara dan pelepasan kastam.",
            "payments": "Penyedia pembayaran contoh: kutipan pelbagai mata wang dan pertukaran wang.",
            "halal": "Perunding pematuhan contoh: pensijilan dan pelabelan halal JAKIM, BPJPH dan CICOT.",
            "bureau": "Melaksanakan pelan e-dagang rentas sempadan empat tahun: bimbingan, subsidi dan latihan.",
        },
        "languages": "Bahasa Cina, Bahasa Inggeris",
        "eligibility": "<p>Perusahaan kecil dan sederhana yang berdaftar di Taipei dan di portal ini.</p>",
        "how_it_works": "<p>Mohon perkenalan di halaman ini; kakitangan Jabatan akan menyemak keperluan anda dan "
        "memperkenalkan anda kepada penyedia perkhidmatan, yang kemudiannya akan menghubungi anda secara terus.</p>",
        "offerings": {
            "amazon-onboarding": (
                "Penubuhan kedai Amazon",
                "Bimbingan langsung daripada pendaftaran akaun dan penyenaraian produk hingga penghantaran stok ke "
                "gudang FBA.",
                "Percuma untuk syarikat yang dibimbing",
            ),
            "alibaba-b2b-store": (
                "Kedai B2B Alibaba.com",
                "Buka kedai B2B dan temui pembeli di ASEAN dan India.",
                "Bermula sekitar NT$60,000 setahun",
            ),
            "ebay-seller-programme": (
                "Program penjual rentas sempadan eBay",
                "Pembukaan akaun penjual baharu, pengoptimuman penyenaraian dan pilihan penghantaran.",
                "Percuma untuk syarikat yang dibimbing",
            ),
            "taipei-good-products": (
                "Taipei Good Products di PChome Thai",
                "Senaraikan produk di kedai Taipei Good Products di PChome Thai, dengan promosi bersama.",
                "Kos penyenaraian disubsidi untuk syarikat yang dibimbing",
            ),
            "shopee-onboarding": (
                "Kedai rentas sempadan Shopee",
                "Buka beberapa laman Shopee di Asia Tenggara serentak, termasuk terjemahan dan penghantaran gabungan.",
                "Komisen atas jualan",
            ),
            "asean-parcels": (
                "Penghantaran bungkusan ke Asia Tenggara",
                "Dihantar dari Taipei dan tiba dalam tempoh tiga hingga tujuh hari, termasuk urusan kastam.",
                "Bermula NT$150 sebungkus, disubsidi untuk syarikat yang dibimbing",
            ),
            "thai-fulfilment": (
                "Pemenuhan pesanan di Thailand",
                "Pergudangan, pemungutan pesanan dan pengurusan barangan pulangan di Bangkok.",
                "Bermula NT$8,000 sebulan",
            ),
            "multi-currency-collection": (
                "Kutipan pelbagai mata wang dan pertukaran asing",
                "Terima bayaran daripada platform pasaran, tukar mata wang dan kreditkan ke akaun di Taiwan.",
                "Fi 0.5%–1%",
            ),
            "thai-malay-localisation": (
                "Penyetempatan produk dalam bahasa Thai dan bahasa Melayu",
                "Terjemahan teks produk, gambar dan kata kunci yang sesuai dengan pasaran.",
                "Disubsidi untuk syarikat yang dibimbing",
            ),
            "marketplace-ads-starter": (
                "Pakej permulaan iklan platform pasaran",
                "Iklan kata kunci bagi bulan pertama beserta laporan prestasi.",
                "Bermula NT$20,000",
            ),
            "halal-certification": (
                "Sokongan pensijilan halal",
                "Penyediaan dokumen dan pengiringan audit kilang untuk sijil JAKIM, BPJPH dan CICOT.",
                "Subsidi 50% untuk syarikat yang dibimbing",
            ),
            "labelling-fda-check": (
                "Semakan pelabelan dan pendaftaran FDA",
                "Semakan label makanan, ramuan dan pendaftaran FDA / Thai FDA.",
                "Bermula NT$5,000 bagi setiap produk",
            ),
            "industrial-development-subsidy": (
                "Subsidi pembangunan industri",
                "Subsidi kos pemasaran rentas sempadan dan nasihat tentang pinjaman berfaedah rendah.",
                "Percuma",
            ),
            "alliance-talent-programme": (
                "Program bakat pakatan industri–akademia",
                "Lima universiti dan tiga platform menghantar pasukan pelajar untuk bekerja secara praktikal bersama "
                "syarikat.",
                "Percuma",
            ),
            "amazon-seller-bootcamp": (
                "Kem latihan penjual Amazon",
                "Kursus dua hari tentang pemilihan produk, pengiklanan dan khidmat pelanggan.",
                "Percuma untuk syarikat yang dibimbing",
            ),
        },
    },
    "id": {
        "index": {
            "title": "Solusi terpadu",
            "intro": "<p>Layanan e-commerce lintas batas yang telah diseleksi oleh Dinas: pembukaan toko di "
            "marketplace, logistik, pembayaran, pemasaran, kepatuhan dan sertifikasi, pembiayaan dan subsidi, serta "
            "pelatihan. Pilih pasar tujuan dan kebutuhan Anda untuk menemukan layanan yang sesuai, lalu minta kami "
            "memperkenalkan Anda kepada penyedia layanan.</p>",
        },
        "categories": {
            Need.MARKETPLACE: "Pembukaan toko di marketplace",
            Need.LOGISTICS: "Logistik lintas batas dan fulfilment",
            Need.PAYMENTS: "Pembayaran dan valuta asing",
            Need.MARKETING: "Pemasaran dan lokalisasi",
            Need.COMPLIANCE: "Kepatuhan dan sertifikasi",
            Need.FINANCING: "Pembiayaan dan subsidi",
            Need.TRAINING: "Pelatihan",
        },
        "demo_mark": "(contoh)",
        "providers": {
            "amazon": "Salah satu dari tiga platform internasional dalam aliansi kerja sama industri–akademisi "
            "e-commerce lintas batas.",
            "alibaba": "Platform perdagangan lintas batas B2B dan mitra aliansi.",
            "ebay": "Marketplace internasional yang bekerja sama dengan aliansi.",
            "pchome-thai": "Mengelola etalase “Taipei Good Products” bersama Pemerintah Kota Taipei.",
            "shopee": "Grup e-commerce dan pembayaran digital Asia Tenggara.",
            "logistics": "Penyedia logistik contoh: pengiriman paket, gudang luar negeri, dan kepabeanan.",
            "payments": "Penyedia pembayaran contoh: penerimaan pembayaran multimata uang dan konversi valuta.",
            "halal": "Konsultan kepatuhan contoh: sertifikasi dan pelabelan halal JAKIM, BPJPH, dan CICOT.",
            "bureau": "Menjalankan rencana empat tahun e-commerce lintas batas: pendampingan, subsidi, dan pelatihan.",
        },
        "languages": "Bahasa Mandarin, Bahasa Inggris",
        "eligibility": "<p>Usaha kecil dan menengah yang terdaftar di Taipei dan di portal ini.</p>",
        "how_it_works": "<p>Ajukan permintaan perkenalan di halaman ini; staf Dinas akan memeriksa kebutuhan Anda dan "
        "memperkenalkan Anda kepada penyedia layanan, yang selanjutnya akan menghubungi Anda secara langsung.</p>",
        "offerings": {
            "amazon-onboarding": (
                "Pembukaan toko Amazon",
                "Pendampingan langsung mulai dari pendaftaran akun dan pengunggahan produk hingga pengiriman stok ke "
                "gudang FBA.",
                "Gratis untuk perusahaan binaan",
            ),
            "alibaba-b2b-store": (
                "Toko B2B Alibaba.com",
                "Buka toko B2B dan temui pembeli di ASEAN dan India.",
                "Mulai sekitar NT$60.000 per tahun",
            ),
            "ebay-seller-programme": (
                "Program penjual lintas batas eBay",
                "Pembukaan akun penjual baru, optimalisasi listing, dan pilihan pengiriman.",
                "Gratis untuk perusahaan binaan",
            ),
            "taipei-good-products": (
                "Taipei Good Products di PChome Thai",
                "Tampilkan produk di etalase Taipei Good Products di PChome Thai, dengan promosi bersama.",
                "Biaya listing disubsidi untuk perusahaan binaan",
            ),
            "shopee-onboarding": (
                "Toko lintas batas Shopee",
                "Buka beberapa situs Shopee di Asia Tenggara sekaligus, termasuk penerjemahan dan konsolidasi "
                "pengiriman.",
                "Komisi atas penjualan",
            ),
            "asean-parcels": (
                "Pengiriman paket ke Asia Tenggara",
                "Dikirim dari Taipei dan tiba dalam tiga hingga tujuh hari, termasuk urusan kepabeanan.",
                "Mulai NT$150 per paket, disubsidi untuk perusahaan binaan",
            ),
            "thai-fulfilment": (
                "Fulfilment di Thailand",
                "Pergudangan, pengambilan pesanan, dan penanganan retur di Bangkok.",
                "Mulai NT$8.000 per bulan",
            ),
            "multi-currency-collection": (
                "Penerimaan multimata uang dan valuta asing",
                "Terima pembayaran dari marketplace, konversikan mata uangnya, dan kirimkan ke rekening di Taiwan.",
                "Biaya 0,5%–1%",
            ),
            "thai-malay-localisation": (
                "Lokalisasi produk dalam bahasa Thai dan bahasa Melayu",
                "Terjemahan deskripsi, gambar, dan kata kunci yang sesuai dengan pasar.",
                "Disubsidi untuk perusahaan binaan",
            ),
            "marketplace-ads-starter": (
                "Paket awal iklan marketplace",
                "Pengaturan iklan kata kunci pada bulan pertama beserta laporan hasilnya.",
                "Mulai NT$20.000",
            ),
            "halal-certification": (
                "Pendampingan sertifikasi halal",
                "Penyiapan dokumen dan pendampingan audit pabrik untuk sertifikat JAKIM, BPJPH, dan CICOT.",
                "Subsidi 50% untuk perusahaan binaan",
            ),
            "labelling-fda-check": (
                "Pemeriksaan label dan registrasi FDA",
                "Pemeriksaan label pangan, komposisi, serta registrasi FDA / Thai FDA.",
                "Mulai NT$5.000 per produk",
            ),
            "industrial-development-subsidy": (
                "Subsidi pengembangan industri",
                "Subsidi biaya perluasan pasar lintas batas dan informasi pinjaman berbunga rendah.",
                "Gratis",
            ),
            "alliance-talent-programme": (
                "Program talenta aliansi industri–akademisi",
                "Lima universitas dan tiga platform mengirim tim mahasiswa untuk praktik langsung di perusahaan.",
                "Gratis",
            ),
            "amazon-seller-bootcamp": (
                "Bootcamp penjual Amazon",
                "Kursus dua hari tentang pemilihan produk, iklan, dan layanan pelanggan.",
                "Gratis untuk perusahaan binaan",
            ),
        },
    },
    "vi": {
        "index": {
            "title": "Giải pháp trọn gói",
            "intro": "<p>Các dịch vụ thương mại điện tử xuyên biên giới do Sở tuyển chọn: mở gian hàng trên sàn thương "
            "mại điện tử, hậu cần, thanh toán, tiếp thị, tuân thủ và chứng nhận, tài chính và trợ cấp, đào tạo. "
            "Quý vị hãy chọn thị trường mục tiêu và nhu cầu để tìm dịch vụ phù hợp, sau đó đề nghị chúng tôi giới "
            "thiệu Quý vị với nhà cung cấp dịch vụ.</p>",
        },
        "categories": {
            Need.MARKETPLACE: "Mở gian hàng trên sàn thương mại điện tử",
            Need.LOGISTICS: "Hậu cần và hoàn tất đơn hàng xuyên biên giới",
            Need.PAYMENTS: "Thanh toán và ngoại hối",
            Need.MARKETING: "Tiếp thị và bản địa hóa",
            Need.COMPLIANCE: "Tuân thủ và chứng nhận",
            Need.FINANCING: "Tài chính và trợ cấp",
            Need.TRAINING: "Đào tạo",
        },
        "demo_mark": "(minh họa)",
        "providers": {
            "amazon": "Một trong ba nền tảng quốc tế của liên minh hợp tác giữa doanh nghiệp và nhà trường về thương "
            "mại điện tử xuyên biên giới.",
            "alibaba": "Nền tảng thương mại xuyên biên giới B2B, đối tác của liên minh.",
            "ebay": "Sàn thương mại điện tử quốc tế hợp tác với liên minh.",
            "pchome-thai": "Phối hợp với thành phố Đài Bắc vận hành gian hàng “Taipei Good Products”.",
            "shopee": "Tập đoàn thương mại điện tử và thanh toán số tại Đông Nam Á.",
            "logistics": "Nhà cung cấp dịch vụ hậu cần minh họa: gửi bưu kiện, kho hàng ở nước ngoài và thông quan.",
            "payments": "Nhà cung cấp dịch vụ thanh toán minh họa: thu tiền đa tiền tệ và quy đổi ngoại tệ.",
            "halal": "Đơn vị tư vấn tuân thủ minh họa: chứng nhận và ghi nhãn halal theo JAKIM, BPJPH và CICOT.",
            "bureau": "Triển khai kế hoạch bốn năm về thương mại điện tử xuyên biên giới: tư vấn, trợ cấp và đào tạo.",
        },
        "languages": "Tiếng Trung, tiếng Anh",
        "eligibility": "<p>Doanh nghiệp nhỏ và vừa đăng ký tại Đài Bắc và trên cổng thông tin này.</p>",
        "how_it_works": "<p>Quý vị gửi đề nghị giới thiệu ngay trên trang này; cán bộ của Sở sẽ xem xét nhu cầu và "
        "giới thiệu Quý vị với nhà cung cấp dịch vụ, sau đó nhà cung cấp sẽ liên hệ trực tiếp với Quý vị.</p>",
        "offerings": {
            "amazon-onboarding": (
                "Hỗ trợ mở gian hàng Amazon",
                "Đồng hành từ khâu đăng ký tài khoản, đăng sản phẩm đến nhập kho FBA.",
                "Miễn phí cho doanh nghiệp được tư vấn",
            ),
            "alibaba-b2b-store": (
                "Gian hàng B2B trên Alibaba.com",
                "Mở gian hàng B2B và tiếp cận người mua tại ASEAN và Ấn Độ.",
                "Từ khoảng NT$60.000 mỗi năm",
            ),
            "ebay-seller-programme": (
                "Chương trình người bán xuyên biên giới của eBay",
                "Mở tài khoản người bán mới, tối ưu tin đăng và lựa chọn phương thức vận chuyển.",
                "Miễn phí cho doanh nghiệp được tư vấn",
            ),
            "taipei-good-products": (
                "Taipei Good Products trên PChome Thai",
                "Đưa sản phẩm lên gian hàng Taipei Good Products trên PChome Thai, kèm chương trình quảng bá chung.",
                "Doanh nghiệp được tư vấn được hỗ trợ phí đăng sản phẩm",
            ),
            "shopee-onboarding": (
                "Gian hàng xuyên biên giới trên Shopee",
                "Mở gian hàng trên nhiều trang Shopee tại Đông Nam Á cùng lúc, bao gồm dịch thuật và gom hàng vận "
                "chuyển.",
                "Hoa hồng tính trên doanh số",
            ),
            "asean-parcels": (
                "Gửi bưu kiện đi Đông Nam Á",
                "Gửi hàng từ Đài Bắc, giao trong ba đến bảy ngày, đã bao gồm thủ tục hải quan.",
                "Từ NT$150 mỗi kiện, doanh nghiệp được tư vấn được hỗ trợ chi phí",
            ),
            "thai-fulfilment": (
                "Hoàn tất đơn hàng tại Thái Lan",
                "Lưu kho, lấy hàng và xử lý hàng hoàn trả tại Bangkok.",
                "Từ NT$8.000 mỗi tháng",
            ),
            "multi-currency-collection": (
                "Thu tiền đa tiền tệ và quy đổi ngoại tệ",
                "Nhận tiền thanh toán từ sàn, quy đổi ngoại tệ và chuyển về tài khoản tại Đài Loan.",
                "Phí 0,5%–1%",
            ),
            "thai-malay-localisation": (
                "Bản địa hóa sản phẩm sang tiếng Thái và tiếng Mã Lai",
                "Dịch nội dung mô tả, điều chỉnh hình ảnh và từ khóa cho phù hợp với thị trường.",
                "Doanh nghiệp được tư vấn được hỗ trợ chi phí",
            ),
            "marketplace-ads-starter": (
                "Gói quảng cáo khởi đầu trên sàn",
                "Thiết lập quảng cáo từ khóa trong tháng đầu tiên, kèm báo cáo kết quả.",
                "Từ NT$20.000",
            ),
            "halal-certification": (
                "Hỗ trợ chứng nhận halal",
                "Chuẩn bị hồ sơ và đồng hành trong đợt đánh giá nhà máy để được cấp chứng nhận JAKIM, BPJPH và CICOT.",
                "Doanh nghiệp được tư vấn được hỗ trợ 50% chi phí",
            ),
            "labelling-fda-check": (
                "Kiểm tra nhãn hàng hóa và đăng ký FDA",
                "Kiểm tra nhãn thực phẩm, thành phần và hồ sơ đăng ký FDA / Thai FDA.",
                "Từ NT$5.000 mỗi sản phẩm",
            ),
            "industrial-development-subsidy": (
                "Trợ cấp phát triển công nghiệp",
                "Trợ cấp chi phí mở rộng thị trường xuyên biên giới và tư vấn về các khoản vay ưu đãi.",
                "Miễn phí",
            ),
            "alliance-talent-programme": (
                "Chương trình đào tạo nhân lực của liên minh doanh nghiệp – nhà trường",
                "Năm trường đại học và ba nền tảng cử các nhóm sinh viên đến làm việc thực tế cùng doanh nghiệp.",
                "Miễn phí",
            ),
            "amazon-seller-bootcamp": (
                "Trại huấn luyện người bán trên Amazon",
                "Khóa học hai ngày về lựa chọn sản phẩm, quảng cáo và chăm sóc khách hàng.",
                "Miễn phí cho doanh nghiệp được tư vấn",
            ),
        },
    },
}

DEMO_SUFFIX = " (demo)"


def english_words():
    """The English words, gathered from the tables above in the shape of one entry of TRANSLATIONS."""
    return {
        "index": INDEX[ENGLISH],
        "categories": {need: title_en for need, _slug, _title_zh, title_en in CATEGORIES},
        "providers": {key: description_en for key, *_rest, description_en in PROVIDERS},
        "languages": "Chinese, English",
        "eligibility": EN_ELIGIBILITY,
        "how_it_works": EN_HOW,
        "offerings": {offering[0]: offering[6] for offering in OFFERINGS},
    }


def words(lang):
    return english_words() if lang == ENGLISH else TRANSLATIONS[lang]


def provider_name(name_en, lang):
    """A provider's proper name stays as in English; a demo provider's "(demo)" marker is translated."""
    if lang == ENGLISH or not name_en.endswith(DEMO_SUFFIX):
        return name_en
    return f"{name_en.removesuffix(DEMO_SUFFIX)} {TRANSLATIONS[lang]['demo_mark']}"


def stable_key(name):
    return uuid.uuid5(KEY_NAMESPACE, name)


def ensure_providers(default_locale, translations, *, stdout):
    """The zh-hant providers, and their copies in each locale of ``translations`` ({lang: locale})."""
    providers = {}
    created_count = 0
    for key, name_zh, name_en, website, markets, description_zh, _description_en in PROVIDERS:
        source, created = Provider.objects.get_or_create(
            translation_key=stable_key(f"provider:{key}"),
            locale=default_locale,
            defaults={
                "name": name_zh,
                "website": website,
                "markets": list(markets),
                "description": description_zh,
                "verified_at": VERIFIED_ON,
                "contact_email": f"{key}@providers.example.com",
            },
        )
        providers[key, DEFAULT] = source
        created_count += created
        for lang, locale in translations.items():
            provider = source.get_translation_or_none(locale)
            if provider is None:
                provider = source.copy_for_translation(locale)
                provider.name = provider_name(name_en, lang)
                provider.description = words(lang)["providers"][key]
                provider.save()
                created_count += 1
            providers[key, lang] = provider
    if created_count:
        stdout.write(f"  {created_count} providers created")
    return providers


def offering_fields(offering, lang, providers):
    """The words of an offering in ``lang`` and its provider in the same language."""
    slug, _need, provider_key, markets, free, zh, _en = offering
    if lang == DEFAULT:
        title, summary, price = zh
        return {
            "title": title,
            "summary": summary,
            "includes": f"<p>{summary}</p>",
            "provider": providers[provider_key, lang],
            "markets": list(markets),
            "languages": "中文、English",
            "price_range": price,
            "free_for_coached": free,
            "eligibility": ZH_ELIGIBILITY,
            "how_it_works": ZH_HOW,
        }
    texts = words(lang)
    title, summary, price = texts["offerings"][slug]
    return {
        "title": title,
        "summary": summary,
        "includes": f"<p>{summary}</p>",
        "provider": providers[provider_key, lang],
        "languages": texts["languages"],
        "price_range": price,
        "eligibility": texts["eligibility"],
        "how_it_works": texts["how_it_works"],
    }


def translated_locales(home, *, stdout):
    """{lang: locale} of the languages whose home page exists; the others are skipped with a message."""
    locales = {}
    for lang in TRANSLATED_LANGUAGES:
        locale = Locale.objects.filter(language_code=lang).first()
        if locale is None or home.get_translation_or_none(locale) is None:
            stdout.write(f"  no {lang} home page yet: {lang} solution catalog skipped")
            continue
        locales[lang] = locale
    return locales


def translate_catalog(index, categories, offerings, lang, locale, providers, *, stdout):
    """Copy the index, categories and offerings into ``locale`` with the words of ``lang``."""
    texts = words(lang)
    index_translation, _created = ensure_translation(index, locale, dict(texts["index"]), stdout=stdout)
    add_menu_item(index_translation, texts["index"]["title"], stdout=stdout)
    for need, category in categories.items():
        ensure_translation(category, locale, {"title": texts["categories"][need]}, stdout=stdout)
    for offering in OFFERINGS:
        fields = offering_fields(offering, lang, providers)
        ensure_translation(offerings[offering[0]], locale, fields, stdout=stdout)


@transaction.atomic
def seed(*, stdout):
    """Providers, the catalog index, its seven categories and fifteen offerings, in every language with a home."""
    default_locale = Locale.objects.filter(language_code=DEFAULT).first()
    home = find_home(default_locale) if default_locale else None
    if home is None:
        stdout.write("  no zh-hant home page yet: solution catalog skipped (seed the home pages first)")
        return
    translations = translated_locales(home, stdout=stdout)
    providers = ensure_providers(default_locale, translations, stdout=stdout)

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

    for lang, locale in translations.items():
        translate_catalog(index, categories, offerings, lang, locale, providers, stdout=stdout)
