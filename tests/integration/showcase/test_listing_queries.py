"""Listing pages make the same number of queries whatever the number of rows: nothing is looked up per row."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.showcase import selectors, services
from catalog.showcase.models import PriceTier, ProductImage
from portal.versioned import forget_all
from search import sources
from tests.factories.companies import MembershipFactory
from tests.factories.inquiries import build_showcase
from tests.factories.readiness import ships_to_rule
from tests.factories.showcase import (
    CertificateFactory,
    ImageFactory,
    ProductCategoryFactory,
    ProductFactory,
    VerifiedCompanyFactory,
    add_image,
    live_product,
)
from tests.query_counts import assert_constant_queries, page_queries

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
    client.get(url)
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
    """The card rendition of every listed product's first picture not shown before is read with the listing,
    not looked up per card (in the rendition cache or the database) while the page renders."""
    shop = build_showcase()
    forget_all()
    products = selectors.new_arrivals()
    assert products
    for product in products:
        image = product.card_images[0].image
        assert {rendition.filter_spec for rendition in image.prefetched_renditions} <= set(selectors.CARD_RENDITIONS)
    assert shop.cake in products


def test_a_card_reads_only_the_first_picture_of_its_product():
    """A product with three pictures: its card has the first by sort order, and the others are not read."""
    shop = build_showcase()
    first = shop.cake.images.get()
    ProductImage.objects.filter(pk=first.pk).update(sort_order=1)
    front = ProductImage.objects.create(product=shop.cake, image=ImageFactory(), sort_order=0)
    ProductImage.objects.create(product=shop.cake, image=ImageFactory(), sort_order=2)
    cake = next(product for product in selectors.new_arrivals() if product == shop.cake)
    assert cake.card_images == [front]
    assert sources.card_images([shop.cake.pk, shop.tea.pk]) == {shop.cake.pk: front, shop.tea.pk: shop.tea.images.get()}


@pytest.mark.parametrize(
    "url",
    ["/en/showcase/", "/en/showcase/category/food-beverage/", "/en/search/products/?q=tea", "/en/search/products/"],
)
def test_listings_read_no_rendition_of_a_picture_shown_before(client, settings, url):
    """Once a process has shown a card's picture, the next listing reads none of its renditions; a new
    picture's are read (and made) with the listing."""
    settings.ELASTICSEARCH_URL = ""
    shop = build_showcase()
    _indexed()
    client.get(url)
    assert not [sql for sql in page_queries(client, url) if "wagtailimages_rendition" in sql]
    ProductImage.objects.filter(product=shop.tea).update(image=ImageFactory())
    assert [sql for sql in page_queries(client, url) if "wagtailimages_rendition" in sql]


def test_a_product_page_reads_its_readiness_in_one_query(client):
    """The "Ready for …" badges read the readiness record only: the product's row, pictures and certificates
    come from what the page read already, the rules from what the process keeps."""
    shop = build_showcase()
    ships_to_rule("TH")
    url = f"/en/showcase/product/{shop.cake.pk}-{shop.cake.slug}/"
    client.get(url)
    statements = page_queries(client, url)
    assert len([sql for sql in statements if '"readiness_' in sql]) == 1
    assert not [sql for sql in statements if 'COUNT("showcase_productimage' in sql]


def test_a_product_page_does_not_query_per_picture_tier_or_certificate(client):
    """One picture, tier and certificate or four of each: the same queries."""
    shop = build_showcase()
    ships_to_rule("TH")

    def grow():
        for number in range(3):
            add_image(shop.cake)
            PriceTier.objects.create(product=shop.cake, min_quantity=200 + number, unit_price_twd=Decimal("390.00"))
            shop.cake.certificates.add(CertificateFactory(company=shop.supplier))

    shop.cake.certificates.add(CertificateFactory(company=shop.supplier))
    assert_constant_queries(client, f"/en/showcase/product/{shop.cake.pk}-{shop.cake.slug}/", grow=grow)


def test_a_category_trail_is_one_query_whatever_its_depth(client):
    """A category three levels down and one four levels down: the same queries (not one per ancestor)."""
    shop = build_showcase()
    third = ProductCategoryFactory(slug="cakes", parent=shop.snacks)
    fourth = ProductCategoryFactory(slug="pineapple", parent=third)
    for category in (third, fourth):
        live_product(company=shop.supplier, category=category)
    _indexed()
    urls = [f"/en/showcase/category/{category.path}/" for category in (third, fourth)]
    for url in urls:
        client.get(url)
    assert len(page_queries(client, urls[0])) == len(page_queries(client, urls[1]))


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
