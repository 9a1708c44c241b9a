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
        return self.status == Status.MET

    @property
    def missing(self):
        return self.status == Status.MISSING

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
        return [item for item in self.items if item.status != Status.NOT_APPLICABLE]

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


def applies_to(rule, category_path):
    """A rule without a category applies to every product; with one, to that category and those below it."""
    if rule.category_id is None:
        return True
    path = rule.category.path
    return category_path == path or category_path.startswith(f"{path}/")


def evaluate(rule, facts):
    """The status of one rule for one product."""
    if rule.requirement == Requirement.CERTIFICATE and rule.only_if_halal_claim and not facts.claims_halal:
        return Status.NOT_APPLICABLE
    return Status.MET if _met(rule, facts) else Status.MISSING


def _met(rule, facts):
    match rule.requirement:
        case Requirement.SHIPS_TO:
            return rule.market in facts.ships_to
        case Requirement.HS_CODE:
            return bool(facts.hs_code)
        case Requirement.SHELF_LIFE:
            return bool(facts.shelf_life_days)
        case Requirement.WEIGHT_DIMENSIONS:
            return bool(facts.weight_grams) and all(facts.dimensions_mm)
        case Requirement.IMAGES:
            return facts.image_count >= (rule.min_images or 1)
        case Requirement.DESCRIPTION_LANGUAGE:
            languages = rule.languages or MARKET_LANGUAGES.get(rule.market, DEFAULT_MARKET_LANGUAGES)
            return bool(facts.description_languages.intersection(languages))
        case Requirement.LABEL_LANGUAGE:
            return bool(facts.label_languages.intersection(rule.languages))
        case Requirement.CERTIFICATE:
            return any(kind == rule.certificate_type and rule.market in markets for kind, markets in facts.certificates)
        case Requirement.REGISTRATION:
            return bool(facts.registrations.get(rule.registration_kind))
    return False


def checklist(market, rules, facts):
    """The checklist of one product for one market from the active rules (any market; others are skipped)."""
    items = tuple(
        Item(rule=rule, status=evaluate(rule, facts))
        for rule in rules
        if rule.market == market and applies_to(rule, facts.category_path)
    )
    return Checklist(market=market, items=items)


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
