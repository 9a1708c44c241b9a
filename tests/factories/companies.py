import factory

from portal.companies.models import Company, EcommerceMaturity, Industry, Invitation, Membership
from portal.companies.validators import WEIGHTS
from portal.markets import District, Market

from .accounts import UserFactory


def valid_ubn(n: int) -> str:
    """A checksum-valid 統一編號 built from n: seven digits, then the check digit that makes the sum divisible by 5."""
    head = f"{n % 10**7:07d}"
    products = (int(digit) * weight for digit, weight in zip(head, WEIGHTS[:7], strict=True))
    total = sum(product // 10 + product % 10 for product in products)
    return head + str((-total) % 5)


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name_zh = factory.Sequence(lambda n: f"測試公司{n}")
    name_en = factory.Sequence(lambda n: f"Test Company {n}")
    ubn = factory.Sequence(lambda n: valid_ubn(1000 + n))
    address = "臺北市中正區重慶南路一段122號"
    district = District.ZHONGZHENG
    industry = Industry.FOOD
    target_markets = factory.LazyFunction(lambda: [Market.THAILAND])
    ecommerce_maturity = EcommerceMaturity.DOMESTIC


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER


class OwnerFactory(MembershipFactory):
    role = Membership.Role.OWNER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.com")
    invited_by = factory.SubFactory(UserFactory)
