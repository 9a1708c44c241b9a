"""The site's own listings make the same number of queries whatever the number of items: the home page's
featured programs, products and latest news, the news index and the alliance page's partners."""

import pytest

from portal.home import featured, selectors
from tests.factories.coaching import ProgramPageFactory
from tests.factories.home import NewsPageFactory, PartnerOrganisationFactory, build_site
from tests.factories.inquiries import ShowcasePageFactory
from tests.factories.showcase import ImageFactory, VerifiedCompanyFactory, live_product
from tests.query_counts import assert_constant_queries, page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    site = build_site(news_count=1)
    site.home.body = [
        {"type": "featured_programs", "value": {"heading": "輔導計畫", "pages": []}},
        {"type": "featured_products", "value": {"heading": "臺北好物精選", "products": []}},
        {"type": "latest_news", "value": {"heading": "最新消息"}},
    ]
    site.home.save_revision().publish()
    ShowcasePageFactory(parent=site.home)
    return site


def test_the_home_page_does_not_query_per_card(client, site):
    """One program, product and article, or as many as the home page shows (3 programs, 6 products from six
    suppliers with pictures, 3 articles): the same queries."""
    ProgramPageFactory()
    live_product(company=VerifiedCompanyFactory())

    def grow():
        ProgramPageFactory.create_batch(2)
        for _number in range(5):
            live_product(company=VerifiedCompanyFactory())
        NewsPageFactory.create_batch(2, parent=site.news)

    assert_constant_queries(client, "/zh-hant/", grow=grow)
    assert client.get("/zh-hant/").content.decode().count("<picture>") >= 6


def test_the_home_page_reads_its_cards_again_without_a_query_per_card(client, site):
    """The request that reads the featured products and the latest news again after a change (they are kept
    until content changes) makes the same queries for one program, product and article as for as many as the
    home page shows."""

    def queries_when_read_again():
        client.get("/zh-hant/")
        featured.KEPT.invalidate()
        selectors.LATEST_NEWS.invalidate()
        return page_queries(client, "/zh-hant/")

    ProgramPageFactory()
    live_product(company=VerifiedCompanyFactory())
    few = queries_when_read_again()
    ProgramPageFactory.create_batch(2)
    for _number in range(5):
        live_product(company=VerifiedCompanyFactory())
    NewsPageFactory.create_batch(2, parent=site.news)
    many = queries_when_read_again()

    added = "\n".join(sql for sql in many if sql not in few)
    assert len(many) == len(few), f"{len(few)} queries, then {len(many)} with more cards; new:\n{added}"
    assert any("showcase_product" in sql for sql in many)
    assert client.get("/zh-hant/").content.decode().count("<picture>") >= 6


def test_the_news_index_does_not_query_per_article(client, site):
    """One article or ten (a full page): the same queries."""
    assert_constant_queries(client, site.news.url, grow=lambda: NewsPageFactory.create_batch(9, parent=site.news))


def test_the_alliance_page_does_not_query_per_partner(client, site):
    """Two partners with logos or eight: the same queries, the logos' renditions read with the partners."""

    def add(count):
        for _number in range(count):
            PartnerOrganisationFactory(logo=ImageFactory())

    add(2)
    assert_constant_queries(client, site.alliance.url, grow=lambda: add(6))
    assert client.get(site.alliance.url).content.decode().count("<picture>") == 8
