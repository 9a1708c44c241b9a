"""The readiness checklist, table-driven per market: each item met / missing / not applicable, the score and
"ready" computed from the product's facts and the market's rules (no database: rules are unsaved)."""

import dataclasses
import datetime

import pytest

from catalog.readiness.checklist import Facts, RuleSet, checklist
from catalog.readiness.models import RegistrationKind, Requirement, Rule
from catalog.showcase.models import CertificateType, ProductCategory

FOOD = ProductCategory(pk=1, slug="food-beverage", path="food-beverage")


def rule(market, requirement, *, category=None, required=True, **fields):
    return Rule(
        market=market,
        requirement=requirement,
        category=category,
        required=required,
        source_name="Test source",
        source_url="https://example.test/",
        source_date=datetime.date(2026, 12, 1),
        **fields,
    )


# The rules of each market, in checklist order; a case's expected statuses follow this order.
RULES = {
    "TH": [
        rule("TH", Requirement.SHIPS_TO),
        rule("TH", Requirement.HS_CODE),
        rule("TH", Requirement.DESCRIPTION_LANGUAGE),
        rule("TH", Requirement.IMAGES, min_images=3, required=False),
        rule("TH", Requirement.SHELF_LIFE, category=FOOD),
        rule("TH", Requirement.LABEL_LANGUAGE, category=FOOD, languages=["th"]),
        rule("TH", Requirement.REGISTRATION, category=FOOD, registration_kind=RegistrationKind.TH_FDA),
    ],
    "MY": [
        rule("MY", Requirement.SHIPS_TO),
        rule("MY", Requirement.LABEL_LANGUAGE, category=FOOD, languages=["ms", "en"]),
        rule(
            "MY",
            Requirement.CERTIFICATE,
            category=FOOD,
            certificate_type=CertificateType.HALAL,
            only_if_halal_claim=True,
        ),
    ],
    "ID": [
        rule("ID", Requirement.SHIPS_TO),
        rule("ID", Requirement.DESCRIPTION_LANGUAGE),
        rule("ID", Requirement.LABEL_LANGUAGE, category=FOOD, languages=["id"]),
        rule("ID", Requirement.CERTIFICATE, category=FOOD, certificate_type=CertificateType.HALAL),
        rule("ID", Requirement.REGISTRATION, category=FOOD, registration_kind=RegistrationKind.ID_BPOM),
    ],
    "VN": [
        rule("VN", Requirement.SHIPS_TO),
        rule("VN", Requirement.LABEL_LANGUAGE, languages=["vi"]),
        rule("VN", Requirement.REGISTRATION, category=FOOD, registration_kind=RegistrationKind.VN_DECLARATION),
    ],
    "SG": [
        rule("SG", Requirement.SHIPS_TO),
        rule("SG", Requirement.WEIGHT_DIMENSIONS),
        rule("SG", Requirement.LABEL_LANGUAGE, category=FOOD, languages=["en"]),
    ],
}

# A halal food product with everything every market asks for.
COMPLETE = Facts(
    product_id=1,
    category_path="food-beverage/snacks",
    ships_to=frozenset({"TH", "MY", "ID", "VN", "SG"}),
    hs_code="190590",
    shelf_life_days=180,
    weight_grams=500,
    dimensions_mm=(200, 100, 50),
    image_count=3,
    description_languages=frozenset({"zh-hant", "en", "th", "ms", "id", "vi"}),
    label_languages=frozenset({"zh-hant", "en", "th", "ms", "id", "vi"}),
    claims_halal=True,
    registrations={"th_fda": "10-1-12345-1-0001", "id_bpom": "ML 123456789012", "vn_declaration": "01/2026/TCB"},
    certificates=(("HALAL", frozenset({"MY"})), ("HALAL", frozenset({"ID"}))),
)

