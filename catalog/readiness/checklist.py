"""The readiness checklist of a product for a market, computed from the market's rules and the product's facts.

Pure functions over plain values (`Facts`, `Rule`), so that the dashboard, the product page and the search
index compute it the same way, many products at a time (`selectors.checklists`).
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.markets import Market

from .models import DEFAULT_MARKET_LANGUAGES, MARKET_LANGUAGES, Requirement


class Status(models.TextChoices):
    MET = "met", _("Met")
    MISSING = "missing", _("Missing")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


MET, MISSING, NOT_APPLICABLE = Status.MET.value, Status.MISSING.value, Status.NOT_APPLICABLE.value


@dataclass(frozen=True)
class Facts:
    """What the checklist reads about one product: its row, images, readiness data and valid certificates."""

    product_id: int
    category_path: str
    ships_to: frozenset = frozenset()
    hs_code: str = ""
    shelf_life_days: int | None = None
    weight_grams: int | None = None
    dimensions_mm: tuple = (None, None, None)
    image_count: int = 0
    description_languages: frozenset = frozenset()
    label_languages: frozenset = frozenset()
    claims_halal: bool = False
    registrations: dict = field(default_factory=dict)
    # (certificate type, markets that recognise it) of the certificates valid today
    certificates: tuple = ()


@dataclass(frozen=True)
class Item:
    rule: object
    status: str

    @property
    def met(self):
        return self.status == MET

    @property
    def missing(self):
        return self.status == MISSING

    def get_status_display(self):
        return Status(self.status).label


@dataclass(frozen=True)
class Checklist:
    market: str
    items: tuple

    def get_market_display(self):
        return Market(self.market).label

    @property
    def applicable(self):
        return [item for item in self.items if item.status != NOT_APPLICABLE]

    @property
    def met_count(self):
        return sum(1 for item in self.items if item.met)

    @property
    def score(self):
        """Met ÷ applicable items, as a whole percentage; None when nothing applies."""
        applicable = len(self.applicable)
        return round(100 * self.met_count / applicable) if applicable else None

    @property
    def missing(self):
        return [item for item in self.items if item.missing]

    @property
    def ready(self):
        """Every applicable required item is met (and at least one applies: no rules, no claim)."""
        required = [item for item in self.applicable if item.rule.required]
        return bool(required) and all(item.met for item in required)


def _description(rule, facts):
    languages = rule.languages or MARKET_LANGUAGES.get(rule.market, DEFAULT_MARKET_LANGUAGES)
    return not facts.description_languages.isdisjoint(languages)


def _certificate(rule, facts):
    kind, market = rule.certificate_type, rule.market
    return any(certificate == kind and market in markets for certificate, markets in facts.certificates)


# requirement → is it met by these facts? (plain strings as keys: one dict lookup per rule, not an enum per call)
CHECKS = {
    Requirement.SHIPS_TO.value: lambda rule, facts: rule.market in facts.ships_to,
    Requirement.HS_CODE.value: lambda rule, facts: bool(facts.hs_code),
    Requirement.SHELF_LIFE.value: lambda rule, facts: bool(facts.shelf_life_days),
    Requirement.WEIGHT_DIMENSIONS.value: lambda rule, facts: bool(facts.weight_grams) and all(facts.dimensions_mm),
    Requirement.IMAGES.value: lambda rule, facts: facts.image_count >= (rule.min_images or 1),
    Requirement.DESCRIPTION_LANGUAGE.value: _description,
    Requirement.LABEL_LANGUAGE.value: lambda rule, facts: not facts.label_languages.isdisjoint(rule.languages),
    Requirement.CERTIFICATE.value: _certificate,
    Requirement.REGISTRATION.value: lambda rule, facts: bool(facts.registrations.get(rule.registration_kind)),
}


def evaluate(rule, facts):
    """The status of one rule for one product."""
    if rule.only_if_halal_claim and rule.requirement == Requirement.CERTIFICATE and not facts.claims_halal:
        return NOT_APPLICABLE
    return MET if CHECKS[str(rule.requirement)](rule, facts) else MISSING


class RuleSet:
    """The active rules prepared once for many products: per market, each rule with its category path."""

    def __init__(self, rules):
        self.by_market = {}
        for rule in rules:
            path = rule.category.path if rule.category_id is not None else None
            self.by_market.setdefault(rule.market, []).append((rule, path))
        self.markets = list(self.by_market)

    def checklist(self, market, facts):
        category = facts.category_path
        items = tuple(
            Item(rule=rule, status=evaluate(rule, facts))
            for rule, path in self.by_market.get(market, ())
            if path is None or category == path or category.startswith(f"{path}/")
        )
        return Checklist(market=market, items=items)

    def ready(self, market, facts):
        """The same answer as `checklist(market, facts).ready`, without building the items (the search index
        asks it for every product and market)."""
        category, required = facts.category_path, False
        for rule, path in self.by_market.get(market, ()):
            if not rule.required or not (path is None or category == path or category.startswith(f"{path}/")):
                continue
            status = evaluate(rule, facts)
            if status == MISSING:
                return False
            required = required or status == MET
        return required


def checklist(market, rules, facts):
    """The checklist of one product for one market from the active rules (any market; others are skipped).

    A rule without a category applies to every product; with one, to that category and those below it."""
    return RuleSet(rules).checklist(market, facts)


# What a supplier does to meet a missing item, and where (a dashboard page's URL name, or "" for the form on
# the readiness page).
NEXT_STEPS = {
    Requirement.SHIPS_TO: (_("Add the market to “Ships to” on the product form."), "dashboard:product_edit"),
    Requirement.HS_CODE: (_("Give the product's HS code on the product form."), "dashboard:product_edit"),
    Requirement.SHELF_LIFE: (_("Give the shelf life in days on the product form."), "dashboard:product_edit"),
    Requirement.WEIGHT_DIMENSIONS: (
        _("Give the weight and the length, width and height on the product form."),
        "dashboard:product_edit",
    ),
    Requirement.IMAGES: (_("Add more product images."), "dashboard:product_images"),
    Requirement.DESCRIPTION_LANGUAGE: (
        _("Write the description in the market's language on the product form."),
        "dashboard:product_edit",
    ),
    Requirement.LABEL_LANGUAGE: (_("Print the label in one of these languages, then tick it below."), ""),
    Requirement.CERTIFICATE: (
        _("Add a valid certificate the market recognises to your wallet and link it to the product."),
        "dashboard:certificates",
    ),
    Requirement.REGISTRATION: (_("Register the product with the agency, then enter the number below."), ""),
}
