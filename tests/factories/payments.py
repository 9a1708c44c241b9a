import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from payments.models import ExchangeRate, Payment, StripeEvent

from .companies import CompanyFactory


class PaymentFactory(factory.django.DjangoModelFactory):
    """A pending program fee of 1,500 TWD for a company (the target may be any model instance)."""

    class Meta:
        model = Payment
        exclude = ["target"]

    target = factory.SubFactory(CompanyFactory)
    purpose = Payment.Purpose.PROGRAM_FEE
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.target))
    object_id = factory.LazyAttribute(lambda o: o.target.pk)
    description = factory.Sequence(lambda n: f"Program fee {n}")
    amount_minor = 150000
    currency = "TWD"
    customer_email = factory.Sequence(lambda n: f"buyer{n}@example.com")


class PaidPaymentFactory(PaymentFactory):
    """Paid through Checkout: session and PaymentIntent ids recorded."""

    status = Payment.Status.PAID
    checkout_attempts = 1
    stripe_checkout_session_id = factory.Sequence(lambda n: f"cs_test_paid{n}")
    stripe_payment_intent_id = factory.Sequence(lambda n: f"pi_test_paid{n}")
    paid_at = factory.LazyFunction(timezone.now)


class ExchangeRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeRate
        django_get_or_create = ["currency"]

    currency = "THB"
    twd_per_unit = "0.9"


class StripeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StripeEvent

    stripe_id = factory.Sequence(lambda n: f"evt_test_{n}")
    type = "checkout.session.completed"
    payload = factory.LazyAttribute(lambda o: {"id": o.stripe_id, "type": o.type, "data": {"object": {}}})
