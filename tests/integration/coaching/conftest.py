import pytest
from django.utils import translation

from tests.factories.coaching import ProgramPageFactory
from tests.factories.companies import MembershipFactory


@pytest.fixture
def program(db):
    return ProgramPageFactory()


@pytest.fixture
def member(db):
    return MembershipFactory().user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture(autouse=True)
def _english():
    """URLs reversed in tests get the /en/ prefix and messages are asserted in English; tests that check
    Chinese pages ask for /zh-hant/ explicitly. Staff from the factories use the admin in English."""
    with translation.override("en"):
        yield
