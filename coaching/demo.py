"""Demo coaching programs, reviewers and about twenty applications in varied states.

The program index and the three programs exist in zh-hant and are translated into en, th, ms, id and vi
(each language whose home page exists); the applications belong to the zh-hant programs.

``seed(stdout=...)`` is idempotent: programs are found by translation key, people by e-mail, companies by
unified business number and applications by (program, company); existing objects are left alone. The
programs come from the city's plan (``shared/seeds/000_7467a158faa22e57.txt``): one-stop cross-border
coaching, the industry–academia alliance talent program and New Southbound market entry with halal support.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from portal.companies.models import Company, EcommerceMaturity, Industry, Membership
from portal.companies.validators import is_valid_ubn
from portal.home.demo import add_menu_item, ensure_page, ensure_translation
from portal.home.models import HomePage
from portal.markets import District, Market

from . import services
from .models import (
    Application,
    ApplicationDocument,
    Coach,
    CoachingSession,
    Milestone,
    ProgramIndexPage,
    ProgramPage,
    Review,
)

DEFAULT, ENGLISH = "zh-hant", "en"
# The languages the zh-hant programs are translated into, in the order they are seeded.
TRANSLATIONS = (ENGLISH, "th", "ms", "id", "vi")
S = Application.Status
PASSWORD = "demo-coaching-2026"
STAFF = [
    ("manager@demo.taipei", "Program managers", "Ming-Hui", "Wang"),
    ("reviewer1@demo.taipei", "Reviewers", "Ya-Ting", "Lee"),
    ("reviewer2@demo.taipei", "Reviewers", "Jun-Hao", "Chang"),
    ("decider@demo.taipei", "Decision makers", "Shu-Fen", "Huang"),
]
SME_EMAIL = "sme@demo.taipei"

COACHES = [
    ("林雅婷 Lin Ya-Ting", "Marketplace onboarding coach", "Launched 60+ Taiwanese brands on Shopee and Lazada."),
    ("陳建宏 Chen Chien-Hung", "Cross-border logistics coach", "Former freight forwarder; customs, HS codes, 3PL."),
    ("Nur Aisyah binti Rahman", "Halal and Malaysia market coach", "JAKIM certification and Malaysian retail."),
]

INDEX = {
    DEFAULT: {"title": "輔導計畫", "slug": "programs", "intro": "<p>臺北市產業發展局的跨境電商輔導與人才計畫。</p>"},
    ENGLISH: {
        "title": "Coaching programs",
        "slug": "programs",
        "intro": "<p>Cross-border e-commerce coaching and talent programs of Taipei City's industry bureau.</p>",
    },
    "th": {
        "title": "โครงการให้คำปรึกษา",
        "slug": "programs",
        "intro": "<p>โครงการให้คำปรึกษาด้านอีคอมเมิร์ซข้ามพรมแดนและโครงการพัฒนาบุคลากรของกรมพัฒนาเศรษฐกิจ รัฐบาลนครไทเป</p>",
    },
    "ms": {
        "title": "Program bimbingan",
        "slug": "programs",
        "intro": "<p>Program bimbingan e-dagang rentas sempadan dan program pembangunan bakat oleh "
        "Jabatan Pembangunan Ekonomi, Kerajaan Bandaraya Taipei.</p>",
    },
    "id": {
        "title": "Program pendampingan",
        "slug": "programs",
        "intro": "<p>Program pendampingan e-commerce lintas batas dan program pengembangan talenta dari "
        "Dinas Pengembangan Ekonomi Pemerintah Kota Taipei.</p>",
    },
    "vi": {
        "title": "Chương trình tư vấn",
        "slug": "programs",
        "intro": "<p>Các chương trình tư vấn thương mại điện tử xuyên biên giới và phát triển nhân lực "
        "của Sở Phát triển Kinh tế thành phố Đài Bắc.</p>",
    },
}

# The question builder's words per language. The keys become the questions' block ids ("demo-<key>"), which
# are the same in every language: answers are stored by id, so they stay valid whichever page they came from.
# A choice question's value is (label, choices).
QUESTION_TEXT = {
    DEFAULT: {
        "sec-business": "企業現況",
        "product": "主力商品",
        "maturity": ("目前電商經驗", ["尚未上線", "國內電商", "已有跨境銷售"]),
        "markets": ("目標市場", ["泰國", "馬來西亞", "印尼", "越南"]),
        "sec-plan": "計畫與數字",
        "plan": "希望透過計畫達成的目標",
        "revenue": "去年營業額（新臺幣）",
        "staff": "是否有專職電商人員",
        "start": "可開始日期",
        "halal": "是否已有清真認證",
        "registration": "公司登記證明",
    },
    ENGLISH: {
        "sec-business": "Your business",
        "product": "Main product",
        "maturity": ("Online selling today", ["Not yet", "In Taiwan", "Already abroad"]),
        "markets": ("Target markets", ["Thailand", "Malaysia", "Indonesia", "Vietnam"]),
        "sec-plan": "Plan and numbers",
        "plan": "What you want to achieve",
        "revenue": "Last year's revenue (TWD)",
        "staff": "Dedicated e-commerce staff",
        "start": "Available from",
        "halal": "Already halal certified",
        "registration": "Company registration certificate",
    },
    "th": {
        "sec-business": "ข้อมูลธุรกิจของท่าน",
        "product": "สินค้าหลัก",
        "maturity": (
            "ประสบการณ์การขายออนไลน์ในปัจจุบัน",
            ["ยังไม่เคยขายออนไลน์", "ขายออนไลน์ในไต้หวัน", "ขายข้ามพรมแดนแล้ว"],
        ),
        "markets": ("ตลาดเป้าหมาย", ["ไทย", "มาเลเซีย", "อินโดนีเซีย", "เวียดนาม"]),
        "sec-plan": "แผนงานและตัวเลขสำคัญ",
        "plan": "เป้าหมายที่ท่านต้องการบรรลุผ่านโครงการ",
        "revenue": "รายได้ของปีที่ผ่านมา (TWD)",
        "staff": "มีบุคลากรที่รับผิดชอบงานอีคอมเมิร์ซโดยเฉพาะหรือไม่",
        "start": "วันที่พร้อมเริ่มเข้าร่วมโครงการ",
        "halal": "ได้รับการรับรองฮาลาลแล้วหรือไม่",
        "registration": "หนังสือรับรองการจดทะเบียนบริษัท",
    },
    "ms": {
        "sec-business": "Perniagaan anda",
        "product": "Produk utama",
        "maturity": (
            "Pengalaman jualan dalam talian semasa",
            ["Belum menjual dalam talian", "Menjual di Taiwan", "Sudah menjual rentas sempadan"],
        ),
        "markets": ("Pasaran sasaran", ["Thailand", "Malaysia", "Indonesia", "Vietnam"]),
        "sec-plan": "Rancangan dan angka",
        "plan": "Matlamat yang ingin dicapai melalui program ini",
        "revenue": "Hasil jualan tahun lepas (TWD)",
        "staff": "Mempunyai kakitangan khusus untuk e-dagang",
        "start": "Tarikh boleh mula menyertai",
        "halal": "Sudah memiliki pensijilan halal",
        "registration": "Sijil pendaftaran syarikat",
    },
    "id": {
        "sec-business": "Profil usaha Anda",
        "product": "Produk utama",
        "maturity": (
            "Pengalaman penjualan daring saat ini",
            ["Belum berjualan daring", "Berjualan di Taiwan", "Sudah berjualan lintas batas"],
        ),
        "markets": ("Pasar sasaran", ["Thailand", "Malaysia", "Indonesia", "Vietnam"]),
        "sec-plan": "Rencana dan angka",
        "plan": "Tujuan yang ingin dicapai melalui program",
        "revenue": "Omzet tahun lalu (TWD)",
        "staff": "Memiliki staf khusus e-commerce",
        "start": "Dapat mulai pada tanggal",
        "halal": "Sudah memiliki sertifikat halal",
        "registration": "Bukti pendaftaran perusahaan",
    },
    "vi": {
        "sec-business": "Thông tin doanh nghiệp",
        "product": "Sản phẩm chủ lực",
        "maturity": (
            "Kinh nghiệm bán hàng trực tuyến hiện nay",
            ["Chưa bán hàng trực tuyến", "Đã bán tại Đài Loan", "Đã bán hàng xuyên biên giới"],
        ),
        "markets": ("Thị trường mục tiêu", ["Thái Lan", "Malaysia", "Indonesia", "Việt Nam"]),
        "sec-plan": "Kế hoạch và số liệu",
        "plan": "Mục tiêu mong muốn đạt được qua chương trình",
        "revenue": "Doanh thu năm trước (TWD)",
        "staff": "Có nhân sự chuyên trách thương mại điện tử",
        "start": "Ngày có thể bắt đầu",
        "halal": "Đã có chứng nhận Halal",
        "registration": "Giấy chứng nhận đăng ký doanh nghiệp",
    },
}

# Rubric criteria per language; the ids ("demo-c-<key>") and weights are the same in every language.
RUBRIC_TEXT = {
    DEFAULT: {"product": "商品競爭力", "ready": "執行準備度", "market": "市場潛力"},
    ENGLISH: {"product": "Product", "ready": "Readiness", "market": "Market"},
    "th": {
        "product": "ความสามารถในการแข่งขันของสินค้า",
        "ready": "ความพร้อมในการดำเนินงาน",
        "market": "ศักยภาพทางการตลาด",
    },
    "ms": {"product": "Daya saing produk", "ready": "Kesediaan pelaksanaan", "market": "Potensi pasaran"},
    "id": {"product": "Daya saing produk", "ready": "Kesiapan pelaksanaan", "market": "Potensi pasar"},
    "vi": {
        "product": "Năng lực cạnh tranh của sản phẩm",
        "ready": "Mức độ sẵn sàng triển khai",
        "market": "Tiềm năng thị trường",
    },
}
RUBRIC_WEIGHTS = {"product": 3, "ready": 2, "market": 1}


def _question(kind, key, label, *, required=True, help_text="", choices=None):
    value = {"label": label, "help_text": help_text, "required": required}
    if choices:
        value["choices"] = choices
    return {"type": kind, "id": f"demo-{key}", "value": value}


def _section(key, title):
    return {"type": "section", "id": f"demo-{key}", "value": {"title": title, "description": ""}}


def questions(lang, halal=False):
    text = QUESTION_TEXT[lang]
    maturity, maturity_choices = text["maturity"]
    markets, market_choices = text["markets"]
    blocks = [
        _section("sec-business", text["sec-business"]),
        _question("short_text", "product", text["product"]),
        _question("single_choice", "maturity", maturity, choices=list(maturity_choices)),
        _question("multiple_choice", "markets", markets, choices=list(market_choices)),
        _section("sec-plan", text["sec-plan"]),
        _question("long_text", "plan", text["plan"]),
        _question("number", "revenue", text["revenue"]),
        _question("yes_no", "staff", text["staff"], required=False),
        _question("date", "start", text["start"], required=False),
    ]
    if halal:
        blocks.append(_question("yes_no", "halal", text["halal"]))
    blocks.append(_question("file_upload", "registration", text["registration"]))
    return blocks


def rubric(lang):
    return [
        {"type": "criterion", "id": f"demo-c-{key}", "value": {"name": name, "weight": RUBRIC_WEIGHTS[key]}}
        for key, name in RUBRIC_TEXT[lang].items()
    ]


def _rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def programs_text(now):
    return [
        {
            "key": "program:one-stop",
            "opens_at": now - datetime.timedelta(days=20),
            "closes_at": now + datetime.timedelta(days=40),
            "capacity": 8,
            "fee": 0,
            "halal": False,
            "markets": [Market.THAILAND, Market.MALAYSIA, Market.SINGAPORE],
            DEFAULT: {
                "title": "跨境電商一站式輔導",
                "slug": "one-stop-coaching",
                "summary": "從平台開店、物流金流到行銷，一站式協助中小企業踏出跨境銷售第一步。",
                "eligibility": _rich("設籍臺北市、具統一編號之中小企業。"),
                "benefits": _rich("一對一顧問輔導、平台開店協助、物流與金流方案媒合。"),
                "tracks": ["平台開店", "物流與金流", "數位行銷"],
                "faq": [("需要付費嗎？", "本計畫免費。")],
            },
            ENGLISH: {
                "title": "One-stop cross-border coaching",
                "slug": "one-stop-coaching",
                "summary": "From opening a marketplace store to logistics, payments and marketing: "
                "one-stop help for a small company's first cross-border sale.",
                "eligibility": _rich("Small and medium-sized companies registered in Taipei with a business number."),
                "benefits": _rich("One-to-one coaching, store set-up, matched logistics and payment providers."),
                "tracks": ["Marketplace store", "Logistics and payments", "Digital marketing"],
                "faq": [("Is there a fee?", "The program is free.")],
            },
            "th": {
                "title": "โครงการให้คำปรึกษาอีคอมเมิร์ซข้ามพรมแดนแบบครบวงจร",
                "slug": "one-stop-coaching",
                "summary": "ตั้งแต่การเปิดร้านบนมาร์เก็ตเพลส โลจิสติกส์ การชำระเงิน ไปจนถึงการตลาด "
                "โครงการนี้ช่วยเหลือวิสาหกิจขนาดกลางและขนาดย่อมแบบครบวงจรในการก้าวสู่การขายข้ามพรมแดนครั้งแรก",
                "eligibility": _rich("วิสาหกิจขนาดกลางและขนาดย่อมที่จดทะเบียนในนครไทเปและมีเลขทะเบียนนิติบุคคล (UBN)"),
                "benefits": _rich(
                    "การให้คำปรึกษาแบบตัวต่อตัวโดยที่ปรึกษา ความช่วยเหลือในการเปิดร้านบนมาร์เก็ตเพลส "
                    "และการจับคู่กับผู้ให้บริการโลจิสติกส์และการชำระเงิน"
                ),
                "tracks": ["การเปิดร้านบนมาร์เก็ตเพลส", "โลจิสติกส์และการชำระเงิน", "การตลาดดิจิทัล"],
                "faq": [("มีค่าใช้จ่ายหรือไม่", "โครงการนี้ไม่มีค่าใช้จ่าย")],
            },
            "ms": {
                "title": "Bimbingan sehenti e-dagang rentas sempadan",
                "slug": "one-stop-coaching",
                "summary": "Daripada membuka kedai di platform pasaran dalam talian hingga logistik, pembayaran dan "
                "pemasaran: bantuan sehenti bagi perusahaan kecil dan sederhana untuk jualan rentas sempadan "
                "yang pertama.",
                "eligibility": _rich(
                    "Perusahaan kecil dan sederhana yang berdaftar di Taipei dan mempunyai Nombor Perniagaan Bersatu."
                ),
                "benefits": _rich(
                    "Bimbingan perunding secara individu, bantuan membuka kedai dalam talian, serta padanan dengan "
                    "penyedia perkhidmatan logistik dan pembayaran."
                ),
                "tracks": ["Kedai di platform pasaran", "Logistik dan pembayaran", "Pemasaran digital"],
                "faq": [("Adakah sebarang yuran dikenakan?", "Program ini tidak dikenakan sebarang bayaran.")],
            },
            "id": {
                "title": "Pendampingan terpadu e-commerce lintas batas",
                "slug": "one-stop-coaching",
                "summary": "Mulai dari membuka toko di marketplace hingga logistik, pembayaran, dan pemasaran: "
                "pendampingan terpadu bagi usaha kecil dan menengah untuk meraih penjualan lintas batas pertamanya.",
                "eligibility": _rich(
                    "Usaha kecil dan menengah yang terdaftar di Kota Taipei dan memiliki nomor identitas usaha terpadu."
                ),
                "benefits": _rich(
                    "Pendampingan konsultan secara personal, bantuan pembukaan toko, serta penjodohan dengan "
                    "penyedia jasa logistik dan pembayaran."
                ),
                "tracks": ["Toko di marketplace", "Logistik dan pembayaran", "Pemasaran digital"],
                "faq": [("Apakah program ini dipungut biaya?", "Program ini tidak dipungut biaya.")],
            },
            "vi": {
                "title": "Tư vấn trọn gói thương mại điện tử xuyên biên giới",
                "slug": "one-stop-coaching",
                "summary": "Từ mở gian hàng trên sàn thương mại điện tử đến logistics, thanh toán và tiếp thị: "
                "hỗ trợ trọn gói giúp doanh nghiệp nhỏ và vừa có đơn hàng xuyên biên giới đầu tiên.",
                "eligibility": _rich("Doanh nghiệp nhỏ và vừa đăng ký tại thành phố Đài Bắc, có mã số doanh nghiệp."),
                "benefits": _rich(
                    "Chuyên gia tư vấn kèm cặp riêng, hỗ trợ mở gian hàng, kết nối với các nhà cung cấp dịch vụ "
                    "logistics và thanh toán."
                ),
                "tracks": ["Mở gian hàng trên sàn", "Logistics và thanh toán", "Tiếp thị số"],
                "faq": [("Chương trình có thu phí không?", "Chương trình hoàn toàn miễn phí.")],
            },
        },
        {
            "key": "program:alliance-talent",
            "opens_at": now - datetime.timedelta(days=200),
            "closes_at": now - datetime.timedelta(days=150),
            "capacity": 6,
            "fee": 0,
            "halal": False,
            "markets": [Market.UNITED_STATES, Market.JAPAN, Market.THAILAND],
            DEFAULT: {
                "title": "跨境電商產學合作聯盟人才計畫",
                "slug": "alliance-talent",
                "summary": "五所大學結合 Amazon、Alibaba、eBay 與外貿企業，由學生團隊協助企業實戰經營跨境電商。",
                "eligibility": _rich("願意提供學生團隊實習機會的外貿企業。"),
                "benefits": _rich("學生團隊協作、平台講師培訓、媒合實習與就業。"),
                "tracks": ["Amazon", "Alibaba", "eBay"],
                "faq": [("學生團隊多大？", "每隊約五名學生。")],
            },
            ENGLISH: {
                "title": "Industry–academia alliance talent program",
                "slug": "alliance-talent",
                "summary": "Five universities with Amazon, Alibaba, eBay and trading companies: student teams work "
                "on a real company's cross-border store.",
                "eligibility": _rich("Trading companies willing to host a student team."),
                "benefits": _rich("A student team, platform trainers, internships and hiring."),
                "tracks": ["Amazon", "Alibaba", "eBay"],
                "faq": [("How large is a team?", "About five students.")],
            },
            "th": {
                "title": "โครงการพัฒนาบุคลากรภายใต้พันธมิตรความร่วมมือภาคอุตสาหกรรมและสถาบันการศึกษา",
                "slug": "alliance-talent",
                "summary": "มหาวิทยาลัยห้าแห่งร่วมมือกับ Amazon, Alibaba, eBay และบริษัทการค้าระหว่างประเทศ "
                "โดยทีมนักศึกษาจะร่วมบริหารร้านค้าข้ามพรมแดนของบริษัทจริง",
                "eligibility": _rich("บริษัทการค้าระหว่างประเทศที่ยินดีรับทีมนักศึกษาเข้าฝึกงาน"),
                "benefits": _rich("การทำงานร่วมกับทีมนักศึกษา การอบรมโดยวิทยากรจากแพลตฟอร์ม และการจับคู่การฝึกงานและการจ้างงาน"),
                "tracks": ["Amazon", "Alibaba", "eBay"],
                "faq": [("ทีมนักศึกษามีกี่คน", "แต่ละทีมมีนักศึกษาประมาณห้าคน")],
            },
            "ms": {
                "title": "Program bakat pakatan industri–akademia",
                "slug": "alliance-talent",
                "summary": "Lima universiti bersama Amazon, Alibaba, eBay dan syarikat perdagangan: pasukan pelajar "
                "mengendalikan kedai rentas sempadan sebuah syarikat sebenar.",
                "eligibility": _rich(
                    "Syarikat perdagangan yang bersedia menerima pasukan pelajar untuk latihan industri."
                ),
                "benefits": _rich(
                    "Kerjasama dengan pasukan pelajar, latihan oleh jurulatih platform, serta padanan latihan "
                    "industri dan peluang pekerjaan."
                ),
                "tracks": ["Amazon", "Alibaba", "eBay"],
                "faq": [
                    (
                        "Berapa orangkah dalam sesebuah pasukan?",
                        "Setiap pasukan terdiri daripada kira-kira lima pelajar.",
                    )
                ],
            },
            "id": {
                "title": "Program talenta aliansi industri–perguruan tinggi",
                "slug": "alliance-talent",
                "summary": "Lima universitas bersama Amazon, Alibaba, eBay, dan perusahaan perdagangan: tim mahasiswa "
                "mengelola toko lintas batas milik perusahaan secara langsung.",
                "eligibility": _rich("Perusahaan perdagangan yang bersedia menerima tim mahasiswa untuk magang."),
                "benefits": _rich(
                    "Kolaborasi dengan tim mahasiswa, pelatihan oleh instruktur platform, serta penyaluran magang "
                    "dan kerja."
                ),
                "tracks": ["Amazon", "Alibaba", "eBay"],
                "faq": [("Berapa jumlah anggota setiap tim?", "Setiap tim beranggotakan sekitar lima mahasiswa.")],
            },
            "vi": {
                "title": "Chương trình nhân lực liên minh hợp tác doanh nghiệp – nhà trường",
                "slug": "alliance-talent",
                "summary": "Năm trường đại học cùng Amazon, Alibaba, eBay và các doanh nghiệp ngoại thương: các nhóm "
                "sinh viên trực tiếp vận hành gian hàng xuyên biên giới của một doanh nghiệp thực tế.",
                "eligibility": _rich("Doanh nghiệp ngoại thương sẵn sàng tiếp nhận một nhóm sinh viên thực tập."),
                "benefits": _rich(
                    "Làm việc cùng nhóm sinh viên, được giảng viên của các sàn đào tạo, kết nối thực tập và tuyển dụng."
                ),
                "tracks": ["Amazon", "Alibaba", "eBay"],
                "faq": [("Mỗi nhóm có bao nhiêu sinh viên?", "Mỗi nhóm có khoảng năm sinh viên.")],
            },
        },
        {
            "key": "program:new-southbound",
            "opens_at": now - datetime.timedelta(days=60),
            "closes_at": now + datetime.timedelta(days=10),
            "capacity": 5,
            "fee": 3000,
            "halal": True,
            "markets": [Market.MALAYSIA, Market.INDONESIA, Market.THAILAND],
            DEFAULT: {
                "title": "新南向市場拓展與清真認證輔導",
                "slug": "new-southbound-halal",
                "summary": "進軍馬來西亞、印尼與泰國：市場調查、通路媒合，並協助取得 JAKIM、BPJPH、CICOT 清真認證。",
                "eligibility": _rich("食品、美妝或保健產品業者。"),
                "benefits": _rich("清真認證輔導、當地通路媒合、台北好物館上架。"),
                "tracks": ["清真認證", "通路媒合"],
                "faq": [("費用？", "新臺幣 3,000 元，錄取後繳交。")],
            },
            ENGLISH: {
                "title": "New Southbound market entry with halal certification support",
                "slug": "new-southbound-halal",
                "summary": "Enter Malaysia, Indonesia and Thailand: market research, distributor matching and help "
                "with JAKIM, BPJPH and CICOT halal certification.",
                "eligibility": _rich("Food, beauty or health product companies."),
                "benefits": _rich("Halal certification support, distributors, a place in Taipei Good Products."),
                "tracks": ["Halal certification", "Distributor matching"],
                "faq": [("Fee?", "NT$3,000, paid after acceptance.")],
            },
            "th": {
                "title": "โครงการขยายตลาดตามนโยบายมุ่งใต้ใหม่พร้อมการสนับสนุนการขอรับรองฮาลาล",
                "slug": "new-southbound-halal",
                "summary": "บุกตลาดมาเลเซีย อินโดนีเซีย และไทย ด้วยการสำรวจตลาด การจับคู่กับผู้จัดจำหน่าย "
                "และความช่วยเหลือในการขอรับรองฮาลาลจาก JAKIM, BPJPH และ CICOT",
                "eligibility": _rich("ผู้ประกอบการผลิตภัณฑ์อาหาร เครื่องสำอาง หรือผลิตภัณฑ์เพื่อสุขภาพ"),
                "benefits": _rich(
                    "การให้คำปรึกษาด้านการรับรองฮาลาล การจับคู่กับช่องทางจัดจำหน่ายในประเทศเป้าหมาย "
                    "และการวางจำหน่ายสินค้าบนไทเปกู๊ดโปรดักส์"
                ),
                "tracks": ["การรับรองฮาลาล", "การจับคู่ช่องทางจัดจำหน่าย"],
                "faq": [("ค่าใช้จ่ายเท่าใด", "NT$3,000 ชำระหลังจากได้รับการคัดเลือกเข้าร่วมโครงการ")],
            },
            "ms": {
                "title": "Kemasukan pasaran Dasar Arah Selatan Baharu dengan sokongan pensijilan halal",
                "slug": "new-southbound-halal",
                "summary": "Memasuki pasaran Malaysia, Indonesia dan Thailand: kajian pasaran, padanan pengedar dan "
                "bantuan mendapatkan pensijilan halal JAKIM, BPJPH dan CICOT.",
                "eligibility": _rich("Syarikat produk makanan, kecantikan atau kesihatan."),
                "benefits": _rich(
                    "Sokongan pensijilan halal, padanan dengan pengedar tempatan dan penyenaraian di "
                    "Taipei Good Products."
                ),
                "tracks": ["Pensijilan halal", "Padanan pengedar"],
                "faq": [("Berapakah yuran program?", "NT$3,000, dibayar selepas permohonan diterima.")],
            },
            "id": {
                "title": "Ekspansi pasar Kebijakan Baru ke Arah Selatan dengan dukungan sertifikasi halal",
                "slug": "new-southbound-halal",
                "summary": "Memasuki pasar Malaysia, Indonesia, dan Thailand: riset pasar, penjodohan dengan "
                "distributor, serta bantuan memperoleh sertifikasi halal JAKIM, BPJPH, dan CICOT.",
                "eligibility": _rich("Perusahaan produk makanan, kecantikan, atau kesehatan."),
                "benefits": _rich(
                    "Pendampingan sertifikasi halal, penjodohan dengan distributor lokal, dan penayangan produk di "
                    "Taipei Good Products."
                ),
                "tracks": ["Sertifikasi halal", "Penjodohan distributor"],
                "faq": [("Berapa biayanya?", "NT$3.000, dibayarkan setelah dinyatakan diterima.")],
            },
            "vi": {
                "title": "Mở rộng thị trường theo Chính sách Hướng Nam mới, hỗ trợ chứng nhận Halal",
                "slug": "new-southbound-halal",
                "summary": "Thâm nhập thị trường Malaysia, Indonesia và Thái Lan: nghiên cứu thị trường, kết nối nhà "
                "phân phối và hỗ trợ xin chứng nhận Halal của JAKIM, BPJPH và CICOT.",
                "eligibility": _rich("Doanh nghiệp kinh doanh thực phẩm, mỹ phẩm hoặc sản phẩm chăm sóc sức khỏe."),
                "benefits": _rich(
                    "Hỗ trợ chứng nhận Halal, kết nối nhà phân phối tại địa phương, đưa sản phẩm lên "
                    "Taipei Good Products."
                ),
                "tracks": ["Chứng nhận Halal", "Kết nối nhà phân phối"],
                "faq": [("Phí tham gia là bao nhiêu?", "NT$3.000, nộp sau khi hồ sơ được chấp nhận.")],
            },
        },
    ]


def program_fields(spec, lang, coaches):
    """Every field of the zh-hant source program: its words and the operational facts."""
    return {
        **translated_program_fields(spec, lang),
        "opens_at": spec["opens_at"],
        "closes_at": spec["closes_at"],
        "capacity": spec["capacity"],
        "fee": spec["fee"],
        "target_markets": [{"type": "market", "value": m} for m in spec["markets"]],
    }


def translated_program_fields(spec, lang):
    """The words of a program in ``lang``; the facts (dates, capacity, fee, markets) come from the copied source."""
    texts = spec[lang]
    return {
        "title": texts["title"],
        "slug": texts["slug"],
        "summary": texts["summary"],
        "eligibility": texts["eligibility"],
        "benefits": texts["benefits"],
        "tracks": [{"type": "track", "value": {"title": t, "description": ""}} for t in texts["tracks"]],
        "faq": [{"type": "item", "value": {"question": qn, "answer": _rich(an)}} for qn, an in texts["faq"]],
        "questions": questions(lang, halal=spec["halal"]),
        "rubric": rubric(lang),
    }


# Companies that apply: name, English name, district, industry. UBNs are generated with a valid checksum.
APPLICANTS = [
    ("好食光食品有限公司", "Good Times Foods", District.NEIHU, Industry.FOOD),
    ("茶山小農股份有限公司", "Tea Hill Farmers", District.WENSHAN, Industry.AGRICULTURE),
    ("美肌研究所有限公司", "Skin Lab", District.DAAN, Industry.BEAUTY),
    ("單車風行股份有限公司", "Bike Breeze", District.NANGANG, Industry.SPORTS),
    ("紙藝工坊有限公司", "Paper Craft Studio", District.DATONG, Industry.STATIONERY),
    ("家居美學有限公司", "Home Aesthetics", District.SONGSHAN, Industry.HOME),
    ("健康森活股份有限公司", "Healthy Forest", District.BEITOU, Industry.HEALTH),
    ("智慧聲學科技有限公司", "Smart Acoustics", District.NEIHU, Industry.ELECTRONICS),
    ("鳳梨酥本舖有限公司", "Pineapple Cake House", District.ZHONGSHAN, Industry.FOOD),
    ("布藝時尚有限公司", "Fabric Fashion", District.WANHUA, Industry.FASHION),
]

# (program key, applicant index, final status); the path to each status follows the lifecycle.
APPLICATIONS = [
    ("program:one-stop", 0, S.SUBMITTED),
    ("program:one-stop", 1, S.IN_REVIEW),
    ("program:one-stop", 2, S.IN_REVIEW),
    ("program:one-stop", 3, S.CHANGES_REQUESTED),
    ("program:one-stop", 4, S.SHORTLISTED),
    ("program:one-stop", 5, S.DRAFT),
    ("program:one-stop", 6, S.RESUBMITTED),
    ("program:one-stop", 7, S.WITHDRAWN),
    ("program:alliance-talent", 1, S.COMPLETED),
    ("program:alliance-talent", 3, S.ENROLLED),
    ("program:alliance-talent", 4, S.ENROLLED),
    ("program:alliance-talent", 7, S.REJECTED),
    ("program:alliance-talent", 9, S.WAITLISTED),
    ("program:new-southbound", 0, S.ACCEPTED),
    ("program:new-southbound", 2, S.SHORTLISTED),
    ("program:new-southbound", 6, S.WAITLISTED),
    ("program:new-southbound", 8, S.IN_REVIEW),
    ("program:new-southbound", 5, S.REJECTED),
    ("program:new-southbound", 9, S.SUBMITTED),
    ("program:new-southbound", 3, S.DRAFT),
]

PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.IN_REVIEW: [S.SUBMITTED, S.IN_REVIEW],
    S.CHANGES_REQUESTED: [S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED],
    S.RESUBMITTED: [S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.RESUBMITTED],
    S.SHORTLISTED: [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED],
    S.ACCEPTED: [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.ACCEPTED],
    S.WAITLISTED: [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.WAITLISTED],
    S.REJECTED: [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.REJECTED],
    S.ENROLLED: [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.ACCEPTED, S.ENROLLED],
    S.COMPLETED: [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.ACCEPTED, S.ENROLLED, S.COMPLETED],
    S.WITHDRAWN: [S.SUBMITTED, S.WITHDRAWN],
}


def _ubn(n):
    head = f"{(8_800_000 + n * 7919) % 10**7:07d}"
    return next(head + str(d) for d in range(10) if is_valid_ubn(head + str(d)))


def ensure_people(stdout):
    people = {}
    for email, group_name, first, last in STAFF:
        user, created = get_user_model().objects.get_or_create(
            email=email, defaults={"is_staff": True, "first_name": first, "last_name": last}
        )
        if created:
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
            stdout.write(f"  created {email} ({group_name}; dev-only password: {PASSWORD})")
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        user.groups.add(Group.objects.get(name=group_name))
        people[email] = user
    return people


def ensure_companies(stdout):
    companies = []
    sme = get_user_model().objects.filter(email=SME_EMAIL).first()
    for n, (name_zh, name_en, district, industry) in enumerate(APPLICANTS):
        company, created = Company.objects.get_or_create(
            ubn=_ubn(n),
            defaults={
                "name_zh": name_zh,
                "name_en": name_en,
                "address": "臺北市信義區市府路1號",
                "district": district,
                "industry": industry,
                "target_markets": [Market.THAILAND, Market.MALAYSIA],
                "ecommerce_maturity": EcommerceMaturity.DOMESTIC,
            },
        )
        if created:
            stdout.write(f"  company {company} created")
        companies.append(company)
    if sme is not None:
        Membership.objects.get_or_create(company=companies[0], user=sme, defaults={"role": Membership.Role.MEMBER})
    return companies


def translated_homes(home, stdout):
    """The home page in each language of TRANSLATIONS; a language without one is skipped with a message."""
    homes = {}
    for lang in TRANSLATIONS:
        locale = Locale.objects.filter(language_code=lang).first()
        translation = home.get_translation_or_none(locale) if locale else None
        if translation is None:
            stdout.write(f"  no {lang} home page yet: {lang} coaching programs skipped")
            continue
        homes[lang] = translation
    return homes


def ensure_programs(home, coaches, stdout):
    """The zh-hant program index and programs, and their translations into every language that has a home page.

    Translations are copies of the zh-hant pages (dates, capacity, fee, markets and coaches come with the copy);
    only the words are set per language.
    """
    index, _created = ensure_page(home, ProgramIndexPage, "page:programs", dict(INDEX[DEFAULT]), stdout=stdout)
    add_menu_item(index, INDEX[DEFAULT]["title"], stdout=stdout)
    specs = programs_text(timezone.now())
    programs = {}
    for spec in specs:
        page, created = ensure_page(
            index, ProgramPage, spec["key"], program_fields(spec, DEFAULT, coaches), stdout=stdout
        )
        if created:
            page.coaches.set(coaches)
            page.save_revision().publish()
        programs[spec["key"]] = page
    for lang, translated_home in translated_homes(home, stdout).items():
        translated_index, _created = ensure_translation(index, translated_home.locale, dict(INDEX[lang]), stdout=stdout)
        add_menu_item(translated_index, INDEX[lang]["title"], stdout=stdout)
        for spec in specs:
            ensure_translation(
                programs[spec["key"]], translated_home.locale, translated_program_fields(spec, lang), stdout=stdout
            )
    services.program_managers_grant_pages(index=index)
    return programs


def _answers(n, halal):
    answers = {
        "demo-product": ["鳳梨酥", "高山茶", "保濕面膜", "摺疊單車", "手工筆記本", "香氛蠟燭", "益生菌", "藍牙喇叭"][
            n % 8
        ],
        "demo-maturity": "國內電商",
        "demo-markets": ["泰國", "馬來西亞"],
        "demo-plan": "在 Shopee 泰國開店，第一年跨境營收達新臺幣 300 萬元。",
        "demo-revenue": str(5_000_000 + n * 1_250_000),
        "demo-staff": "yes" if n % 2 else "no",
    }
    if halal:
        answers["demo-halal"] = "no"
    return answers


DEMO_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _attach_registration(application):
    document = ApplicationDocument(
        application=application,
        question_id="demo-registration",
        original_name="company-registration.pdf",
        content_type="application/pdf",
        size=len(DEMO_PDF),
    )
    document.file.save("upload", ContentFile(DEMO_PDF), save=True)


def ensure_applications(programs, companies, people, coaches, stdout):
    manager = people["manager@demo.taipei"]
    reviewers = [people["reviewer1@demo.taipei"], people["reviewer2@demo.taipei"]]
    decider = people["decider@demo.taipei"]
    created_count = 0
    for n, (key, company_index, final) in enumerate(APPLICATIONS):
        program, company = programs[key], companies[company_index]
        if Application.objects.filter(program=program, company=company).exists():
            continue
        application = Application.objects.create(
            program=program,
            company=company,
            language=DEFAULT if n % 3 else ENGLISH,
            contact_name=["林美玲", "陳志明", "王小華", "張雅婷"][n % 4],
            contact_title="經理",
            contact_email=f"contact{n}@example.com",
            contact_phone="02-2720-8889",
            company_details=services.company_snapshot(company),
            answers=_answers(n, key == "program:new-southbound"),
            consent_at=timezone.now() if final != S.DRAFT else None,
        )
        if final != S.DRAFT:
            _attach_registration(application)
        for status in PATHS[final]:
            by = None
            if status in (S.IN_REVIEW, S.CHANGES_REQUESTED, S.SHORTLISTED, S.ENROLLED, S.COMPLETED):
                by = manager
            elif status in Application.DECISIONS:
                by = decider
            application.set_status(status, by=by, note="")
            if status == S.SUBMITTED:
                application.reference = services.next_reference(timezone.localdate().year)
                application.save(update_fields=["reference"])
            if status == S.IN_REVIEW and not application.reviews.exists():
                for offset, reviewer in enumerate(reviewers):
                    services.reviewer_assign(application=application, reviewer=reviewer, by=manager)
                    score = 2 + (n + offset) % 4
                    Review.objects.create(
                        application=application,
                        reviewer=reviewer,
                        scores={"demo-c-product": score, "demo-c-ready": max(1, score - 1), "demo-c-market": 4},
                        comment="商品有特色，建議先聚焦單一市場。",
                    )
        if final in (S.ENROLLED, S.COMPLETED):
            CoachingSession.objects.create(
                application=application,
                date=timezone.localdate() - datetime.timedelta(days=30),
                coach=coaches[0],
                topic="Shopee 泰國開店與商品上架",
                notes="完成賣家註冊與十項商品上架。",
            )
            Milestone.objects.create(
                application=application,
                kind=Milestone.Kind.MARKETPLACE_STORE,
                achieved_on=timezone.localdate() - datetime.timedelta(days=20),
                description="Shopee Thailand",
            )
        created_count += 1
    if created_count:
        stdout.write(f"  {created_count} applications created")


@transaction.atomic
def seed(*, stdout):
    stdout.write("Coaching programs and applications:")
    default_locale = Locale.objects.filter(language_code=DEFAULT).first()
    home = HomePage.objects.filter(locale=default_locale).first() if default_locale else None
    if home is None:
        stdout.write("  no home page yet: run the site pages demo first; coaching demo skipped")
        return
    coaches = []
    for name, role, bio in COACHES:
        coach, created = Coach.objects.get_or_create(name=name, defaults={"role": role, "bio": bio})
        if created:
            stdout.write(f"  coach {name} created")
        coaches.append(coach)
    people = ensure_people(stdout)
    companies = ensure_companies(stdout)
    programs = ensure_programs(home, coaches, stdout)
    ensure_applications(programs, companies, people, coaches, stdout)
    stdout.write(f"  {ProgramPage.objects.count()} program pages, {Application.objects.count()} applications")
