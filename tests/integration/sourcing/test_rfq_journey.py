"""The whole request-for-quotation journey over HTTP on PostgreSQL: a Thai buyer posts and confirms, the three
matching suppliers are e-mailed in their own languages, two quote (one revises), the buyer compares in THB at
the bureau's rate, accepts one and declines the other, and the suppliers see the outcome."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone, translation
from django.utils.formats import date_format

from catalog.sourcing.models import Quote, QuoteRequest, QuoteVersion
from payments.models import ExchangeRate
from tests.factories.payments import ExchangeRateFactory

from .conftest import link_in

pytestmark = pytest.mark.django_db


def request_data(market, **overrides):
    data = {
        "description": "ขนมพายสับปะรดฮาลาล กล่องละ 12 ชิ้น",
        "category": str(market.food.pk),
        "quantity": "2000",
        "unit": "box",
        "target_price": "150",
        "currency": "THB",
        "destination": "TH",
        "required_certificates": ["HALAL"],
        "deadline": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
        "buyer_name": "สมชาย ใจดี",
        "buyer_company": "Bangkok Trading Co.",
        "email": "somchai@example.co.th",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def quote_data(offered, price, **overrides):
    data = {
        "product": str(offered.pk),
        "tier1_quantity": "500",
        "tier1_price": price,
        "tier2_quantity": "2000",
        "tier2_price": "100",
        "tier3_quantity": "",
        "tier3_price": "",
        "moq": "500",
        "lead_time_days": "21",
        "sample_offer": "paid",
        "valid_until": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "message": "",
    }
    data.update(overrides)
    return data


def test_whole_journey_in_thb(client, post, market):
    """Post → confirm → three suppliers told in th / zh-hant / en → two quote, one revises → the buyer sees
    both latest versions in THB at 0.9 TWD with the rate's date, accepts one, declines the other."""
    assert connection.vendor == "postgresql"
    ExchangeRateFactory(currency="THB", twd_per_unit=Decimal("0.9"))

    response = post("/th/rfq/new/", request_data(market))
    assert response.status_code == 200
    quote_request = QuoteRequest.objects.get()
    assert quote_request.status == QuoteRequest.Status.UNCONFIRMED and quote_request.language == "th"
    (confirmation,) = mail.outbox
    assert confirmation.to == ["somchai@example.co.th"]
    assert "ยืนยัน" in confirmation.subject  # Thai: the buyer posted in Thai
    confirm_path = link_in(confirmation, "/rfq/confirm/")
    assert confirm_path.startswith("/th/")
    mail.outbox.clear()

    assert client.get(confirm_path).status_code == 200
    assert QuoteRequest.objects.get().status == QuoteRequest.Status.UNCONFIRMED  # visiting does not confirm
    response = post(confirm_path)
    assert response.status_code == 302
    quote_request.refresh_from_db()
    assert quote_request.status == QuoteRequest.Status.OPEN and quote_request.confirmed_at is not None

    by_recipient = {message.to[0]: message for message in mail.outbox}
    matched = (market.thai_reader, market.chinese_reader, market.english_reader)
    assert set(by_recipient) == {s.member.email for s in matched}
    assert "ขอใบเสนอราคา" in by_recipient[market.thai_reader.member.email].subject
    assert "報價" in by_recipient[market.chinese_reader.member.email].subject
    assert "request for quotation" in by_recipient[market.english_reader.member.email].subject
    for s, prefix in (
        (market.thai_reader, "/th/"),
        (market.chinese_reader, "/zh-hant/"),
        (market.english_reader, "/en/"),
    ):
        assert link_in(by_recipient[s.member.email], "/rfq/supplier/").startswith(prefix)
    mail.outbox.clear()

    alpha, beta = market.thai_reader, market.chinese_reader
    alpha_url = f"/th/rfq/supplier/{alpha.company.pk}/{quote_request.pk}/"
    client.force_login(alpha.member)
    assert post(alpha_url, quote_data(alpha.product, "117")).status_code == 302
    assert post(alpha_url, quote_data(alpha.product, "126")).status_code == 302  # a revision
    client.force_login(beta.member)
    beta_url = f"/zh-hant/rfq/supplier/{beta.company.pk}/{quote_request.pk}/"
    assert post(beta_url, quote_data(beta.product, "144")).status_code == 302
    client.logout()

    assert Quote.objects.count() == 2
    alpha_quote = Quote.objects.get(company=alpha.company)
    assert list(alpha_quote.versions.values_list("number", flat=True)) == [1, 2]
    assert alpha_quote.current_version.tiers[0] == [500, "126.00"]
    assert len(mail.outbox) == 3 and {m.to[0] for m in mail.outbox} == {"somchai@example.co.th"}
    buyer_path = link_in(mail.outbox[-1], "/rfq/r/")

    html = client.get(buyer_path).content.decode()
    assert "THB 140" in html  # 126 TWD / 0.9
    assert "THB 160" in html  # 144 TWD / 0.9
    assert "THB 130" not in html  # 117 TWD: the first version is not shown
    rate = ExchangeRate.objects.get(currency="THB")
    with translation.override("th"):
        rate_date = date_format(timezone.localdate(rate.updated_at), "DATE_FORMAT")
    assert "1 THB = 0.9 TWD" in html and rate_date in html  # the rate and its date
    assert "แก้ไขแล้ว" in html  # "revised" on Alpha's quote

    beta_quote = Quote.objects.get(company=beta.company)
    mail.outbox.clear()
    assert post(f"{buyer_path}quotes/{alpha_quote.pk}/accept/").status_code == 302
    assert post(f"{buyer_path}quotes/{beta_quote.pk}/decline/").status_code == 302
    alpha_quote.refresh_from_db()
    beta_quote.refresh_from_db()
    assert alpha_quote.status == Quote.Status.ACCEPTED and alpha_quote.decided_at is not None
    assert beta_quote.status == Quote.Status.DECLINED
    assert {m.to[0] for m in mail.outbox} == {alpha.member.email, beta.member.email}

    client.force_login(alpha.member)
    listing = client.get(f"/en/rfq/supplier/{alpha.company.pk}/").content.decode()
    assert "Accepted" in listing
    client.force_login(beta.member)
    assert "Declined" in client.get(f"/en/rfq/supplier/{beta.company.pk}/").content.decode()
    assert QuoteVersion.objects.count() == 3
