"""Demo coaching programs, reviewers and about twenty applications in varied states (zh-hant and en).

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
}


def _question(kind, key, label, *, required=True, help_text="", choices=None):
    value = {"label": label, "help_text": help_text, "required": required}
    if choices:
        value["choices"] = choices
    return {"type": kind, "id": f"demo-{key}", "value": value}


def _section(key, title):
    return {"type": "section", "id": f"demo-{key}", "value": {"title": title, "description": ""}}


def questions(lang, halal=False):
    zh = lang == DEFAULT
    blocks = [
        _section("sec-business", "企業現況" if zh else "Your business"),
        _question("short_text", "product", "主力商品" if zh else "Main product"),
        _question(
            "single_choice",
            "maturity",
            "目前電商經驗" if zh else "Online selling today",
            choices=["尚未上線", "國內電商", "已有跨境銷售"] if zh else ["Not yet", "In Taiwan", "Already abroad"],
        ),
        _question(
            "multiple_choice",
            "markets",
            "目標市場" if zh else "Target markets",
            choices=["泰國", "馬來西亞", "印尼", "越南"] if zh else ["Thailand", "Malaysia", "Indonesia", "Vietnam"],
        ),
        _section("sec-plan", "計畫與數字" if zh else "Plan and numbers"),
        _question("long_text", "plan", "希望透過計畫達成的目標" if zh else "What you want to achieve"),
        _question("number", "revenue", "去年營業額（新臺幣）" if zh else "Last year's revenue (TWD)"),
        _question("yes_no", "staff", "是否有專職電商人員" if zh else "Dedicated e-commerce staff", required=False),
        _question("date", "start", "可開始日期" if zh else "Available from", required=False),
    ]
    if halal:
        blocks.append(_question("yes_no", "halal", "是否已有清真認證" if zh else "Already halal certified"))
    blocks.append(
        _question("file_upload", "registration", "公司登記證明" if zh else "Company registration certificate")
    )
    return blocks


def rubric(lang):
    zh = lang == DEFAULT
    return [
        {
            "type": "criterion",
            "id": "demo-c-product",
            "value": {"name": "商品競爭力" if zh else "Product", "weight": 3},
        },
        {
            "type": "criterion",
            "id": "demo-c-ready",
            "value": {"name": "執行準備度" if zh else "Readiness", "weight": 2},
        },
        {"type": "criterion", "id": "demo-c-market", "value": {"name": "市場潛力" if zh else "Market", "weight": 1}},
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
        },
    ]


def program_fields(spec, lang, coaches):
    texts = spec[lang]
    return {
        "title": texts["title"],
        "slug": texts["slug"],
        "summary": texts["summary"],
        "eligibility": texts["eligibility"],
        "benefits": texts["benefits"],
        "tracks": [{"type": "track", "value": {"title": t, "description": ""}} for t in texts["tracks"]],
        "target_markets": [{"type": "market", "value": m} for m in spec["markets"]],
        "faq": [{"type": "item", "value": {"question": qn, "answer": _rich(an)}} for qn, an in texts["faq"]],
        "opens_at": spec["opens_at"],
        "closes_at": spec["closes_at"],
        "capacity": spec["capacity"],
        "fee": spec["fee"],
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


def ensure_programs(home, en_home, coaches, stdout):
    index, _created = ensure_page(home, ProgramIndexPage, "page:programs", dict(INDEX[DEFAULT]), stdout=stdout)
    add_menu_item(index, INDEX[DEFAULT]["title"], stdout=stdout)
    if en_home is not None:
        ensure_translation(index, en_home.locale, dict(INDEX[ENGLISH]), stdout=stdout)
        add_menu_item(index.get_translation(en_home.locale), INDEX[ENGLISH]["title"], stdout=stdout)
    programs = {}
    for spec in programs_text(timezone.now()):
        page, created = ensure_page(
            index, ProgramPage, spec["key"], program_fields(spec, DEFAULT, coaches), stdout=stdout
        )
        if created:
            page.coaches.set(coaches)
            page.save_revision().publish()
        if en_home is not None:
            ensure_translation(page, en_home.locale, program_fields(spec, ENGLISH, coaches), stdout=stdout)
        programs[spec["key"]] = page
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
    en_locale = Locale.objects.filter(language_code=ENGLISH).first()
    en_home = home.get_translation_or_none(en_locale) if en_locale else None
    coaches = []
    for name, role, bio in COACHES:
        coach, created = Coach.objects.get_or_create(name=name, defaults={"role": role, "bio": bio})
        if created:
            stdout.write(f"  coach {name} created")
        coaches.append(coach)
    people = ensure_people(stdout)
    companies = ensure_companies(stdout)
    programs = ensure_programs(home, en_home, coaches, stdout)
    ensure_applications(programs, companies, people, coaches, stdout)
    stdout.write(f"  {ProgramPage.objects.count()} program pages, {Application.objects.count()} applications")
