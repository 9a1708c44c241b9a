import pytest

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
