"""Factories for sample orders: products that offer samples, orders and their items."""

from decimal import Decimal

import factory

from catalog.orders.models import SampleOrder, SampleOrderItem
from payments.models import Payment

from .payments import PaidPaymentFactory
from .showcase import VerifiedCompanyFactory, live_product


def sample_product(*, sample_available=True, sample_price_twd=Decimal("150.00"), sample_limit=3, **kwargs):
    """A live product of a verified supplier that offers samples."""
    return live_product(
        sample_available=sample_available,
        sample_price_twd=sample_price_twd,
        sample_limit=sample_limit,
        with_image=False,
        **kwargs,
    )


class SampleOrderFactory(factory.django.DjangoModelFactory):
    """A placed order of 1,500 TWD awaiting payment (no payment yet), with one item of 1,500 TWD unless
    ``items=False``."""

    class Meta:
        model = SampleOrder
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"SO-2026-{n + 900000:06d}")
    company = factory.SubFactory(VerifiedCompanyFactory)
    buyer_name = "Somchai Jaidee"
    buyer_company = "Bangkok Fine Foods Co."
    buyer_email = factory.Sequence(lambda n: f"buyer{n}@example.com")
    shipping_address = "99 Sukhumvit Road\nBangkok 10110"
    country = "TH"
    currency = "TWD"
    amount_minor = 150000
    language = "en"

    @factory.post_generation
    def items(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        product = sample_product(company=self.company, sample_price_twd=Decimal("1500.00"))
        SampleOrderItem.objects.create(
            order=self,
            product=product,
            product_name=product.name_en,
            sku=product.sku,
            quantity=1,
            unit_price_twd=product.sample_price_twd,
            unit_amount_minor=self.amount_minor,
        )


def order_payment(order, factory=PaidPaymentFactory, **kwargs):
    """A payment (paid unless another factory is given) for ``order``, of its amount and currency."""
    return factory(
        target=order,
        purpose=Payment.Purpose.SAMPLE_ORDER,
        currency=order.currency,
        amount_minor=order.amount_minor,
        customer_email=order.buyer_email,
        description=f"Sample order {order.reference}",
        **kwargs,
    )


class PaidSampleOrderFactory(SampleOrderFactory):
    """A placed order with a paid payment; ``payment__status=…``, ``payment__amount_refunded_minor=…`` change
    the payment, ``status=SHIPPED`` (with carrier…) a later step."""

    @factory.post_generation
    def payment(self, create, extracted, **kwargs):
        if create and extracted is not False:
            order_payment(self, **kwargs)
