"""Demo content of the public site, in the six site languages.

Traditional Chinese (the default) is written first; English, Thai, Malay, Indonesian and Vietnamese are
translations of it: the same pages, blocks, images and figures, in the same order. Names of universities and
companies are proper nouns: Thai and Vietnamese use their usual name in that language, Malay and Indonesian
keep the English one, as their press does.

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

from portal import site_address
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
THAI = "th"
MALAY = "ms"
INDONESIAN = "id"
VIETNAMESE = "vi"
# Translations of the default-language pages, in the order they are created.
TRANSLATIONS = (ENGLISH, THAI, MALAY, INDONESIAN, VIETNAMESE)
LANGUAGES = (DEFAULT, *TRANSLATIONS)
HERO_IMAGE_TITLE = "Demo: Taipei to Southeast Asia"


def stable_key(name):
    """The translation key shared by every language version of the demo object ``name``."""
    return uuid.uuid5(KEY_NAMESPACE, name)


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# --- Page texts ----------------------------------------------------------------------------------

# Home pages are siblings under the tree root: each language needs a slug of its own.
HOME = {
    DEFAULT: {"title": "臺北市跨境電商中心", "slug": "taipei-hub"},
    ENGLISH: {"title": "Taipei Cross-Border E-Commerce Hub", "slug": "taipei-hub-en"},
    THAI: {"title": "ศูนย์กลางอีคอมเมิร์ซข้ามพรมแดนไทเป", "slug": "taipei-hub-th"},
    MALAY: {"title": "Hab E-Dagang Rentas Sempadan Taipei", "slug": "taipei-hub-ms"},
    INDONESIAN: {"title": "Pusat E-Commerce Lintas Batas Taipei", "slug": "taipei-hub-id"},
    VIETNAMESE: {"title": "Cổng Thương mại Điện tử Xuyên biên giới Đài Bắc", "slug": "taipei-hub-vi"},
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
    THAI: {
        "title": "เกี่ยวกับแผนงาน",
        "slug": "about",
        "intro": (
            "กรมพัฒนาเศรษฐกิจ รัฐบาลนครไทเป ดำเนินแผนงานระยะสี่ปีที่ช่วยให้วิสาหกิจขนาดกลางและขนาดย่อม"
            "ขายสินค้าออนไลน์ข้ามพรมแดน โดยเฉพาะสู่ตลาดเอเชียตะวันออกเฉียงใต้"
        ),
    },
    MALAY: {
        "title": "Mengenai pelan",
        "slug": "about",
        "intro": (
            "Jabatan Pembangunan Ekonomi, Kerajaan Bandaraya Taipei menjalankan pelan empat tahun yang membantu "
            "syarikat kecil dan sederhana menjual secara dalam talian merentas sempadan, terutamanya ke Asia Tenggara."
        ),
    },
    INDONESIAN: {
        "title": "Tentang rencana",
        "slug": "about",
        "intro": (
            "Dinas Pengembangan Ekonomi Pemerintah Kota Taipei menjalankan rencana empat tahun yang membantu "
            "usaha kecil dan menengah berjualan secara daring lintas batas, terutama ke Asia Tenggara."
        ),
    },
    VIETNAMESE: {
        "title": "Giới thiệu kế hoạch",
        "slug": "about",
        "intro": (
            "Sở Phát triển Kinh tế, Chính quyền thành phố Đài Bắc triển khai kế hoạch bốn năm nhằm giúp các doanh "
            "nghiệp nhỏ và vừa bán hàng trực tuyến xuyên biên giới, đặc biệt là sang Đông Nam Á."
        ),
    },
}

NEWS_INDEX = {
    DEFAULT: {"title": "最新消息", "slug": "news", "intro": "計畫動態、活動與合作成果。"},
    ENGLISH: {"title": "News", "slug": "news", "intro": "Updates, events and results of the plan."},
    THAI: {"title": "ข่าวสาร", "slug": "news", "intro": "ความคืบหน้า กิจกรรม และผลการดำเนินงานของแผนงาน"},
    MALAY: {"title": "Berita", "slug": "news", "intro": "Perkembangan terkini, acara dan hasil pelan ini."},
    INDONESIAN: {"title": "Berita", "slug": "news", "intro": "Kabar terbaru, acara, dan hasil rencana ini."},
    VIETNAMESE: {"title": "Tin tức", "slug": "news", "intro": "Thông tin cập nhật, sự kiện và kết quả của kế hoạch."},
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
    THAI: {
        "title": "พันธมิตรความร่วมมือระหว่างภาคอุตสาหกรรมและสถาบันการศึกษา",
        "slug": "alliance",
        "intro": (
            "มหาวิทยาลัย 5 แห่ง มาร์เก็ตเพลสระดับโลก 3 แห่ง และบริษัทการค้า 30 แห่ง ร่วมกันฝึกอบรมนักศึกษา"
            "ผ่านโครงการส่งออกจริง เพื่อลดช่องว่างระหว่างห้องเรียนกับการทำงาน"
        ),
    },
    MALAY: {
        "title": "Pakatan industri–akademia",
        "slug": "alliance",
        "intro": (
            "Lima universiti, tiga platform pasaran global dan 30 syarikat perdagangan melatih pelajar melalui "
            "projek eksport sebenar, merapatkan jurang antara bilik kuliah dengan alam pekerjaan."
        ),
    },
    INDONESIAN: {
        "title": "Aliansi industri–akademisi",
        "slug": "alliance",
        "intro": (
            "Lima universitas, tiga marketplace global, dan 30 perusahaan dagang melatih mahasiswa melalui proyek "
            "ekspor nyata sehingga menjembatani kesenjangan antara ruang kuliah dan dunia kerja."
        ),
    },
    VIETNAMESE: {
        "title": "Liên minh doanh nghiệp – nhà trường",
        "slug": "alliance",
        "intro": (
            "Năm trường đại học, ba sàn thương mại điện tử toàn cầu và 30 công ty thương mại đào tạo sinh viên "
            "qua các dự án xuất khẩu thực tế, thu hẹp khoảng cách giữa giảng đường và công việc."
        ),
    },
}

# The key figures are the same in every language; only their labels are translated (same order).
FIGURE_NUMBERS = ("5", "3", "30", "30", "158")

HOME_BODY = {
    DEFAULT: {
        "hero_heading": "讓臺北的好產品走進東南亞",
        "hero_text": (
            "四年跨境電商計畫：前兩年輔導企業、培育人才，後兩年提升城市外貿競爭力。"
            "從平台上架、物流金流到清真認證，一站式協助中小企業前進新南向市場。"
        ),
        "hero_link": "認識計畫",
        "figures_heading": "產學合作聯盟",
        "figure_labels": (
            "所合作大學院校",
            "個國際跨境電商平台",
            "家外貿企業",
            "支學生團隊（2018 年）",
            "位參與學生（2018 年）",
        ),
        "programs_heading": "輔導計畫",
        "products_heading": "臺北好物精選",
        "news_heading": "最新消息",
    },
    ENGLISH: {
        "hero_heading": "Taking Taipei's good products to Southeast Asia",
        "hero_text": (
            "A four-year plan: coaching companies and training talent in years one and two, growing "
            "the city's cross-border trade in years three and four. From marketplace onboarding, "
            "logistics and payments to halal certification, one stop for small businesses."
        ),
        "hero_link": "About the plan",
        "figures_heading": "The alliance in numbers",
        "figure_labels": (
            "universities",
            "global marketplaces",
            "trading companies",
            "student teams in 2018",
            "students in 2018",
        ),
        "programs_heading": "Coaching programs",
        "products_heading": "Taipei Good Products to discover",
        "news_heading": "Latest news",
    },
    THAI: {
        "hero_heading": "นำสินค้าคุณภาพของไทเปสู่เอเชียตะวันออกเฉียงใต้",
        "hero_text": (
            "แผนงานระยะสี่ปี: สองปีแรกให้คำปรึกษาแก่บริษัทและพัฒนาบุคลากร สองปีหลังเสริมสร้างการค้าข้ามพรมแดนของเมือง "
            "ตั้งแต่การเปิดร้านบนมาร์เก็ตเพลส โลจิสติกส์ และการชำระเงิน ไปจนถึงการรับรองฮาลาล "
            "บริการแบบครบวงจรในจุดเดียวสำหรับธุรกิจขนาดเล็ก"
        ),
        "hero_link": "เกี่ยวกับแผนงาน",
        "figures_heading": "พันธมิตรในตัวเลข",
        "figure_labels": (
            "มหาวิทยาลัย",
            "มาร์เก็ตเพลสระดับโลก",
            "บริษัทการค้า",
            "ทีมนักศึกษาในปี 2018",
            "นักศึกษาในปี 2018",
        ),
        "programs_heading": "โครงการให้คำปรึกษา",
        "products_heading": "สินค้าดีจากไทเปที่น่าสนใจ",
        "news_heading": "ข่าวล่าสุด",
    },
    MALAY: {
        "hero_heading": "Membawa produk berkualiti Taipei ke Asia Tenggara",
        "hero_text": (
            "Pelan empat tahun: membimbing syarikat dan melatih bakat pada tahun pertama dan kedua, mengembangkan "
            "perdagangan rentas sempadan bandar raya pada tahun ketiga dan keempat. Daripada penyertaan ke platform "
            "pasaran, logistik dan pembayaran hingga pensijilan halal, semuanya di satu tempat untuk perniagaan kecil."
        ),
        "hero_link": "Mengenai pelan",
        "figures_heading": "Pakatan dalam angka",
        "figure_labels": (
            "universiti",
            "platform pasaran global",
            "syarikat perdagangan",
            "pasukan pelajar pada 2018",
            "pelajar pada 2018",
        ),
        "programs_heading": "Program bimbingan",
        "products_heading": "Produk pilihan Taipei",
        "news_heading": "Berita terkini",
    },
    INDONESIAN: {
        "hero_heading": "Membawa produk unggulan Taipei ke Asia Tenggara",
        "hero_text": (
            "Rencana empat tahun: pendampingan perusahaan dan pelatihan talenta pada tahun pertama dan kedua, "
            "pengembangan perdagangan lintas batas kota pada tahun ketiga dan keempat. Mulai dari pembukaan "
            "toko di marketplace, logistik, dan pembayaran hingga sertifikasi halal, semuanya di satu tempat "
            "bagi usaha kecil."
        ),
        "hero_link": "Tentang rencana",
        "figures_heading": "Aliansi dalam angka",
        "figure_labels": (
            "universitas",
            "marketplace global",
            "perusahaan dagang",
            "tim mahasiswa pada 2018",
            "mahasiswa pada 2018",
        ),
        "programs_heading": "Program pendampingan",
        "products_heading": "Produk pilihan Taipei",
        "news_heading": "Berita terbaru",
    },
    VIETNAMESE: {
        "hero_heading": "Đưa sản phẩm chất lượng của Đài Bắc đến Đông Nam Á",
        "hero_text": (
            "Kế hoạch bốn năm: năm thứ nhất và thứ hai tư vấn cho doanh nghiệp và đào tạo nhân lực, năm thứ ba và "
            "thứ tư phát triển thương mại xuyên biên giới của thành phố. Từ mở gian hàng trên sàn thương mại điện tử, "
            "hậu cần và thanh toán đến chứng nhận halal, hỗ trợ trọn gói cho doanh nghiệp nhỏ."
        ),
        "hero_link": "Giới thiệu kế hoạch",
        "figures_heading": "Liên minh qua những con số",
        "figure_labels": (
            "trường đại học",
            "sàn thương mại điện tử toàn cầu",
            "công ty thương mại",
            "nhóm sinh viên năm 2018",
            "sinh viên năm 2018",
        ),
        "programs_heading": "Chương trình tư vấn",
        "products_heading": "Sản phẩm Đài Bắc nổi bật",
        "news_heading": "Tin tức mới nhất",
    },
}


def home_body(lang, pages, image):
    texts = HOME_BODY[lang]
    figures = [
        {"number": number, "label": label} for number, label in zip(FIGURE_NUMBERS, texts["figure_labels"], strict=True)
    ]
    return [
        {
            "type": "hero",
            "value": {
                "heading": texts["hero_heading"],
                "text": texts["hero_text"],
                "image": image.pk,
                "call_to_action": {"label": texts["hero_link"], "page": pages["about"].pk, "url": ""},
            },
        },
        {"type": "key_figures", "value": {"heading": texts["figures_heading"], "figures": figures}},
        # Nothing chosen: the block shows the open programs and the newest products, which later demo modules
        # create; staff choose their own in the admin.
        {"type": "featured_programs", "value": {"heading": texts["programs_heading"], "pages": []}},
        {"type": "featured_products", "value": {"heading": texts["products_heading"], "products": []}},
        {"type": "latest_news", "value": {"heading": texts["news_heading"]}},
    ]


# The about page: two phases (a heading and a paragraph each), the one-stop solution (a lead and a list),
# a quote and a call to action towards the alliance page.
ABOUT_BODY = {
    DEFAULT: {
        "phases": (
            (
                "第一至二年：輔導企業、引導人才就業",
                "跨境電商已成為全球商貿的新主流。計畫前兩年以輔導企業及引導人才就業為核心，"
                "培養、扶植標竿企業，並協助企業培養跨境電商人才。",
            ),
            (
                "第三至四年：塑造城市商機、提升外貿競爭力",
                "第三至四年以塑造城市產業商機及提升城市外貿競爭力為核心，"
                "提升臺北市電子商務產業商機，讓臺北成為跨境電商標竿城市。",
            ),
        ),
        "solution_heading": "一站式解決方案",
        "solution_lead": "產業局提供一系列輔導措施，協助企業掌握市場商機：",
        "solution_items": (
            "跨境電商一站式解決方案：平台上架、物流、金流、行銷、清真等認證與融資",
            "輔導業者建立電商核心能力",
            "組成跨境電商產學合作聯盟，培訓企業實戰人才",
        ),
        "quote": ("政府扮演強而有力的後盾，提供行政服務、法令鬆綁及資源媒合，成為企業的一雙翅膀，翱翔在東南亞的天空。"),
        "attribution": "2018 Sea 東南亞論壇專題演講",
        "cta_heading": "認識產學合作聯盟",
        "cta_text": "五所大學、三大國際電商平台與 30 家外貿企業，一起培育跨境電商人才。",
        "cta_link": "查看聯盟夥伴",
    },
    ENGLISH: {
        "phases": (
            (
                "Years 1–2: coaching companies and training talent",
                "Cross-border e-commerce has become the new mainstream of world trade. In its first two years "
                "the plan coaches companies and guides talent into jobs: it nurtures model companies and helps "
                "businesses build cross-border e-commerce teams.",
            ),
            (
                "Years 3–4: growing the city's cross-border trade",
                "Years three and four create business opportunities for the city's industries and raise "
                "Taipei's competitiveness in foreign trade, so that Taipei becomes a model city for "
                "cross-border e-commerce.",
            ),
        ),
        "solution_heading": "A one-stop solution",
        "solution_lead": "The department offers a series of measures that help companies seize market opportunities:",
        "solution_items": (
            "a one-stop solution: marketplace onboarding, logistics, payments, marketing, "
            "certification such as halal, and financing",
            "coaching that builds core e-commerce skills inside each company",
            "an industry–academia alliance that trains people on real export projects",
        ),
        "quote": (
            "The government is a strong backer: administrative services, lighter regulation and "
            "matching resources, a pair of wings for companies flying in Southeast Asia's sky."
        ),
        "attribution": "Keynote at the 2018 Sea Southeast Asia Forum",
        "cta_heading": "Meet the industry–academia alliance",
        "cta_text": (
            "Five universities, three global marketplaces and 30 trading companies train e-commerce talent together."
        ),
        "cta_link": "See the partners",
    },
    THAI: {
        "phases": (
            (
                "ปีที่ 1–2: ให้คำปรึกษาแก่บริษัทและพัฒนาบุคลากร",
                "อีคอมเมิร์ซข้ามพรมแดนได้กลายเป็นกระแสหลักใหม่ของการค้าโลก ในสองปีแรก แผนงานมุ่งให้คำปรึกษาแก่บริษัท"
                "และนำบุคลากรเข้าสู่การทำงาน โดยบ่มเพาะบริษัทต้นแบบและช่วยให้ธุรกิจสร้างทีมงานอีคอมเมิร์ซข้ามพรมแดน",
            ),
            (
                "ปีที่ 3–4: เสริมสร้างการค้าข้ามพรมแดนของเมือง",
                "ในปีที่สามและปีที่สี่ แผนงานสร้างโอกาสทางธุรกิจให้แก่อุตสาหกรรมของเมือง และยกระดับขีดความสามารถ"
                "ในการแข่งขันด้านการค้าระหว่างประเทศของไทเป เพื่อให้ไทเปเป็นเมืองต้นแบบด้านอีคอมเมิร์ซข้ามพรมแดน",
            ),
        ),
        "solution_heading": "โซลูชันแบบครบวงจร",
        "solution_lead": "กรมพัฒนาเศรษฐกิจมีมาตรการหลายด้านที่ช่วยให้บริษัทคว้าโอกาสทางการตลาด ได้แก่",
        "solution_items": (
            "โซลูชันแบบครบวงจร: การเปิดร้านบนมาร์เก็ตเพลส โลจิสติกส์ การชำระเงิน การตลาด "
            "การรับรองมาตรฐาน เช่น ฮาลาล และการจัดหาเงินทุน",
            "การให้คำปรึกษาที่สร้างทักษะหลักด้านอีคอมเมิร์ซภายในแต่ละบริษัท",
            "พันธมิตรความร่วมมือระหว่างภาคอุตสาหกรรมและสถาบันการศึกษาที่ฝึกอบรมบุคลากรผ่านโครงการส่งออกจริง",
        ),
        "quote": (
            "ภาครัฐเป็นผู้สนับสนุนที่เข้มแข็ง ทั้งบริการด้านการบริหาร การผ่อนคลายกฎระเบียบ และการจับคู่ทรัพยากร "
            "เปรียบเสมือนปีกคู่หนึ่งที่พาบริษัทโบยบินบนท้องฟ้าเอเชียตะวันออกเฉียงใต้"
        ),
        "attribution": "ปาฐกถาพิเศษในงาน 2018 Sea Southeast Asia Forum",
        "cta_heading": "รู้จักพันธมิตรความร่วมมือระหว่างภาคอุตสาหกรรมและสถาบันการศึกษา",
        "cta_text": "มหาวิทยาลัย 5 แห่ง มาร์เก็ตเพลสระดับโลก 3 แห่ง และบริษัทการค้า 30 แห่ง ร่วมกันพัฒนาบุคลากรด้านอีคอมเมิร์ซ",
        "cta_link": "ดูรายชื่อพันธมิตร",
    },
    MALAY: {
        "phases": (
            (
                "Tahun 1–2: membimbing syarikat dan melatih bakat",
                "E-dagang rentas sempadan telah menjadi arus perdana baharu perdagangan dunia. Dalam dua tahun "
                "pertama, pelan ini membimbing syarikat dan menyalurkan bakat ke alam pekerjaan: ia memupuk syarikat "
                "contoh dan membantu perniagaan membina pasukan e-dagang rentas sempadan.",
            ),
            (
                "Tahun 3–4: mengembangkan perdagangan rentas sempadan bandar raya",
                "Tahun ketiga dan keempat mewujudkan peluang perniagaan bagi industri bandar raya dan meningkatkan "
                "daya saing Taipei dalam perdagangan luar negeri, supaya Taipei menjadi bandar raya contoh bagi "
                "e-dagang rentas sempadan.",
            ),
        ),
        "solution_heading": "Penyelesaian sehenti",
        "solution_lead": "Jabatan menawarkan beberapa langkah yang membantu syarikat merebut peluang pasaran:",
        "solution_items": (
            "penyelesaian sehenti: penyertaan ke platform pasaran, logistik, pembayaran, pemasaran, "
            "pensijilan seperti halal, dan pembiayaan",
            "bimbingan yang membina kemahiran teras e-dagang dalam setiap syarikat",
            "pakatan industri–akademia yang melatih tenaga kerja melalui projek eksport sebenar",
        ),
        "quote": (
            "Kerajaan ialah penyokong yang kukuh: perkhidmatan pentadbiran, peraturan yang lebih longgar dan "
            "pemadanan sumber, ibarat sepasang sayap bagi syarikat yang terbang di langit Asia Tenggara."
        ),
        "attribution": "Ucaptama di Forum Asia Tenggara Sea 2018",
        "cta_heading": "Kenali pakatan industri–akademia",
        "cta_text": (
            "Lima universiti, tiga platform pasaran global dan 30 syarikat perdagangan bersama-sama "
            "melatih bakat e-dagang."
        ),
        "cta_link": "Lihat rakan kongsi",
    },
    INDONESIAN: {
        "phases": (
            (
                "Tahun 1–2: pendampingan perusahaan dan pelatihan talenta",
                "E-commerce lintas batas telah menjadi arus utama baru perdagangan dunia. Pada dua tahun pertama, "
                "rencana ini mendampingi perusahaan dan mengarahkan talenta ke dunia kerja: membina perusahaan "
                "percontohan dan membantu pelaku usaha membentuk tim e-commerce lintas batas.",
            ),
            (
                "Tahun 3–4: mengembangkan perdagangan lintas batas kota",
                "Tahun ketiga dan keempat menciptakan peluang bisnis bagi industri kota dan meningkatkan daya "
                "saing Taipei dalam perdagangan luar negeri sehingga Taipei menjadi kota percontohan e-commerce "
                "lintas batas.",
            ),
        ),
        "solution_heading": "Solusi terpadu",
        "solution_lead": "Dinas menyediakan serangkaian langkah yang membantu perusahaan meraih peluang pasar:",
        "solution_items": (
            "solusi terpadu: pembukaan toko di marketplace, logistik, pembayaran, pemasaran, "
            "sertifikasi seperti halal, dan pembiayaan",
            "pendampingan yang membangun keterampilan inti e-commerce di setiap perusahaan",
            "aliansi industri–akademisi yang melatih tenaga kerja melalui proyek ekspor nyata",
        ),
        "quote": (
            "Pemerintah adalah pendukung yang kuat: layanan administrasi, deregulasi, dan pencocokan sumber daya, "
            "sepasang sayap bagi perusahaan yang terbang di langit Asia Tenggara."
        ),
        "attribution": "Pidato utama di Sea Southeast Asia Forum 2018",
        "cta_heading": "Kenali aliansi industri–akademisi",
        "cta_text": (
            "Lima universitas, tiga marketplace global, dan 30 perusahaan dagang bersama-sama "
            "melatih talenta e-commerce."
        ),
        "cta_link": "Lihat para mitra",
    },
    VIETNAMESE: {
        "phases": (
            (
                "Năm 1–2: tư vấn cho doanh nghiệp và đào tạo nhân lực",
                "Thương mại điện tử xuyên biên giới đã trở thành xu hướng chủ đạo mới của thương mại thế giới. "
                "Trong hai năm đầu, kế hoạch tư vấn cho doanh nghiệp và định hướng nhân lực vào thị trường việc làm: "
                "bồi dưỡng các doanh nghiệp tiêu biểu và giúp doanh nghiệp xây dựng đội ngũ thương mại điện tử "
                "xuyên biên giới.",
            ),
            (
                "Năm 3–4: phát triển thương mại xuyên biên giới của thành phố",
                "Năm thứ ba và thứ tư tạo cơ hội kinh doanh cho các ngành công nghiệp của thành phố và nâng cao năng "
                "lực cạnh tranh ngoại thương của Đài Bắc, đưa Đài Bắc trở thành thành phố kiểu mẫu về thương mại "
                "điện tử xuyên biên giới.",
            ),
        ),
        "solution_heading": "Giải pháp trọn gói",
        "solution_lead": "Sở đưa ra một loạt biện pháp giúp doanh nghiệp nắm bắt cơ hội thị trường:",
        "solution_items": (
            "giải pháp trọn gói: mở gian hàng trên sàn thương mại điện tử, hậu cần, thanh toán, tiếp thị, "
            "chứng nhận như halal và tài chính",
            "tư vấn giúp từng doanh nghiệp xây dựng năng lực cốt lõi về thương mại điện tử",
            "liên minh doanh nghiệp – nhà trường đào tạo nhân lực qua các dự án xuất khẩu thực tế",
        ),
        "quote": (
            "Chính quyền là hậu phương vững chắc: dịch vụ hành chính, nới lỏng quy định và kết nối nguồn lực, "
            "như đôi cánh giúp doanh nghiệp bay cao trên bầu trời Đông Nam Á."
        ),
        "attribution": "Bài phát biểu chính tại Diễn đàn Đông Nam Á Sea 2018",
        "cta_heading": "Tìm hiểu liên minh doanh nghiệp – nhà trường",
        "cta_text": (
            "Năm trường đại học, ba sàn thương mại điện tử toàn cầu và 30 công ty thương mại cùng đào tạo "
            "nhân lực thương mại điện tử."
        ),
        "cta_link": "Xem các đối tác",
    },
}


def about_body(lang, pages):
    texts = ABOUT_BODY[lang]
    body = []
    for heading, paragraph in texts["phases"]:
        body.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        body.append({"type": "paragraph", "value": _p(paragraph)})
    items = "".join(f"<li>{item}</li>" for item in texts["solution_items"])
    body += [
        {"type": "heading", "value": {"text": texts["solution_heading"], "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{texts['solution_lead']}</p><ul>{items}</ul>"},
        {"type": "quote", "value": {"quote": texts["quote"], "attribution": texts["attribution"]}},
        {
            "type": "call_to_action",
            "value": {
                "heading": texts["cta_heading"],
                "text": texts["cta_text"],
                "link": {"label": texts["cta_link"], "page": pages["alliance"].pk, "url": ""},
            },
        },
    ]
    return body


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
        THAI: {
            "title": "งาน 2018 Sea Southeast Asia Forum: ไทเปพร้อมหนุนบริษัทก้าวสู่ตลาดโลก",
            "intro": (
                "ในงานประชุมที่นิตยสาร CommonWealth และ Sea Group ร่วมกันจัดขึ้น นครไทเปได้แสดงปาฐกถาพิเศษ"
                "ว่าด้วยการสร้างสภาพแวดล้อมด้านอีคอมเมิร์ซให้แก่เมือง"
            ),
            "paragraphs": [
                "การประชุมครั้งนี้หารือว่าภาครัฐและภาคธุรกิจจะร่วมกันช่วยให้อุตสาหกรรมไต้หวันเข้าสู่ตลาดของนโยบาย"
                "มุ่งใต้ใหม่ได้อย่างไร ต่อจากปาฐกถาของนครไทเปเป็นการเสวนาเรื่องความเป็นไปได้ของไต้หวัน",
                "ปาฐกถานำเสนอนโยบายเมืองอัจฉริยะและอีคอมเมิร์ซของไทเป ตลอดจนการสนับสนุนนโยบายมุ่งใต้ใหม่"
                "ของรัฐบาลกลาง ซึ่งรวมถึงแผนงานอีคอมเมิร์ซข้ามพรมแดนระยะสี่ปีที่ประกอบด้วยโซลูชันแบบครบวงจร "
                "การให้คำปรึกษาแก่บริษัท และพันธมิตรความร่วมมือระหว่างภาคอุตสาหกรรมและสถาบันการศึกษา",
            ],
            "tags": ["มุ่งใต้ใหม่", "กิจกรรม"],
        },
        MALAY: {
            "title": "Forum Asia Tenggara Sea 2018: bandar raya menyokong syarikat ke pasaran global",
            "intro": (
                "Di forum anjuran Majalah CommonWealth dan Sea Group, bandar raya Taipei menyampaikan ucaptama "
                "tentang pembinaan persekitaran e-dagang untuk sebuah bandar raya."
            ),
            "paragraphs": [
                "Forum ini meneliti cara kerajaan dan perniagaan dapat bersama-sama membantu industri Taiwan memasuki "
                "pasaran Dasar Baharu ke Arah Selatan. Ucaptama bandar raya diikuti oleh sesi panel tentang "
                "peluang Taiwan.",
                "Ucaptama itu membentangkan dasar bandar raya pintar dan e-dagang Taipei serta sokongannya terhadap "
                "Dasar Baharu ke Arah Selatan peringkat kebangsaan, termasuk pelan e-dagang rentas sempadan empat "
                "tahun dengan penyelesaian sehenti, bimbingan untuk syarikat dan pakatan industri–akademia.",
            ],
            "tags": ["Dasar Baharu ke Arah Selatan", "Acara"],
        },
        INDONESIAN: {
            "title": "Sea Southeast Asia Forum 2018: Kota Taipei mendukung perusahaan menembus pasar global",
            "intro": (
                "Dalam forum yang diselenggarakan majalah CommonWealth dan Sea Group, Pemerintah Kota Taipei "
                "menyampaikan pidato utama tentang membangun ekosistem e-commerce bagi sebuah kota."
            ),
            "paragraphs": [
                "Forum ini membahas cara pemerintah dan dunia usaha bersama-sama membantu industri Taiwan memasuki "
                "pasar Kebijakan Arah Selatan Baru. Pidato utama kota dilanjutkan dengan diskusi panel tentang "
                "peluang Taiwan.",
                "Pidato tersebut memaparkan kebijakan kota pintar dan e-commerce Taipei serta dukungannya terhadap "
                "Kebijakan Arah Selatan Baru pemerintah pusat, termasuk rencana e-commerce lintas batas empat tahun "
                "dengan solusi terpadu, pendampingan bagi perusahaan, dan aliansi industri–akademisi.",
            ],
            "tags": ["Arah Selatan Baru", "Acara"],
        },
        VIETNAMESE: {
            "title": "Diễn đàn Đông Nam Á Sea 2018: thành phố làm hậu thuẫn cho doanh nghiệp vươn ra thế giới",
            "intro": (
                "Tại diễn đàn do tạp chí CommonWealth và Tập đoàn Sea tổ chức, thành phố Đài Bắc có bài phát biểu "
                "chính về việc xây dựng môi trường thương mại điện tử cho một thành phố."
            ),
            "paragraphs": [
                "Diễn đàn bàn về cách chính quyền và doanh nghiệp cùng nhau giúp các ngành công nghiệp Đài Loan tiến "
                "vào các thị trường của Chính sách Hướng Nam Mới. Sau bài phát biểu của thành phố là phiên thảo luận "
                "về những khả năng của Đài Loan.",
                "Bài phát biểu giới thiệu các chính sách thành phố thông minh và thương mại điện tử của Đài Bắc cùng "
                "sự hỗ trợ của thành phố đối với Chính sách Hướng Nam Mới của chính quyền trung ương, trong đó có kế "
                "hoạch thương mại điện tử xuyên biên giới bốn năm với giải pháp trọn gói, tư vấn cho doanh nghiệp và "
                "liên minh doanh nghiệp – nhà trường.",
            ],
            "tags": ["Hướng Nam Mới", "Sự kiện"],
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
        THAI: {
            "title": "พันธมิตรความร่วมมือภาคอุตสาหกรรมและสถาบันการศึกษา: 30 ทีม นักศึกษา 158 คน ลงมือทำโครงการจริง",
            "intro": ("มหาวิทยาลัย 5 แห่งร่วมกับ Amazon Alibaba eBay และบริษัทการค้า 30 แห่ง ฝึกอบรมบุคลากรผ่านงานส่งออกจริง"),
            "paragraphs": [
                "เพื่อพัฒนาบุคลากรด้านอีคอมเมิร์ซ นครไทเปได้รวบรวมมหาวิทยาลัยธุรกิจแห่งชาติไทเป มหาวิทยาลัยวัฒนธรรมจีน "
                "มหาวิทยาลัยวิทยาศาสตร์และเทคโนโลยีทากหมิง มหาวิทยาลัยหมิงชวน และมหาวิทยาลัยเทคโนโลยีทางทะเลไทเป "
                "ให้ร่วมมือกับ Amazon Alibaba และ eBay รวมทั้งบริษัทการค้า 30 แห่ง",
                "พันธมิตรฝึกอบรมนักศึกษาผ่านโครงการจริงของบริษัท และลดช่องว่างระหว่างการเรียนกับการทำงาน "
                "ในปี 2018 มีนักศึกษา 158 คนใน 30 ทีมเข้าร่วม",
            ],
            "tags": ["การพัฒนาบุคลากร", "พันธมิตร"],
        },
        MALAY: {
            "title": "Pakatan industri–akademia: 30 pasukan dan 158 pelajar dalam projek sebenar",
            "intro": (
                "Lima universiti bergabung dengan Amazon, Alibaba, eBay dan 30 syarikat perdagangan untuk melatih "
                "tenaga kerja melalui kerja eksport sebenar."
            ),
            "paragraphs": [
                "Untuk melatih bakat e-dagang, bandar raya Taipei menghimpunkan National Taipei University of "
                "Business, Chinese Culture University, Takming University of Science and Technology, Ming Chuan "
                "University dan Taipei University of Marine Technology bersama Amazon, Alibaba dan eBay serta "
                "30 syarikat perdagangan.",
                "Pakatan ini melatih pelajar melalui projek sebenar syarikat dan merapatkan jurang antara pengajian "
                "dengan pekerjaan: 30 pasukan dengan 158 pelajar mengambil bahagian pada 2018.",
            ],
            "tags": ["Bakat", "Pakatan"],
        },
        INDONESIAN: {
            "title": "Aliansi industri–akademisi: 30 tim dan 158 mahasiswa dalam proyek nyata",
            "intro": (
                "Lima universitas bergabung dengan Amazon, Alibaba, eBay, dan 30 perusahaan dagang untuk melatih "
                "tenaga kerja melalui pekerjaan ekspor nyata."
            ),
            "paragraphs": [
                "Untuk melatih talenta e-commerce, Pemerintah Kota Taipei menghimpun National Taipei University of "
                "Business, Chinese Culture University, Takming University of Science and Technology, Ming Chuan "
                "University, dan Taipei University of Marine Technology bersama Amazon, Alibaba, dan eBay serta "
                "30 perusahaan dagang.",
                "Aliansi ini melatih mahasiswa melalui proyek nyata perusahaan dan mempersempit kesenjangan antara "
                "bangku kuliah dan dunia kerja: 30 tim dengan 158 mahasiswa ikut serta pada 2018.",
            ],
            "tags": ["Talenta", "Aliansi"],
        },
        VIETNAMESE: {
            "title": "Liên minh doanh nghiệp – nhà trường: 30 nhóm, 158 sinh viên tham gia dự án thực tế",
            "intro": (
                "Năm trường đại học cùng Amazon, Alibaba, eBay và 30 công ty thương mại đào tạo nhân lực qua công "
                "việc xuất khẩu thực tế."
            ),
            "paragraphs": [
                "Để đào tạo nhân lực thương mại điện tử, thành phố Đài Bắc đã kết nối Đại học Thương mại Quốc gia "
                "Đài Bắc, Đại học Văn hóa Trung Quốc, Đại học Khoa học Kỹ thuật Tài chính Đức Minh, Đại học Minh "
                "Truyền và Đại học Khoa học Kỹ thuật Hải dương Đài Bắc với Amazon, Alibaba, eBay và 30 công ty "
                "thương mại.",
                "Liên minh đào tạo sinh viên qua các dự án thực tế của doanh nghiệp và thu hẹp khoảng cách giữa học "
                "và làm: năm 2018 có 30 nhóm với 158 sinh viên tham gia.",
            ],
            "tags": ["Nhân lực", "Liên minh"],
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
        THAI: {
            "title": "ร้าน Taipei Good Products เปิดตัวบน PChome Thai",
            "intro": "นครไทเปและ PChome Thai เปิดร้านค้าออนไลน์สำหรับสินค้าคุณภาพจากไทเป",
            "paragraphs": [
                "ในฐานะส่วนหนึ่งของการให้คำปรึกษาแก่บริษัทและสอดคล้องกับนโยบายมุ่งใต้ใหม่ นครไทเปได้ร่วมมือกับ "
                "PChome Thai เปิดร้าน Taipei Good Products (台北好物館) เพื่อทำการตลาดและส่งเสริมสินค้าของบริษัทในไทเป"
                "แก่ผู้บริโภคในประเทศไทย",
            ],
            "tags": ["Taipei Good Products", "ประเทศไทย"],
        },
        MALAY: {
            "title": "Taipei Good Products dibuka di PChome Thai",
            "intro": (
                "Bandar raya Taipei dan PChome Thai membuka kedai dalam talian untuk produk berkualiti dari Taipei."
            ),
            "paragraphs": [
                "Sebagai sebahagian daripada bimbingan untuk syarikat dan selaras dengan Dasar Baharu ke Arah Selatan, "
                "bandar raya Taipei bekerjasama dengan PChome Thai untuk membuka kedai Taipei Good Products "
                "(台北好物館), yang memasarkan dan mempromosikan produk syarikat Taipei kepada pembeli di Thailand.",
            ],
            "tags": ["Taipei Good Products", "Thailand"],
        },
        INDONESIAN: {
            "title": "Taipei Good Products hadir di PChome Thai",
            "intro": (
                "Pemerintah Kota Taipei dan PChome Thai membuka etalase daring untuk produk berkualitas dari Taipei."
            ),
            "paragraphs": [
                "Sebagai bagian dari pendampingan bagi perusahaan dan sejalan dengan Kebijakan Arah Selatan Baru, "
                "Pemerintah Kota Taipei bermitra dengan PChome Thai membuka etalase Taipei Good Products (台北好物館), "
                "yang memasarkan dan mempromosikan produk perusahaan Taipei kepada pembeli di Thailand.",
            ],
            "tags": ["Taipei Good Products", "Thailand"],
        },
        VIETNAMESE: {
            "title": "Taipei Good Products khai trương trên PChome Thai",
            "intro": "Thành phố Đài Bắc và PChome Thai mở gian hàng dành cho sản phẩm chất lượng từ Đài Bắc.",
            "paragraphs": [
                "Trong khuôn khổ hoạt động tư vấn cho doanh nghiệp và phù hợp với Chính sách Hướng Nam Mới, "
                "thành phố Đài Bắc hợp tác với PChome Thai mở gian hàng Taipei Good Products (台北好物館) để tiếp "
                "thị và quảng bá sản phẩm của các doanh nghiệp Đài Bắc tới người mua tại Thái Lan.",
            ],
            "tags": ["Taipei Good Products", "Thái Lan"],
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
        THAI: {
            "title": "ลงนามบันทึกความเข้าใจ 3 ฉบับกับรัฐสลังงอร์ และร่วมจัดการประชุมอุตสาหกรรมฮาลาล",
            "intro": (
                "ระหว่างการเยือนตามนโยบายมุ่งใต้ใหม่ นครไทเปได้ลงนามบันทึกความเข้าใจกับรัฐสลังงอร์ของมาเลเซีย "
                "ด้านสตาร์ทอัพ ระบบขนส่งอัจฉริยะ และเมืองอัจฉริยะ"
            ),
            "paragraphs": [
                "เพื่อช่วยให้อุตสาหกรรมไต้หวันเข้าถึงตลาดต่างประเทศ นายกเทศมนตรีได้นำคณะผู้แทนของนครไทเป"
                "เยือนเอเชียตะวันออกเฉียงใต้ในปี 2017 และลงนามบันทึกความเข้าใจ 3 ฉบับกับรัฐสลังงอร์ ประเทศมาเลเซีย "
                "ได้แก่ การแลกเปลี่ยนระหว่างประเทศด้านนวัตกรรมและสตาร์ทอัพ ระบบขนส่งอัจฉริยะ และเมืองอัจฉริยะ",
                "ในเดือนเมษายนของปีเดียวกัน รัฐบาลทั้งสองฝ่ายได้ร่วมกันจัดการประชุมปี 2017 ว่าด้วยอุตสาหกรรมฮาลาล"
                "และอีคอมเมิร์ซข้ามพรมแดน ซึ่งวางรากฐานความร่วมมือทางการค้ากับมาเลเซีย",
            ],
            "tags": ["มาเลเซีย", "ฮาลาล"],
        },
        MALAY: {
            "title": "Tiga MoU dengan Selangor dan forum industri halal bersama",
            "intro": (
                "Dalam lawatan Dasar Baharu ke Arah Selatan, bandar raya Taipei menandatangani memorandum dengan "
                "negeri Selangor, Malaysia, mengenai syarikat pemula, pengangkutan pintar dan bandar raya pintar."
            ),
            "paragraphs": [
                "Untuk membantu industri Taiwan menembusi pasaran antarabangsa, Datuk Bandar mengetuai delegasi "
                "bandar raya ke Asia Tenggara pada 2017 dan menandatangani tiga memorandum persefahaman dengan "
                "Selangor, Malaysia: pertukaran antarabangsa dalam inovasi dan syarikat pemula, sistem pengangkutan "
                "pintar dan bandar raya pintar.",
                "Pada April tahun yang sama, kedua-dua kerajaan menganjurkan forum 2017 mengenai industri halal dan "
                "e-dagang rentas sempadan, sekali gus meletakkan asas bagi kerjasama perdagangan dengan Malaysia.",
            ],
            "tags": ["Malaysia", "Halal"],
        },
        INDONESIAN: {
            "title": "Tiga MoU dengan Selangor dan forum industri halal bersama",
            "intro": (
                "Dalam kunjungan Arah Selatan Baru, Pemerintah Kota Taipei menandatangani nota kesepahaman dengan "
                "negara bagian Selangor, Malaysia, di bidang usaha rintisan, transportasi cerdas, dan kota pintar."
            ),
            "paragraphs": [
                "Untuk membantu industri Taiwan menjangkau pasar internasional, wali kota memimpin delegasi kota ke "
                "Asia Tenggara pada 2017 dan menandatangani tiga nota kesepahaman dengan Selangor, Malaysia: "
                "pertukaran internasional di bidang inovasi dan usaha rintisan, sistem transportasi cerdas, "
                "dan kota pintar.",
                "Pada April tahun yang sama, kedua pemerintah menyelenggarakan forum 2017 tentang industri halal dan "
                "e-commerce lintas batas, yang meletakkan fondasi kerja sama perdagangan dengan Malaysia.",
            ],
            "tags": ["Malaysia", "Halal"],
        },
        VIETNAMESE: {
            "title": "Ba bản ghi nhớ với bang Selangor và diễn đàn ngành halal đồng tổ chức",
            "intro": (
                "Trong chuyến công tác Hướng Nam Mới, thành phố Đài Bắc đã ký các bản ghi nhớ với bang Selangor "
                "của Malaysia về khởi nghiệp, giao thông thông minh và thành phố thông minh."
            ),
            "paragraphs": [
                "Nhằm giúp các ngành công nghiệp Đài Loan tiếp cận thị trường quốc tế, năm 2017 thị trưởng dẫn đầu "
                "đoàn công tác của thành phố sang Đông Nam Á và ký ba bản ghi nhớ hợp tác với bang Selangor, "
                "Malaysia: giao lưu quốc tế về đổi mới sáng tạo và khởi nghiệp, hệ thống giao thông thông minh và "
                "thành phố thông minh.",
                "Tháng 4 cùng năm, chính quyền hai bên đồng tổ chức diễn đàn năm 2017 về ngành halal và thương mại "
                "điện tử xuyên biên giới, đặt nền móng cho hợp tác thương mại với Malaysia.",
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
        THAI: {
            "title": "เมืองที่เป็นมิตรกับชาวมุสลิม: ไทเปมีร้านอาหารที่ได้รับการรับรองฮาลาล 46 แห่ง",
            "intro": "ไทเปยินดีต้อนรับชาวเอเชียตะวันออกเฉียงใต้ให้มาใช้ชีวิตและทำงานในเมือง",
            "paragraphs": [
                "เพื่อเชื่อมโยงกับตลาดเอเชียตะวันออกเฉียงใต้ ในปี 2018 นครไทเปได้จัดงานฉลองวันอีดิลฟิฏรี"
                "ร่วมกับมัสยิดใหญ่ไทเปและสำนักงานการค้าและเศรษฐกิจอินโดนีเซีย และจัดงานเทศกาลมุสลิมที่สวนป่าต้าอัน",
                "ปัจจุบันไทเปมีร้านอาหารและธุรกิจบริการที่พักและอาหารที่ได้รับการรับรองฮาลาลแล้ว 46 แห่ง ไทเปจึงเป็นเมืองที่เป็นมิตรกับชาวมุสลิม",
            ],
            "tags": ["ฮาลาล"],
        },
        MALAY: {
            "title": "Bandar raya mesra Muslim: 46 restoran bersijil halal di Taipei",
            "intro": "Taipei mengalu-alukan warga Asia Tenggara untuk tinggal dan bekerja di bandar raya ini.",
            "paragraphs": [
                "Untuk menjalin hubungan dengan pasaran Asia Tenggara, bandar raya Taipei menyambut Hari Raya "
                "Aidilfitri pada 2018 bersama Masjid Besar Taipei dan Pejabat Ekonomi dan Perdagangan Indonesia, "
                "serta mengadakan karnival Muslim di Taman Hutan Daan.",
                "Taipei sudah mempunyai 46 restoran dan perniagaan hospitaliti bersijil halal: Taipei ialah bandar "
                "raya mesra Muslim.",
            ],
            "tags": ["Halal"],
        },
        INDONESIAN: {
            "title": "Kota ramah Muslim: 46 restoran bersertifikat halal di Taipei",
            "intro": "Taipei menyambut warga Asia Tenggara untuk tinggal dan bekerja di kota ini.",
            "paragraphs": [
                "Untuk terhubung dengan pasar Asia Tenggara, pada 2018 Pemerintah Kota Taipei merayakan Idulfitri "
                "bersama Masjid Raya Taipei dan Kantor Dagang dan Ekonomi Indonesia, serta menggelar karnaval "
                "Muslim di Taman Hutan Daan.",
                "Taipei telah memiliki 46 restoran dan usaha perhotelan bersertifikat halal: Taipei adalah kota "
                "yang ramah Muslim.",
            ],
            "tags": ["Halal"],
        },
        VIETNAMESE: {
            "title": "Thành phố thân thiện với người Hồi giáo: Đài Bắc có 46 nhà hàng đạt chứng nhận halal",
            "intro": "Đài Bắc chào đón người dân Đông Nam Á đến sinh sống và làm việc tại thành phố.",
            "paragraphs": [
                "Để kết nối với thị trường Đông Nam Á, năm 2018 thành phố Đài Bắc cùng Thánh đường Hồi giáo lớn "
                "Đài Bắc và Văn phòng Kinh tế và Thương mại Indonesia tổ chức lễ Eid al-Fitr, đồng thời tổ chức "
                "lễ hội Hồi giáo tại Công viên Rừng Đại An.",
                "Đài Bắc hiện đã có 46 nhà hàng và cơ sở lưu trú, ăn uống đạt chứng nhận halal: đây là một thành phố "
                "thân thiện với người Hồi giáo.",
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
        THAI: {
            "title": "โครงการพัฒนาบุคลากรด้าน ICT: มหาวิทยาลัย 6 แห่งและบริษัท 12 แห่ง",
            "intro": (
                "มหาวิทยาลัย 6 แห่งเปิดรับนักศึกษาปีละ 240 ที่นั่ง เพื่อดึงดูดนักศึกษาจากเอเชียตะวันออกเฉียงใต้มาศึกษา ฝึกงาน และทำงานในไทเป"
            ),
            "paragraphs": [
                "นครไทเปได้เชิญภาควิชาด้าน ICT และการออกแบบเครื่องกลของมหาวิทยาลัย 6 แห่ง ซึ่งรวมถึง"
                "มหาวิทยาลัยแห่งชาติไต้หวันและมหาวิทยาลัยเทคโนโลยีแห่งชาติไทเป (Taipei Tech) ให้เปิดรับนักศึกษา"
                "ปีละ 240 ที่นั่ง ในภาคเรียนที่ 2 ของปีการศึกษา 2017 ได้รับนักศึกษาจากมาเลเซียและอินเดียแล้ว 20 คน",
                "นักศึกษาได้รับการสนับสนุนค่าเล่าเรียน เงินช่วยเหลือค่าครองชีพ และโอกาสฝึกงาน บริษัท 12 แห่ง "
                "เช่น Pegatron, Compal, Delta Electronics, HTC, ASUS และ Quanta เสนอตำแหน่งฝึกงานและงานประจำ",
            ],
            "tags": ["การพัฒนาบุคลากร"],
        },
        MALAY: {
            "title": "Program bakat ICT: 6 universiti dan 12 syarikat",
            "intro": (
                "Enam universiti menawarkan 240 tempat setahun untuk membawa pelajar Asia Tenggara ke Taipei "
                "untuk belajar, menjalani latihan industri dan bekerja."
            ),
            "paragraphs": [
                "Bandar raya Taipei menjemput jabatan ICT dan reka bentuk mekanikal di enam universiti, antaranya "
                "National Taiwan University dan Taipei Tech, untuk menawarkan 240 tempat setahun; pada semester "
                "kedua tahun akademik 2017, universiti tersebut menerima 20 pelajar dari Malaysia dan India.",
                "Pelajar menerima bantuan yuran pengajian, elaun sara hidup dan latihan industri. Dua belas syarikat, "
                "termasuk Pegatron, Compal, Delta Electronics, HTC, ASUS dan Quanta, menawarkan latihan industri "
                "dan pekerjaan.",
            ],
            "tags": ["Bakat"],
        },
        INDONESIAN: {
            "title": "Program talenta TIK: 6 universitas dan 12 perusahaan",
            "intro": (
                "Enam universitas menyediakan 240 kursi per tahun untuk mendatangkan mahasiswa Asia Tenggara ke "
                "Taipei untuk belajar, magang, dan bekerja."
            ),
            "paragraphs": [
                "Pemerintah Kota Taipei mengundang program studi TIK dan desain mekanik di enam universitas, di "
                "antaranya National Taiwan University dan Taipei Tech, untuk menyediakan 240 kursi per tahun; "
                "pada semester kedua tahun akademik 2017, universitas tersebut menerima 20 mahasiswa dari Malaysia "
                "dan India.",
                "Mahasiswa memperoleh bantuan biaya kuliah, tunjangan biaya hidup, dan kesempatan magang. Dua belas "
                "perusahaan, antara lain Pegatron, Compal, Delta Electronics, HTC, ASUS, dan Quanta, menawarkan "
                "magang dan pekerjaan.",
            ],
            "tags": ["Talenta"],
        },
        VIETNAMESE: {
            "title": "Chương trình nhân lực ICT: 6 trường đại học và 12 doanh nghiệp",
            "intro": (
                "Sáu trường đại học dành 240 suất mỗi năm để thu hút sinh viên Đông Nam Á đến Đài Bắc học tập, "
                "thực tập và làm việc."
            ),
            "paragraphs": [
                "Thành phố mời các khoa ICT và thiết kế cơ khí của sáu trường đại học, trong đó có Đại học Quốc gia "
                "Đài Loan và Đại học Công nghệ Quốc gia Đài Bắc (Taipei Tech), dành 240 suất mỗi năm; trong học kỳ 2 "
                "năm học 2017, các trường đã tiếp nhận 20 sinh viên đến từ Malaysia và Ấn Độ.",
                "Sinh viên được hỗ trợ học phí, trợ cấp sinh hoạt và có cơ hội thực tập. Mười hai doanh nghiệp, trong "
                "đó có Pegatron, Compal, Delta Electronics, HTC, ASUS và Quanta, cung cấp vị trí thực tập và việc làm.",
            ],
            "tags": ["Nhân lực"],
        },
    },
]

# (key, kind, names by language, website). Thai and Vietnamese use the universities' usual names in those
# languages; Malay and Indonesian keep the English ones. Platforms keep their brand names everywhere.
_UNIVERSITY_NAMES = {
    "partner:ntub": {
        DEFAULT: "台北商業大學",
        ENGLISH: "National Taipei University of Business",
        THAI: "มหาวิทยาลัยธุรกิจแห่งชาติไทเป",
        VIETNAMESE: "Đại học Thương mại Quốc gia Đài Bắc",
    },
    "partner:pccu": {
        DEFAULT: "中國文化大學",
        ENGLISH: "Chinese Culture University",
        THAI: "มหาวิทยาลัยวัฒนธรรมจีน",
        VIETNAMESE: "Đại học Văn hóa Trung Quốc",
    },
    "partner:takming": {
        DEFAULT: "德明財經科技大學",
        ENGLISH: "Takming University of Science and Technology",
        THAI: "มหาวิทยาลัยวิทยาศาสตร์และเทคโนโลยีทากหมิง",
        VIETNAMESE: "Đại học Khoa học Kỹ thuật Tài chính Đức Minh",
    },
    "partner:mcu": {
        DEFAULT: "銘傳大學",
        ENGLISH: "Ming Chuan University",
        THAI: "มหาวิทยาลัยหมิงชวน",
        VIETNAMESE: "Đại học Minh Truyền",
    },
    "partner:tumt": {
        DEFAULT: "台北海洋科技大學",
        ENGLISH: "Taipei University of Marine Technology",
        THAI: "มหาวิทยาลัยเทคโนโลยีทางทะเลไทเป",
        VIETNAMESE: "Đại học Khoa học Kỹ thuật Hải dương Đài Bắc",
    },
}


def _university(key, link):
    names = dict(_UNIVERSITY_NAMES[key])
    names[MALAY] = names[INDONESIAN] = names[ENGLISH]
    return (key, "university", names, link)


def _platform(key, name, link):
    return (key, "platform", dict.fromkeys(LANGUAGES, name), link)


PARTNERS = [
    _university("partner:ntub", "https://www.ntub.edu.tw"),
    _university("partner:pccu", "https://www.pccu.edu.tw"),
    _university("partner:takming", "https://www.takming.edu.tw"),
    _university("partner:mcu", "https://www.mcu.edu.tw"),
    _university("partner:tumt", "https://www.tumt.edu.tw"),
    _platform("partner:amazon", "Amazon", "https://www.amazon.com"),
    _platform("partner:alibaba", "Alibaba", "https://www.alibaba.com"),
    _platform("partner:ebay", "eBay", "https://www.ebay.com"),
    _platform("partner:pchome-thai", "PChome Thai", "https://www.pchome.co.th"),
    # Made-up example companies: their names are translated like any other demo text.
    (
        "partner:example-tea",
        "trading_company",
        {
            DEFAULT: "大稻埕茶葉貿易（範例）",
            ENGLISH: "Dadaocheng Tea Trading (example)",
            THAI: "บริษัทการค้าชาต้าเต้าเฉิง (ตัวอย่าง)",
            MALAY: "Perdagangan Teh Dadaocheng (contoh)",
            INDONESIAN: "Perdagangan Teh Dadaocheng (contoh)",
            VIETNAMESE: "Thương mại Trà Dadaocheng (ví dụ)",
        },
        "",
    ),
    (
        "partner:example-parts",
        "trading_company",
        {
            DEFAULT: "內湖精密零件外貿（範例）",
            ENGLISH: "Neihu Precision Parts Export (example)",
            THAI: "บริษัทส่งออกชิ้นส่วนความแม่นยำสูงเน่ยหู (ตัวอย่าง)",
            MALAY: "Eksport Komponen Kejituan Neihu (contoh)",
            INDONESIAN: "Ekspor Komponen Presisi Neihu (contoh)",
            VIETNAMESE: "Xuất khẩu Linh kiện Chính xác Neihu (ví dụ)",
        },
        "",
    ),
    (
        "partner:example-foods",
        "trading_company",
        {
            DEFAULT: "南港食品國際貿易（範例）",
            ENGLISH: "Nangang Foods International (example)",
            THAI: "บริษัทอาหารนานาชาติหนานกั่ง (ตัวอย่าง)",
            MALAY: "Makanan Antarabangsa Nangang (contoh)",
            INDONESIAN: "Pangan Internasional Nangang (contoh)",
            VIETNAMESE: "Thực phẩm Quốc tế Nangang (ví dụ)",
        },
        "",
    ),
]

PARTNER_DESCRIPTIONS = {
    "university": {
        DEFAULT: "培育跨境電商人才的聯盟大學院校。",
        ENGLISH: "Alliance university training cross-border e-commerce talent.",
        THAI: "มหาวิทยาลัยในพันธมิตรที่พัฒนาบุคลากรด้านอีคอมเมิร์ซข้ามพรมแดน",
        MALAY: "Universiti pakatan yang melatih bakat e-dagang rentas sempadan.",
        INDONESIAN: "Universitas anggota aliansi yang melatih talenta e-commerce lintas batas.",
        VIETNAMESE: "Trường đại học thành viên liên minh, đào tạo nhân lực thương mại điện tử xuyên biên giới.",
    },
    "platform": {
        DEFAULT: "與聯盟合作的國際跨境電商平台。",
        ENGLISH: "Global marketplace working with the alliance.",
        THAI: "มาร์เก็ตเพลสระดับโลกที่ร่วมงานกับพันธมิตร",
        MALAY: "Platform pasaran global yang bekerjasama dengan pakatan.",
        INDONESIAN: "Marketplace global yang bekerja sama dengan aliansi.",
        VIETNAMESE: "Sàn thương mại điện tử toàn cầu hợp tác với liên minh.",
    },
    "trading_company": {
        DEFAULT: "示範資料：聯盟 30 家外貿企業之一的範例。",
        ENGLISH: "Demo entry: an example of the alliance's 30 trading companies.",
        THAI: "ข้อมูลสาธิต: ตัวอย่างหนึ่งในบริษัทการค้า 30 แห่งของพันธมิตร",
        MALAY: "Entri demo: contoh salah satu daripada 30 syarikat perdagangan pakatan.",
        INDONESIAN: "Data demo: contoh salah satu dari 30 perusahaan dagang anggota aliansi.",
        VIETNAMESE: "Dữ liệu mẫu: ví dụ về một trong 30 công ty thương mại của liên minh.",
    },
}

MENU_LABELS = {
    DEFAULT: {"title": "主選單", "about": "關於計畫", "news": "最新消息", "alliance": "產學合作聯盟"},
    ENGLISH: {"title": "Main menu", "about": "About the plan", "news": "News", "alliance": "Alliance"},
    THAI: {"title": "เมนูหลัก", "about": "เกี่ยวกับแผนงาน", "news": "ข่าวสาร", "alliance": "พันธมิตร"},
    MALAY: {"title": "Menu utama", "about": "Mengenai pelan", "news": "Berita", "alliance": "Pakatan"},
    INDONESIAN: {"title": "Menu utama", "about": "Tentang rencana", "news": "Berita", "alliance": "Aliansi"},
    VIETNAMESE: {"title": "Menu chính", "about": "Giới thiệu kế hoạch", "news": "Tin tức", "alliance": "Liên minh"},
}

FOOTER_PHONE = "+886 2 2720 8889"
FOOTER_EMAIL = "crossborder@example.org"


def _footer(lang, *, title, organisation, address):
    """A language's footer: the copyright line names the organisation, the links repeat the menu's labels."""
    labels = MENU_LABELS[lang]
    return {
        "title": title,
        "organisation": organisation,
        "address": address,
        "phone": FOOTER_PHONE,
        "email": FOOTER_EMAIL,
        "copyright": f"© {organisation}",
        "links": [(name, labels[name]) for name in ("about", "alliance", "news")],
    }


FOOTER = {
    DEFAULT: _footer(
        DEFAULT,
        title="頁尾",
        organisation="臺北市政府產業發展局",
        address="11008 臺北市信義區市府路 1 號",
    ),
    ENGLISH: _footer(
        ENGLISH,
        title="Footer",
        organisation="Department of Economic Development, Taipei City Government",
        address="No. 1, Shifu Road, Xinyi District, Taipei 11008, Taiwan",
    ),
    THAI: _footer(
        THAI,
        title="ส่วนท้าย",
        organisation="กรมพัฒนาเศรษฐกิจ รัฐบาลนครไทเป",
        address="เลขที่ 1 ถนนชื่อฝู่ เขตซินอี้ ไทเป 11008 ไต้หวัน",
    ),
    MALAY: _footer(
        MALAY,
        title="Pengaki",
        organisation="Jabatan Pembangunan Ekonomi, Kerajaan Bandaraya Taipei",
        address="No. 1, Jalan Shifu, Daerah Xinyi, Taipei 11008, Taiwan",
    ),
    INDONESIAN: _footer(
        INDONESIAN,
        title="Footer",
        organisation="Dinas Pengembangan Ekonomi Pemerintah Kota Taipei",
        address="Jl. Shifu No. 1, Distrik Xinyi, Taipei 11008, Taiwan",
    ),
    VIETNAMESE: _footer(
        VIETNAMESE,
        title="Chân trang",
        organisation="Sở Phát triển Kinh tế, Chính quyền thành phố Đài Bắc",
        address="Số 1 đường Shifu, quận Xinyi, Đài Bắc 11008, Đài Loan",
    ),
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
    """The translation of ``source`` into ``locale``, copied and published if missing."""
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
    """Make ``home`` the default site's root page on the configured host; remove Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address.host_and_port()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
        stdout.write("  default site created")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
        stdout.write("  default site now starts at the home page")
    if site_address.sync_default_site():
        stdout.write(f"  default site now on {site_address.base_url()}")
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
    for key, kind, names, link in PARTNERS:
        for lang in LANGUAGES:
            _partner, created = PartnerOrganisation.objects.get_or_create(
                translation_key=stable_key(key),
                locale=locales[lang],
                defaults={
                    "name": names[lang],
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
    """Create the locales, the six page trees, partners, menus and footers if they are missing.

    Every language's menu exists when this returns: the later demo modules append their index pages to it.
    """
    locales = ensure_locales(stdout)
    image = ensure_hero_image(stdout)
    root = Page.get_first_root_node()

    trees = {}
    home, home_created = ensure_page(root, HomePage, "page:home", dict(HOME[DEFAULT]), stdout=stdout)
    ensure_site_root(home, stdout=stdout)
    trees[DEFAULT] = _build_tree(home, home_created, DEFAULT, image, stdout=stdout)

    for lang in TRANSLATIONS:
        translated_home, created = ensure_translation(home, locales[lang], dict(HOME[lang]), stdout=stdout)
        trees[lang] = _build_tree(translated_home, created, lang, image, source=trees[DEFAULT], stdout=stdout)

    ensure_partners(locales, stdout=stdout)
    for lang in LANGUAGES:
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
