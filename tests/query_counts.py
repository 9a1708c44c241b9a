"""Query-count checks for listing pages: the same number of queries whatever the number of rows shown."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, url, *, status=200):
    """The SQL statements of one request to ``url``, which must answer ``status``."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    return [query["sql"] for query in queries.captured_queries]


def assert_constant_queries(client, url, *, grow, status=200):
    """``url`` makes as many queries after ``grow()`` added rows as before (each count taken on a second
    request, so that what a process builds once — menus, catalogs — is not counted)."""
    client.get(url)
    few = page_queries(client, url, status=status)
    grow()
    client.get(url)
    many = page_queries(client, url, status=status)
    added = "\n".join(sql for sql in many if sql not in few)
    assert len(many) == len(few), f"{url}: {len(few)} queries, then {len(many)} with more rows; new:\n{added}"
    return len(few)
