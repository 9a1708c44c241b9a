"""Matching rules: verified supplier, live product in the category or below, ships to the destination, every
required certificate valid today and recognised in the destination market."""

import datetime

import pytest
from django.utils import timezone

from catalog.showcase.models import CertificateType
from catalog.sourcing.matching import matching_company_ids
from portal.markets import Market
from tests.factories.showcase import CertificateFactory, ProductFactory
from tests.factories.sourcing import build_marketplace

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(db):
    return build_marketplace()


def ids(*suppliers):
    return sorted(s.company.pk for s in suppliers)


def test_category_below_ships_to_and_recognised_halal(market):
    """Food + halal for Thailand: Alpha and Beta (snacks, below food) and Gamma (food); not Delta (halal for
    Malaysia only) nor Epsilon (no shipping to Thailand)."""
    found = matching_company_ids(category=market.food, destination=Market.THAILAND, required_certificates=["HALAL"])
    assert found == ids(market.thai_reader, market.chinese_reader, market.english_reader)


def test_a_product_in_the_parent_category_does_not_match_a_subcategory(market):
    """Snacks: Gamma sells in Food itself, so it is not asked."""
    found = matching_company_ids(category=market.snacks, destination=Market.THAILAND, required_certificates=["HALAL"])
    assert found == ids(market.thai_reader, market.chinese_reader)


def test_without_certificates_only_category_and_shipping_count(market):
    """No certificate required: Delta matches too, Epsilon still does not."""
    found = matching_company_ids(category=market.snacks, destination=Market.THAILAND, required_certificates=[])
    assert found == ids(market.thai_reader, market.chinese_reader, market.wrong_halal)


def test_every_required_type_is_needed(market):
    """Halal and HACCP: only a supplier holding both (Beta, after adding HACCP) matches."""
    CertificateFactory(
        company=market.chinese_reader.company,
        certificate_type=CertificateType.HACCP,
        issuer="SGS",
        recognised_markets=[Market.THAILAND],
    )
    found = matching_company_ids(
        category=market.snacks, destination=Market.THAILAND, required_certificates=["HALAL", "HACCP"]
    )
    assert found == ids(market.chinese_reader)


def test_expired_or_rejected_certificates_do_not_count(market):
    """Alpha's halal certificate expired yesterday, Beta's was rejected by the bureau: neither matches."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    market.thai_reader.company.certificates.update(valid_until=yesterday, valid_from=yesterday)
    market.chinese_reader.company.certificates.update(check_status="rejected")
    found = matching_company_ids(category=market.snacks, destination=Market.THAILAND, required_certificates=["HALAL"])
    assert found == []


def test_unverified_supplier_or_draft_products_do_not_match(market):
    """Alpha's verification is withdrawn; Delta has only a draft in another category: neither matches."""
    market.thai_reader.company.__class__.objects.filter(pk=market.thai_reader.company.pk).update(verified_at=None)
    ProductFactory(company=market.wrong_halal.company, category=market.food, ships_to=[Market.VIETNAM])
    found = matching_company_ids(category=market.snacks, destination=Market.VIETNAM, required_certificates=[])
    assert found == ids(market.no_thailand)
    found = matching_company_ids(category=market.snacks, destination=Market.THAILAND, required_certificates=[])
    assert market.thai_reader.company.pk not in found
