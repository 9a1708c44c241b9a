"""The category pages' product listing is provided by the search app, never imported by the showcase."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from catalog.showcase import listings
from search.sources import CategoryListing


def test_the_search_app_registers_the_listing_at_start_up():
    """SearchConfig.ready() registers product search as the category pages' listing."""
    assert isinstance(listings.provider(), CategoryListing)


def test_without_a_provider_category_pages_fail_loudly(monkeypatch):
    """No silent fallback query: a missing provider is a misconfiguration."""
    monkeypatch.setattr(listings, "_provider", None)
    with pytest.raises(ImproperlyConfigured):
        listings.provider()


def test_category_sorts_are_the_search_sorts_without_relevance():
    """A category page has no query text, so "best match" is not offered; newest is the default."""
    listing = CategoryListing()
    assert [value for value, _label in listing.sorts()] == ["newest", "price_asc", "price_desc"]
    assert listing.default_sort == "newest"


def test_listing_page_knows_its_neighbours():
    page = listings.ListingPage(product_ids=(3, 2), total=45, number=2, num_pages=3)
    assert page.has_previous and page.has_next and page.has_other_pages
    assert not listings.ListingPage(product_ids=(), total=0, number=1, num_pages=1).has_other_pages
