"""A slow or missing engine never reaches the buyer: the database answers instead."""

import socket

import pytest

from search.selectors import product_autocomplete, product_search
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.search import PublicProductFactory

from .conftest import rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_engine(settings):
    """A port that accepts connections and never answers, with a short timeout."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{server.getsockname()[1]}"
        settings.ELASTICSEARCH_TIMEOUT = 0.3
        yield


def test_a_slow_engine_times_out_and_the_database_answers(use_database, settings, silent_engine, caplog):
    PublicProductFactory(name_en="Taro pastry")
    settings.ELASTICSEARCH_URL, url = "", settings.ELASTICSEARCH_URL
    rebuild()
    settings.ELASTICSEARCH_URL = url
    results = product_search("taro", locale="en")
    assert (results.engine, results.degraded, results.total) == ("database", True, 1)
    assert "ConnectionTimeout" in caplog.text
    assert [hit.name for hit in product_autocomplete("taro", "en")] == ["Taro pastry"]


def test_without_elasticsearch_url_the_database_is_the_engine(use_database):
    results = product_search("", locale="zh-hant")
    assert (results.engine, results.degraded) == ("database", False)


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("user", 302), ("staff", 200)])
def test_only_staff_manage_synonyms_in_the_admin(client, who, status):
    if who == "user":
        client.force_login(UserFactory())
    elif who == "staff":
        client.force_login(StaffFactory())
    assert client.get("/admin/snippets/search/synonymset/").status_code == status


def test_staff_add_a_synonym_set(client):
    client.force_login(StaffFactory())
    response = client.post(
        "/admin/snippets/search/synonymset/add/", {"name": "Taro", "terms": "芋頭\ntaro\nเผือก\nkeladi"}
    )
    assert response.status_code == 302
    from search.models import SynonymSet

    assert SynonymSet.objects.get().term_list() == ["芋头", "taro", "เผือก", "keladi"]  # folded: search/text.py
