"""Demo requests for quotation, one per language, each matched to the demo SME's supplier (and whoever else
matches), with quotes from the demo supplier and another matched one, so the buyer's comparison and the
supplier dashboard have something to show. No e-mail is sent. Idempotent: a request is recognised by its
buyer's e-mail address."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from catalog.showcase.demo import DEMO_MEMBER_EMAIL
from catalog.showcase.models import Product
from portal.companies.models import Company

from .matching import matching_company_ids
from .models import Quote, QuoteRequest, QuoteVersion, RequestMatch

# (language, buyer, company, e-mail, currency, destination, description, days to the deadline)
REQUESTS = [
    (
        "th",
        "สมชาย ใจดี",
        "Bangkok Fine Foods Co., Ltd.",
        "rfq-somchai@bangkok-fine-foods.example",
        "THB",
        "TH",
        "ต้องการขนมของฝากจากไต้หวันบรรจุกล่องสวยงาม พร้อมฉลากภาษาไทย สำหรับร้านค้าปลีก 20 สาขา",
        21,
    ),
    (
        "ms",
        "Nur Aisyah binti Ahmad",
        "Halal Pantry Sdn. Bhd.",
        "rfq-aisyah@halal-pantry.example",
        "MYR",
        "MY",
        "Kami mencari kudapan Taiwan dalam kotak hadiah untuk rangkaian kedai runcit di Kuala Lumpur.",
        30,
    ),
    (
        "id",
        "Budi Santoso",
        "Nusantara Oleh-Oleh",
        "rfq-budi@nusantara.example",
        "IDR",
        "ID",
        "Kami membutuhkan camilan khas Taiwan untuk toko oleh-oleh di Jakarta, kemasan kecil.",
        45,
    ),
    (
        "vi",
        "Nguyễn Văn An",
        "Saigon Gifts JSC",
        "rfq-an@saigon-gifts.example",
        "VND",
        "VN",
        "Cần đồ ăn vặt Đài Loan đóng hộp quà, nhãn tiếng Việt, giao đến TP. Hồ Chí Minh.",
        14,
    ),
    (
        "en",
        "Tan Wei Ling",
        "Lion City Provisions Pte. Ltd.",
        "rfq-weiling@lioncity.example",
        "SGD",
        "SG",
        "Premium Taiwanese snacks in gift boxes for corporate orders before Lunar New Year.",
        60,
    ),
    (
        "zh-hant",
        "林美玲",
        "吉隆坡台灣商行",
        "rfq-meiling@kl-taiwan.example",
        "MYR",
        "MY",
        "徵求台灣特色伴手禮，需精美禮盒包裝，供吉隆坡門市販售。",
        28,
    ),
]


def _demo_company():
    user = get_user_model().objects.filter(email=DEMO_MEMBER_EMAIL).first()
    return Company.objects.for_user(user).first() if user else None


def _quote(quote_request, company, *, price, revised):
    product = Product.objects.public().for_company(company).in_category(quote_request.category).first()
    quote = Quote.objects.create(request=quote_request, company=company, product=product)
    version = None
    for number, unit_price in enumerate([price + 20, price] if revised else [price], start=1):
        version = QuoteVersion.objects.create(
            quote=quote,
            number=number,
            tiers=[[500, f"{unit_price:.2f}"], [2000, f"{unit_price - 15:.2f}"]],
            moq=500,
            lead_time_days=21,
            sample_offer="paid" if product and product.sample_available else "free",
            valid_until=quote_request.deadline + datetime.timedelta(days=30),
            message="",
        )
    quote.current_version = version
    quote.save(update_fields=["current_version"])


@transaction.atomic
def seed(*, stdout) -> None:
    stdout.write("Requests for quotation:")
    company = _demo_company()
    if company is None:
        stdout.write(f"  {DEMO_MEMBER_EMAIL} has no company: no demo requests (seed the showcase first)")
        return
    product = Product.objects.public().for_company(company).select_related("category").first()
    if product is None:
        stdout.write("  the demo supplier has no live product: no demo requests")
        return
    created = 0
    for index, (language, name, buyer_company, email, currency, destination, text, days) in enumerate(REQUESTS):
        if QuoteRequest.objects.filter(email=email).exists():
            continue
        quote_request = QuoteRequest.objects.create(
            description=text,
            category=product.category.parent or product.category,
            quantity=1000 + 500 * index,
            unit=product.unit,
            currency=currency,
            destination=destination if destination in product.ships_to else product.ships_to[0],
            deadline=timezone.localdate() + datetime.timedelta(days=days),
            buyer_name=name,
            buyer_company=buyer_company,
            email=email,
            consent=True,
            language=language,
        )
        quote_request.set_status(QuoteRequest.Status.OPEN, by=None)
        matched = set(
            matching_company_ids(
                category=quote_request.category, destination=quote_request.destination, required_certificates=[]
            )
        )
        matched.add(company.pk)
        RequestMatch.objects.bulk_create(RequestMatch(request=quote_request, company_id=pk) for pk in sorted(matched))
        _quote(quote_request, company, price=120 + 5 * index, revised=index % 2 == 0)
        other = next((pk for pk in sorted(matched) if pk != company.pk), None)
        if other is not None and index < 4:
            _quote(quote_request, Company.objects.get(pk=other), price=130 + 5 * index, revised=False)
        created += 1
    stdout.write(f"  {created} requests posted ({len(REQUESTS)} in all), each with quotes")
