import itertools
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from elasticsearch import Elasticsearch

from tests.factories.search import build_catalogue

_counter = itertools.count()


@pytest.fixture(scope="session")
def es_session_prefix(elasticsearch_url):
    """A prefix unique to this test session (and xdist worker); every index under it is deleted at the end."""
    prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}_test_{uuid.uuid4().hex[:8]}"
    yield prefix
    Elasticsearch([elasticsearch_url]).indices.delete(index=f"{prefix}_*", ignore=[404])


@pytest.fixture
def use_elasticsearch(settings, request):
    """Point search at the real node with an index prefix of its own; indices removed afterwards."""
    url = request.getfixturevalue("elasticsearch_url")
    prefix = f"{request.getfixturevalue('es_session_prefix')}_{next(_counter)}"
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    yield prefix
    Elasticsearch([url]).indices.delete(index=f"{prefix}_*", ignore=[404])


@pytest.fixture
def use_database(settings):
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request):
    """Each behavioural test runs once per engine."""
    request.getfixturevalue("use_database" if request.param == "database" else "use_elasticsearch")
    return request.param


def rebuild():
    call_command("search_rebuild", "--no-progress", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def catalogue(db, engine):
    """The fixed multilingual catalogue, indexed in the engine under test."""
    products = build_catalogue()
    rebuild()
    return products
