import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English (the msgids), whatever catalogues exist."""
    with translation.override("en"):
        yield
