"""Demo inquiries to the demo SME's supplier, one per step of an inquiry's life, so the supplier's inbox, the
reply-time badge and the staff's follow-up of unanswered inquiries have something to show.

Each buyer writes in their own language, as buyers do; the supplier answers in English. They go through the
same services as on the site (confirmation, replies); only their dates are moved into the past afterwards, so
one inquiry is already overdue for the escalation job. Idempotent: an inquiry is recognised by its supplier
and the buyer's e-mail.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from catalog.showcase.demo import DEMO_MEMBER_EMAIL
from catalog.showcase.models import Product
from portal.accounts.models import User

from . import services as inquiry_services
from .models import Inquiry, InquiryMessage

INQUIRIES = [
    {
        "buyer_name": "Siriporn Wongsawat",
        "buyer_company": "Siam Gourmet Trading Co., Ltd.",
        "country": "TH",
        "email": "siriporn@siam-gourmet.example",
        "language": "th",
        "quantity": 500,
        "incoterm": "CIF",
        "message": (
            "สวัสดีค่ะ ทางเราเป็นผู้นำเข้าขนมและของฝากในกรุงเทพฯ สนใจสั่งสินค้านี้ 500 กล่องสำหรับเทศกาลปีใหม่ "
            "รบกวนแจ้งราคา CIF ท่าเรือแหลมฉบัง ระยะเวลาผลิต และอายุการเก็บรักษาด้วยค่ะ ขอบคุณค่ะ"
        ),
        "age": datetime.timedelta(hours=3),
        "replies": [],
    },
    {
        "buyer_name": "Nur Aisyah binti Ahmad",
        "buyer_company": "Halal Pantry Sdn. Bhd.",
        "country": "MY",
        "email": "aisyah@halal-pantry.example",
        "language": "ms",
        "quantity": 200,
        "incoterm": "FOB",
        "message": (
            "Assalamualaikum. Kami pengedar makanan halal di Kuala Lumpur. Adakah produk ini mempunyai sijil halal "
            "yang diiktiraf JAKIM? Kami berminat dengan 200 unit untuk pesanan pertama, harga FOB Keelung."
        ),
        "age": datetime.timedelta(days=2),
        "replies": [
            (
                InquiryMessage.Author.SUPPLIER,
                "Thank you for your interest. Our halal certificate is issued by the Taiwan Halal Integrity "
                "Development Association, which JAKIM recognises; a copy is in our certificate list. For 200 units "
                "FOB Keelung the unit price is the 100+ tier on the product page, and we can ship in 14 days.",
            ),
            (
                InquiryMessage.Author.BUYER,
                "Terima kasih. Boleh hantar satu sampel dahulu sebelum kami membuat pesanan?",
            ),
        ],
    },
    {
        "buyer_name": "Budi Santoso",
        "buyer_company": "PT Nusantara Retail Indonesia",
        "country": "ID",
        "email": "budi@nusantara-retail.example",
        "language": "id",
        "quantity": 1000,
        "incoterm": "CIF",
        "message": (
            "Selamat siang. Kami jaringan toko swalayan di Jakarta dan Surabaya. Apakah produk ini sudah "
            "bersertifikat halal BPJPH dan berlabel bahasa Indonesia? Mohon penawaran harga untuk 1.000 unit, "
            "CIF Tanjung Priok."
        ),
        "age": datetime.timedelta(days=6),
        "replies": [],
    },
    {
        "buyer_name": "Trần Thị Mai",
        "buyer_company": "Công ty TNHH Thực phẩm Sài Gòn Xanh",
        "country": "VN",
        "email": "mai@saigon-xanh.example",
        "language": "vi",
        "quantity": 300,
        "incoterm": "FOB",
        "message": (
            "Xin chào, chúng tôi là nhà phân phối thực phẩm tại TP. Hồ Chí Minh. Chúng tôi muốn hỏi giá FOB cho "
            "300 hộp và thời gian giao hàng. Sản phẩm có nhãn phụ tiếng Việt không?"
        ),
        "age": datetime.timedelta(days=12),
        "replies": [
            (
                InquiryMessage.Author.SUPPLIER,
                "Thank you for asking. For 300 boxes FOB Keelung we can deliver in three weeks, and we add a "
                "Vietnamese sub-label before shipping. Our quotation is attached to this reply.",
            ),
            (InquiryMessage.Author.BUYER, "Cảm ơn anh chị. Chúng tôi đã đặt hàng với nhà cung cấp khác lần này."),
        ],
        "closed": True,
    },
]


def _supplier_products():
    """Live products of the supplier the demo SME owns (the first demo supplier)."""
    return list(Product.objects.public().filter(company__memberships__user__email=DEMO_MEMBER_EMAIL).order_by("pk")[:4])


def _age(inquiry, age):
    """Move the inquiry and its messages into the past, keeping their order and gaps."""
    shift = timezone.now() - age - inquiry.created_at
    Inquiry.objects.filter(pk=inquiry.pk).update(
        created_at=inquiry.created_at + shift, email_confirmed_at=inquiry.email_confirmed_at + shift
    )
    if inquiry.first_replied_at:
        reply_at = inquiry.created_at + shift + age / 3
        Inquiry.objects.filter(pk=inquiry.pk).update(first_replied_at=reply_at)
        for number, message in enumerate(inquiry.messages.order_by("created_at", "pk")):
            InquiryMessage.objects.filter(pk=message.pk).update(created_at=reply_at + number * age / 4)


def _create(spec, product, member):
    inquiry = inquiry_services.inquiry_submit(
        company=product.company,
        product=product,
        consent=True,
        **{name: spec[name] for name in ("buyer_name", "buyer_company", "country", "email", "language")},
        quantity=spec["quantity"],
        incoterm=spec["incoterm"],
        message=spec["message"],
    )
    inquiry = inquiry_services.inquiry_confirm(token=inquiry.confirmation_token)
    reply_token = None
    for author, body in spec["replies"]:
        if author == InquiryMessage.Author.SUPPLIER:
            reply_token = inquiry_services.inquiry_reply_by_supplier(
                inquiry=inquiry, user=member, body=body
            ).reply_token
        else:
            inquiry_services.inquiry_reply_by_buyer(reply_token=reply_token, body=body)
    inquiry.refresh_from_db()
    if spec.get("closed"):
        inquiry.set_status(Inquiry.Status.CLOSED, by=member, note="demo content")
    _age(inquiry, spec["age"])
    return Inquiry.objects.get(pk=inquiry.pk)


@transaction.atomic
def seed(*, stdout) -> None:
    stdout.write("Inquiries:")
    products = _supplier_products()
    member = User.objects.filter(email=DEMO_MEMBER_EMAIL).first()
    if not products or member is None:
        stdout.write(f"  no live products of {DEMO_MEMBER_EMAIL}'s supplier: seed the showcase first")
        return
    for index, spec in enumerate(INQUIRIES):
        if Inquiry.objects.filter(company=products[0].company, email=spec["email"]).exists():
            stdout.write(f"  {spec['email']}: kept")
            continue
        inquiry = _create(spec, products[index % len(products)], member)
        stdout.write(f"  {spec['email']}: created ({inquiry.get_status_display()})")