# (market, changes to COMPLETE, statuses in rule order: M met, X missing, - not applicable; score; ready)
CASES = [
    ("TH", {}, "MMMMMMM", 100, True),
    ("TH", {"registrations": {}}, "MMMMMMX", 86, False),
    ("TH", {"label_languages": frozenset({"zh-hant", "en"})}, "MMMMMXM", 86, False),
    ("TH", {"shelf_life_days": None}, "MMMMXMM", 86, False),
    ("TH", {"hs_code": ""}, "MXMMMMM", 86, False),
    ("TH", {"ships_to": frozenset({"MY"})}, "XMMMMMM", 86, False),
    ("TH", {"description_languages": frozenset({"zh-hant", "en"})}, "MMXMMMM", 86, False),
    # a recommended item lowers the score but not readiness
    ("TH", {"image_count": 1}, "MMMXMMM", 86, True),
    # outside the food category, the food rules are not on the list at all
    ("TH", {"category_path": "stationery", "registrations": {}, "shelf_life_days": None}, "MMMM", 100, True),
    ("MY", {}, "MMM", 100, True),
    ("MY", {"label_languages": frozenset({"en"})}, "MMM", 100, True),
    ("MY", {"label_languages": frozenset({"zh-hant"})}, "MXM", 67, False),
    # halal claimed but the certificate is recognised in Indonesia only
    ("MY", {"certificates": (("HALAL", frozenset({"ID"})),)}, "MMX", 67, False),
    # no halal claim: the halal rule does not apply, and the score counts the applicable items only
    ("MY", {"claims_halal": False, "certificates": ()}, "MM-", 100, True),
    ("MY", {"certificates": (("HACCP", frozenset({"MY"})),)}, "MMX", 67, False),
    ("ID", {}, "MMMMM", 100, True),
    # Indonesia asks every food product for halal certification, claimed or not
    ("ID", {"claims_halal": False, "certificates": ()}, "MMMXM", 80, False),
    ("ID", {"registrations": {"th_fda": "10-1-12345-1-0001"}}, "MMMMX", 80, False),
    ("ID", {"description_languages": frozenset({"en", "ms"})}, "MXMMM", 80, False),
    ("VN", {}, "MMM", 100, True),
    ("VN", {"label_languages": frozenset({"en"}), "registrations": {}}, "MXX", 33, False),
    ("VN", {"category_path": "bicycles", "label_languages": frozenset({"vi"})}, "MM", 100, True),
    ("VN", {"category_path": "bicycles", "label_languages": frozenset()}, "MX", 50, False),
    ("SG", {}, "MMM", 100, True),
    ("SG", {"dimensions_mm": (200, 100, None)}, "MXM", 67, False),
    ("SG", {"weight_grams": None}, "MXM", 67, False),
]

SYMBOLS = {"met": "M", "missing": "X", "not_applicable": "-"}


@pytest.mark.parametrize(("market", "changes", "statuses", "score", "ready"), CASES)
def test_checklist_per_market(market, changes, statuses, score, ready):
    """Each case gives exactly the expected status per rule, the score (met ÷ applicable) and readiness."""
    facts = dataclasses.replace(COMPLETE, **changes)
    result = checklist(market, RULES[market], facts)
    assert "".join(SYMBOLS[item.status] for item in result.items) == statuses
    assert result.score == score
    assert result.ready is ready
    assert RuleSet(RULES[market]).ready(market, facts) is ready  # the index's shortcut agrees


def test_rules_of_other_markets_are_left_out():
    """A market's checklist holds only its own rules, whatever list it is given."""
    every_rule = [r for rules in RULES.values() for r in rules]
    result = checklist("SG", every_rule, COMPLETE)
    assert {item.rule.market for item in result.items} == {"SG"}
    assert len(result.items) == len(RULES["SG"])


def test_a_market_without_rules_is_never_ready():
    """No rules, no claim: an empty checklist has no score and is not ready."""
    result = checklist("PH", [], COMPLETE)
    assert result.items == () and result.score is None and result.ready is False
    assert RuleSet([]).ready("PH", COMPLETE) is False


def test_a_description_rule_without_languages_asks_for_the_market_language():
    """Thailand's description rule wants Thai; listing Malay instead makes it ask for Malay."""
    thai = rule("TH", Requirement.DESCRIPTION_LANGUAGE)
    malay = rule("TH", Requirement.DESCRIPTION_LANGUAGE, languages=["ms"])
    facts = dataclasses.replace(COMPLETE, description_languages=frozenset({"en", "ms"}))
    assert [item.status for item in checklist("TH", [thai, malay], facts).items] == ["missing", "met"]


def test_a_category_rule_applies_to_the_categories_below_but_not_to_lookalikes():
    """ "food-beverage" covers "food-beverage/snacks", not "food-beverages"."""
    shelf_life = rule("TH", Requirement.SHELF_LIFE, category=FOOD)
    below = dataclasses.replace(COMPLETE, category_path="food-beverage/snacks")
    lookalike = dataclasses.replace(COMPLETE, category_path="food-beverages")
    assert len(checklist("TH", [shelf_life], below).items) == 1
    assert checklist("TH", [shelf_life], lookalike).items == ()
