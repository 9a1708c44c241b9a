"""The sample cart, kept in the buyer's session (no account needed): product id → quantity.

Reading the cart re-reads the products through the public selectors, so a product that was
unpublished or stopped offering samples drops out with a notice instead of reaching checkout.
"""

import secrets
from dataclasses import dataclass, field

from . import selectors

SESSION_KEY = "sample_cart"
CHECKOUT_KEYS_SESSION_KEY = "sample_checkout_keys"
MAX_CHECKOUT_KEYS = 20


@dataclass
class CartLine:
    product: object
    quantity: int

    @property
    def limit(self):
        return selectors.sample_limit(self.product)


@dataclass
class CartGroup:
    """The lines of one supplier: one checkout, one order."""

    company: object
    lines: list = field(default_factory=list)


class SampleCart:
    def __init__(self, session):
        self.session = session

    def _items(self):
        stored = self.session.get(SESSION_KEY) or {}
        return {str(key): int(value) for key, value in stored.items() if str(key).isdigit()}

    def _store(self, items):
        self.session[SESSION_KEY] = items
        self.session.modified = True

    def set(self, product, quantity):
        items = self._items()
        items[str(product.pk)] = int(quantity)
        self._store(items)

    def remove(self, product_id):
        items = self._items()
        items.pop(str(product_id), None)
        self._store(items)

    def remove_company(self, company_id):
        items = self._items()
        for product in selectors.sample_products().filter(pk__in=[int(pk) for pk in items], company_id=company_id):
            items.pop(str(product.pk), None)
        self._store(items)

    def quantity_of(self, product_id):
        return self._items().get(str(product_id))

    def __len__(self):
        return len(self._items())

    def groups(self):
        """``(groups, dropped)``: the lines by supplier, and how many stored lines are no longer orderable
        (those are removed from the session)."""
        items = self._items()
        products = selectors.sample_products().filter(pk__in=[int(pk) for pk in items])
        by_company = {}
        kept = {}
        for product in products:
            quantity = min(max(items[str(product.pk)], 1), selectors.sample_limit(product))
            kept[str(product.pk)] = quantity
            group = by_company.setdefault(product.company_id, CartGroup(company=product.company))
            group.lines.append(CartLine(product=product, quantity=quantity))
        dropped = len(items) - len(kept)
        if kept != items:
            self._store(kept)
        return list(by_company.values()), dropped

    def group(self, company_id):
        groups, _dropped = self.groups()
        return next((group for group in groups if group.company.pk == company_id), None)

    def issue_checkout_key(self):
        """A new random key for a reviewed checkout form, remembered in this session (the latest 20)."""
        key = secrets.token_urlsafe(24)
        keys = [*self.session.get(CHECKOUT_KEYS_SESSION_KEY, []), key][-MAX_CHECKOUT_KEYS:]
        self.session[CHECKOUT_KEYS_SESSION_KEY] = keys
        self.session.modified = True
        return key

    def issued(self, key):
        """True when ``key`` was issued to this session: a key copied from another buyer's form is not."""
        return bool(key) and key in self.session.get(CHECKOUT_KEYS_SESSION_KEY, [])
