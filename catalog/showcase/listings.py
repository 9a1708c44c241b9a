"""Product listings for the storefront's category pages, answered by the app that owns product search.

The showcase does not search (and never imports the search app): search registers a provider here in its
``AppConfig.ready()``, so that category pages share the search page's query path, sort orders and page
size. Without a provider, category pages raise ``ImproperlyConfigured``: a misconfiguration, not a fallback.
"""

from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing: the product ids in order, and where the page stands."""

    product_ids: tuple
    total: int
    number: int
    num_pages: int

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.num_pages

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next


class ProductListing(Protocol):
    default_sort: str

    def sorts(self) -> list[tuple[str, str]]:
        """(value, label) of the sort orders a listing offers, in the order the page shows them."""

    def page(self, *, category_path: str, sort: str, page: int, language: str) -> ListingPage:
        """The public products in the category with that path and below it."""


_provider: ProductListing | None = None


def register(provider: ProductListing):
    global _provider  # noqa: PLW0603 - one provider per process, set once at start-up
    _provider = provider


def provider() -> ProductListing:
    if _provider is None:
        raise ImproperlyConfigured("No product listing is registered: the search app registers one in ready().")
    return _provider
