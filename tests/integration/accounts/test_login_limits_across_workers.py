"""The failed-login limit holds across gunicorn processes when they share the Redis cache (CACHE_URL).

Two gunicorn servers under production settings, on the test PostgreSQL database, answer in turn: whichever
of them gets the 6th wrong password for an account refuses it. With each process's own local-memory cache
the same sequence gets through (the control, so the test can fail)."""

import pytest

from tests.factories.accounts import UserFactory
from tests.production_server import gunicorn, log_in, production_environment

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "alice@limits.example"
PASSWORD = "Right-password-2026"


def attempts_in_turn(ports, count):
    return [log_in(ports[n % 2], EMAIL, f"wrong-{n}") for n in range(count)]


@pytest.fixture
def account():
    return UserFactory(email=EMAIL, password=PASSWORD)


def test_the_sixth_failed_login_is_refused_by_either_worker(account, redis_url, production_static_root):
    env = production_environment(static_root=production_static_root, cache_url=redis_url)
    with gunicorn(env) as first, gunicorn(env) as second:
        answers = attempts_in_turn((first, second), 5)
        assert answers == ["wrong password"] * 5, "five wrong passwords are checked, three on one, two on the other"
        assert log_in(second, EMAIL, "wrong-6") == "too many attempts"
        assert log_in(first, EMAIL, "wrong-7") == "too many attempts"
        assert log_in(first, EMAIL, PASSWORD) == "too many attempts", "locked whoever knows the password"
        assert log_in(second, EMAIL, PASSWORD, client_ip="198.51.100.9") == "too many attempts"


def test_without_a_shared_cache_each_worker_counts_on_its_own(account, production_static_root):
    """The control: with local memory, the 6th and 7th wrong passwords are still checked."""
    env = production_environment(static_root=production_static_root, cache_url="locmemcache://per-process")
    with gunicorn(env) as first, gunicorn(env) as second:
        answers = attempts_in_turn((first, second), 7)
    assert answers == ["wrong password"] * 7
