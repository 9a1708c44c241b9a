import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids); the zh-Hant catalogue would translate them otherwise."""
    with translation.override("en"):
        yield
