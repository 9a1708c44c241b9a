import pytest
from django.core.cache import cache

from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import CompanyFactory, MembershipFactory, OwnerFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def company():
    return CompanyFactory(name_zh="甲公司", name_en="Company A")


@pytest.fixture
def owner(company):
    return OwnerFactory(company=company).user


@pytest.fixture
def member(company):
    return MembershipFactory(company=company).user


@pytest.fixture
def other_company_owner():
    """The owner of company B: the "wrong user" for everything about company A."""
    return OwnerFactory(company=CompanyFactory(name_zh="乙公司", name_en="Company B")).user


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def outsider():
    return UserFactory()
