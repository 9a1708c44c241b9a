"""Listing pages make the same number of queries whatever the number of rows: nothing is looked up per row."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.showcase import selectors, services
from tests.factories.companies import MembershipFactory
from tests.factories.inquiries import build_showcase
from tests.factories.showcase import CertificateFactory, ProductFactory, VerifiedCompanyFactory, add_image, live_product
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _add_products(company, member, count):
    """Drafts, live products and products in review: every state the list shows."""
    for _index in range(count):
        ProductFactory(company=company).save_revision()
        live_product(company=company)
        in_review = ProductFactory(company=company)
        add_image(in_review)
        in_review.save_revision()
        services.product_submit_for_review(product=in_review, user=member)


@pytest.fixture
def member():
    return MembershipFactory(company=VerifiedCompanyFactory()).user


def test_the_suppliers_product_list_does_not_query_per_product(client, member):
    """Three products or fifteen (drafts, live, in review): the same queries, one for all workflow states."""
    company = member.memberships.get().company
    client.force_login(member)
    url = f"/en/dashboard/{company.pk}/products/"
    _add_products(company, member, 1)
    client.get(url)
    few = _queries(client, url)
    _add_products(company, member, 4)
    many = _queries(client, url)
    assert many == few
    assert client.get(url).content.decode().count("status--in_review") == 5


def test_the_suppliers_certificate_list_does_not_query_per_certificate(client, member):
    """One certificate or eight: the same queries."""
    company = member.memberships.get().company
    client.force_login(member)
    url = f"/en/dashboard/{company.pk}/certificates/"
    CertificateFactory(company=company)
    client.get(url)
    few = _queries(client, url)
    CertificateFactory.create_batch(7, company=company)
    assert _queries(client, url) == few


def _indexed():
    call_command("search_rebuild", "--no-progress", stdout=io.StringIO())


@pytest.mark.parametrize(
    "url",
    ["/en/showcase/", "/en/showcase/category/food-beverage/", "/en/search/products/?q=tea", "/en/search/products/"],
)
def test_public_listings_do_not_query_per_product(client, settings, url):
    """The showcase landing, a category page and the search page (with and without words): the same number
    of queries for three products with images as for twelve; the card renditions come with the images."""
    settings.ELASTICSEARCH_URL = ""
    shop = build_showcase()
    _indexed()
    client.get(url)
    few = _queries(client, url)
    for number in range(9):
        live_product(company=shop.supplier, category=shop.cake.category, name_en=f"Oolong tea cake {number}")
    _indexed()
    client.get(url)
    assert _queries(client, url) == few


def test_listing_cards_come_with_their_renditions():
    """The card rendition of every listed product's image is read with the listing, not looked up per card
    (in the rendition cache or the database) while the page renders."""
    shop = build_showcase()
    products = selectors.new_arrivals()
    assert products
    for product in products:
        image = product.images.all()[0].image
        assert {rendition.filter_spec for rendition in image.prefetched_renditions} <= set(selectors.CARD_RENDITIONS)
    assert shop.cake in products


def test_a_suppliers_storefront_does_not_query_per_product(client):
    """The public storefront of a supplier with three products or twelve: the same queries."""
    shop = build_showcase()
    url = f"/en/showcase/supplier/{shop.supplier.pk}/"

    def grow():
        for number in range(9):
            live_product(company=shop.supplier, category=shop.cake.category, name_en=f"Oolong tea cake {number}")

    live_product(company=shop.supplier, category=shop.cake.category)
    assert_constant_queries(client, url, grow=grow)


def test_the_dashboard_index_does_not_query_per_company(client):
    """A member of two companies or of six chooses among them: the same queries."""
    member = MembershipFactory(company=VerifiedCompanyFactory()).user
    MembershipFactory(user=member, company=VerifiedCompanyFactory())
    client.force_login(member)

    def grow():
        for _number in range(4):
            MembershipFactory(user=member, company=VerifiedCompanyFactory())

    assert_constant_queries(client, "/en/dashboard/", grow=grow)


def test_the_import_page_does_not_query_per_product(client, member):
    """The import form of a company with three products or fifteen: the same queries."""
    company = member.memberships.get().company
    client.force_login(member)
    _add_products(company, member, 1)
    assert_constant_queries(
        client, f"/en/dashboard/{company.pk}/products/import/", grow=lambda: _add_products(company, member, 4)
    )
