"""The inquiry desk's lists make the same number of queries whatever the number of rows: the supplier's inbox,
a thread as the supplier reads it and as the buyer reads it through the link of a reply."""

import pytest

from catalog.inquiries.models import InquiryMessage
from tests.factories.inquiries import InquiryFactory, InquiryMessageFactory, build_showcase
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    return build_showcase()


def test_the_inbox_does_not_query_per_inquiry(client, shop):
    """Three inquiries or twelve, about a product or the supplier in general: the same queries."""
    client.force_login(shop.member)
    InquiryFactory.create_batch(2, company=shop.supplier, product=shop.cake)
    InquiryFactory(company=shop.supplier, product=None)

    def grow():
        InquiryFactory.create_batch(6, company=shop.supplier, product=shop.tea)
        InquiryFactory.create_batch(3, company=shop.supplier, product=None)

    assert_constant_queries(client, "/en/inbox/", grow=grow)
    assert client.get("/en/inbox/").content.decode().count('href="/en/inbox/') >= 12


def _messages(inquiry, count, *, author=None):
    for number in range(count):
        kind = InquiryMessage.Author.SUPPLIER if number % 2 == 0 else InquiryMessage.Author.BUYER
        InquiryMessageFactory(inquiry=inquiry, author_kind=kind, author=author if kind == "supplier" else None)


def test_the_suppliers_thread_does_not_query_per_message(client, shop):
    """A thread of three messages or twelve, replies by a member and by the buyer: the same queries."""
    client.force_login(shop.member)
    inquiry = InquiryFactory(company=shop.supplier, product=shop.cake)
    _messages(inquiry, 3, author=shop.member)
    assert_constant_queries(client, f"/en/inbox/{inquiry.pk}/", grow=lambda: _messages(inquiry, 9, author=shop.member))


def test_the_buyers_thread_does_not_query_per_message(client, shop):
    """The buyer's page behind a reply's link: three messages or twelve, the same queries."""
    inquiry = InquiryFactory(company=shop.supplier, product=shop.cake)
    first = InquiryMessageFactory(inquiry=inquiry, author=shop.member)
    _messages(inquiry, 2, author=shop.member)
    assert_constant_queries(
        client, f"/en/inbox/reply/{first.reply_token}/", grow=lambda: _messages(inquiry, 9, author=shop.member)
    )
