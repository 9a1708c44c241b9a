import io

import pytest

from search import demo, glossary
from search.models import ProductEntry, SynonymSet
from tests.factories.search import PublicProductFactory

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_fills_the_search_table(use_database):
    """Running the demo seed twice leaves the same synonym sets (one per glossary concept) and entries."""
    PublicProductFactory.create_batch(2)
    demo.seed(stdout=io.StringIO())
    first = (SynonymSet.objects.count(), ProductEntry.objects.count())
    demo.seed(stdout=io.StringIO())
    assert (SynonymSet.objects.count(), ProductEntry.objects.count()) == first == (len(glossary.read()), 2)
