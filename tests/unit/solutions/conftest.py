import pytest
from django.utils import translation

from tests.factories.companies import MembershipFactory
from tests.factories.solutions import build_catalog


@pytest.fixture
def catalog(db):
    """A zh-hant catalog (with en home and index translations): 3 categories, 5 live offerings."""
    return build_catalog()


@pytest.fixture
def membership(db):
    """A member of a company (the requester in most tests)."""
    return MembershipFactory()


@pytest.fixture(autouse=True)
def english():
    """The services' messages are asserted in English (the msgids), whatever language an earlier test left."""
    with translation.override("en"):
        yield
