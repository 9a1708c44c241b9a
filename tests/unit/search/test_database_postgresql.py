"""How the site's database connections and the database backend's tables are set up for short statements:
PostgreSQL's JIT compilation off (portal/settings/base.py), facet rows read through one covering index."""

import pytest
from django.db import connection

from search.models import ProductEntryFacet

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_the_site_connections_have_jit_off():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_an_entrys_facet_rows_have_one_index_leading_with_the_entry():
    """The unique (entry, facet, value) index holds every column the counts read; no narrower one competes."""
    table = ProductEntryFacet._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    indexes = [
        spec["columns"]
        for spec in constraints.values()
        if (spec["index"] or spec["unique"]) and spec["columns"][:1] == ["entry_id"]
    ]
    assert indexes == [["entry_id", "facet", "value"]]
