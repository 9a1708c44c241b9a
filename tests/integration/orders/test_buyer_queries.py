"""The buyer's sample pages make the same number of queries whatever the number of items: the cart (grouped by
supplier) and the order page behind the secret link."""

from decimal import Decimal

import pytest

from catalog.orders.models import SampleOrderItem
from tests.factories.inquiries import build_showcase
from tests.factories.orders import SampleOrderFactory, sample_product
from tests.factories.showcase import VerifiedCompanyFactory
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db


def _add_to_cart(client, count):
    for _number in range(count):
        product = sample_product(company=VerifiedCompanyFactory())
        response = client.post(f"/en/samples/cart/add/{product.pk}/", {"quantity": 1})
        assert response.status_code == 303


def test_the_cart_does_not_query_per_item(client):
    """One sample from one supplier, or five from five suppliers: the same queries."""
    build_showcase()
    _add_to_cart(client, 1)
    assert_constant_queries(client, "/en/samples/cart/", grow=lambda: _add_to_cart(client, 4))


def test_the_buyers_order_page_does_not_query_per_item(client):
    """An order of one item or of six: the same queries."""
    order = SampleOrderFactory()

    def grow():
        for number in range(5):
            product = sample_product(company=order.company, sample_price_twd=Decimal("100.00"))
            SampleOrderItem.objects.create(
                order=order,
                product=product,
                product_name=f"Sample {number}",
                sku=product.sku,
                quantity=1,
                unit_price_twd=product.sample_price_twd,
                unit_amount_minor=10000,
            )

    assert_constant_queries(client, f"/en/samples/orders/{order.token}/", grow=grow)
