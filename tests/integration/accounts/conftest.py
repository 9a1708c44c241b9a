import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts attempts in the cache: every test starts with clean counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_mfa_required(settings):
    settings.REQUIRE_STAFF_MFA = True


@pytest.fixture
def staff_mfa_not_required(settings):
    settings.REQUIRE_STAFF_MFA = False
