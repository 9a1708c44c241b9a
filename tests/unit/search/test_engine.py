"""ELASTICSEARCH_URL names one node or a cluster's nodes; the client retries on another node only for a cluster."""

import pytest

from search.engine import cluster_urls, get_client

# The session set-up of the search indexes (tests/conftest.py) needs the test database.
pytestmark = pytest.mark.django_db


def test_a_comma_separated_list_gives_every_node_and_one_retry_per_other_node(settings):
    """Three URLs (spaces and an empty item ignored) become three hosts with two retries, time-outs included."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9250, http://127.0.0.1:9251,,http://127.0.0.1:9252"
    assert cluster_urls() == ["http://127.0.0.1:9250", "http://127.0.0.1:9251", "http://127.0.0.1:9252"]
    client = get_client()
    assert [host["port"] for host in client.transport.hosts] == [9250, 9251, 9252]
    assert client.transport.max_retries == 2
    assert client.transport.retry_on_timeout is True


def test_one_url_is_one_node_without_retries(settings):
    """A single node is asked once: its failure is reported at once and search falls back to the database."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    client = get_client()
    assert len(client.transport.hosts) == 1
    assert client.transport.max_retries == 0


def test_no_url_means_no_client(settings):
    """Without ELASTICSEARCH_URL the database is the engine and there is no client."""
    settings.ELASTICSEARCH_URL = ""
    assert get_client() is None
