"""Writes: staff rules (each change a new version) and a supplier's readiness data. Both tell the search index
which products to look at again, through the showcase's signals (the catalog never imports search)."""

from django.db import transaction
from django.utils.translation import gettext as _

from catalog.showcase.models import Product, ShowcaseError
from catalog.showcase.services import check_member, notify_products_changed, notify_products_changed_at_once

from .models import (
    LANGUAGE_CODES,
    REGISTRATION_NUMBER,
    REGISTRATION_NUMBER_MESSAGE,
    ProductReadiness,
    RegistrationKind,
    Rule,
    RuleVersion,
)
from .selectors import scoped_public_product_ids


class ReadinessError(ShowcaseError):
    """A readiness change is not allowed; the message is shown to the user."""


@transaction.atomic
def save_rule(*, rule, by):
    """Validate and save a rule. A new rule is version 1; a change of any versioned field makes the next
    version. Products the rule concerned before or concerns now are indexed again."""
    rule.full_clean()
    previous = None
    if rule.pk:
        previous = Rule.objects.select_for_update().filter(pk=rule.pk).first()
    if previous is not None and previous.snapshot() == rule.snapshot():
        rule.save()
        return rule
    affected = set(scoped_public_product_ids(previous)) if previous is not None else set()
    if previous is not None:
        rule.version = previous.version + 1
    rule.save()
    RuleVersion.objects.create(rule=rule, version=rule.version, values=rule.snapshot(), created_by=by)
    affected.update(scoped_public_product_ids(rule))
    notify_products_changed_at_once(affected, reason="readiness rule")
    return rule


@transaction.atomic
def delete_rule(*, rule):
    """Delete a rule (with its versions); the products it concerned are indexed again."""
    affected = scoped_public_product_ids(rule)
    rule.delete()
    notify_products_changed_at_once(affected, reason="readiness rule")


@transaction.atomic
def save_readiness(*, product, user, label_languages, claims_halal, registrations):
    """Record what a company member states about a product: label languages, halal claim, registrations.

    `registrations` is {RegistrationKind: number}; an empty number removes the registration.
    """
    check_member(company=product.company, user=user)
    unknown = set(label_languages) - set(LANGUAGE_CODES)
    if unknown:
        raise ReadinessError(_("Choose label languages from the list."))
    numbers = {}
    for kind, number in registrations.items():
        number = (number or "").strip()
        if kind not in RegistrationKind.values:
            raise ReadinessError(_("Unknown registration."))
        if number and not REGISTRATION_NUMBER.fullmatch(number):
            raise ReadinessError(REGISTRATION_NUMBER_MESSAGE)
        if number:
            numbers[kind] = number
    product = Product.objects.select_for_update().get(pk=product.pk)
    data, _created = ProductReadiness.objects.update_or_create(
        product=product,
        defaults={
            "label_languages": [code for code in LANGUAGE_CODES if code in label_languages],
            "claims_halal": bool(claims_halal),
            "registrations": numbers,
        },
    )
    if product.live:
        notify_products_changed([product.pk], reason="readiness")
    return data
