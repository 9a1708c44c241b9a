"""CI must run the suite on PostgreSQL, never silently on the SQLite default."""

import pytest
from django.db import connection

from tests.conftest import IN_CI


@pytest.mark.django_db
def test_ci_runs_on_postgresql():
    """With CI=true, `make test` points DATABASE_URL at PostgreSQL and the test database is PostgreSQL."""
    if not IN_CI:
        pytest.skip("only enforced in CI (CI=true); locally any database will do")

    assert connection.vendor == "postgresql"
    assert connection.pg_version >= 150000
