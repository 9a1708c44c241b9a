"""Factories for market readiness: rules (saved through the service, so they have their first version) and a
product's readiness data."""

import datetime

import factory

from catalog.readiness import services
from catalog.readiness.models import ProductReadiness, Requirement, Rule


def make_rule(market, requirement, *, by=None, **fields):
    """A saved rule (version 1, with its RuleVersion), as staff would create it."""
    values = {
        "source_name": "Test agency",
        "source_url": "https://agency.example/rules",
        "source_date": datetime.date(2026, 12, 1),
        **fields,
    }
    return services.save_rule(rule=Rule(market=market, requirement=requirement, **values), by=by)


def ships_to_rule(market, **fields):
    return make_rule(market, Requirement.SHIPS_TO, **fields)


class ProductReadinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductReadiness

    label_languages = factory.LazyFunction(lambda: ["zh-hant", "en"])
    claims_halal = False
    registrations = factory.LazyFunction(dict)
