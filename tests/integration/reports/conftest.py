import pytest
from django.utils import translation

from tests.factories.reports import build_cohort


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def cohort(db):
    return build_cohort()
