"""A rule's own checks (`Rule.clean`): each incomplete or contradictory rule is refused with a message on the
field to fix; and what a rule says it asks for, in words."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from catalog.readiness.models import RegistrationKind, Requirement, Rule, language_names


def rule(**fields):
    values = {
        "market": "TH",
        "requirement": Requirement.HS_CODE,
        "source_name": "Thai FDA",
        "source_url": "https://www.fda.moph.go.th/",
        "source_date": datetime.date(2026, 12, 1),
        **fields,
    }
    return Rule(**values)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"requirement": Requirement.IMAGES}, "min_images", "Give the minimum number of images"),
        ({"requirement": Requirement.LABEL_LANGUAGE}, "languages", "Choose at least one language"),
        ({"requirement": Requirement.LABEL_LANGUAGE, "languages": ["fr"]}, "languages", "Choose languages from"),
        ({"requirement": Requirement.CERTIFICATE}, "certificate_type", "Choose the certificate type"),
        ({"only_if_halal_claim": True}, "only_if_halal_claim", "Only a certificate rule"),
        ({"requirement": Requirement.REGISTRATION}, "registration_kind", "Choose the registration"),
        (
            {"requirement": Requirement.REGISTRATION, "registration_kind": RegistrationKind.VN_DECLARATION},
            "registration_kind",
            "belongs to another market",
        ),
        ({"need": "Compliance!"}, "need", "A need code has lower-case letters"),
    ],
)
def test_incomplete_rules_are_refused_with_a_message_on_the_field(fields, field, message):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            rule(**fields).clean()
        assert message in " ".join(error.value.message_dict[field])


def test_a_complete_rule_passes():
    """A Thai FDA registration rule for Thailand with a need code is accepted."""
    rule(requirement=Requirement.REGISTRATION, registration_kind=RegistrationKind.TH_FDA, need="compliance").clean()


def test_the_rule_says_what_it_asks_for_in_the_active_language():
    label = rule(requirement=Requirement.LABEL_LANGUAGE, market="MY", languages=["ms", "en"])
    images = rule(requirement=Requirement.IMAGES, min_images=3)
    with translation.override("en"):
        assert label.describe() == "Label in Malay or English"
        assert images.describe() == "At least 3 product images"
        assert language_names(["th", "ms", "en"]) == "Thai, Malay or English"


def test_a_snapshot_holds_every_versioned_field_as_json():
    snapshot = rule().snapshot()
    assert set(snapshot) == set(Rule.VERSIONED_FIELDS)
    assert snapshot["source_date"] == "2026-12-01"
