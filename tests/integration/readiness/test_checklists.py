"""Checklists from the database: the product's row, images, readiness data and the certificates valid today
(expired and rejected ones do not count; the recognising markets do); rules versioned by the service."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from catalog.readiness import selectors, services
from catalog.readiness.models import ProductReadiness, RegistrationKind, Requirement, RuleVersion
from catalog.showcase.models import Certificate, CertificateType, Product, ShowcaseError
from tests.factories.accounts import UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.readiness import ProductReadinessFactory, make_rule, ships_to_rule
from tests.factories.showcase import CertificateFactory, add_image, live_product

pytestmark = pytest.mark.django_db


def halal_rule(market="MY", **fields):
    return make_rule(market, Requirement.CERTIFICATE, certificate_type=CertificateType.HALAL, **fields)


def with_certificate(product, **fields):
    certificate = CertificateFactory(company=product.company, **fields)
    product.certificates.add(certificate)
    product.save()
    return certificate


def statuses(product):
    return {
        checklist.market: [item.status for item in checklist.items]
        for checklist in selectors.checklists([product.pk])[product.pk]
    }


def test_a_valid_certificate_recognised_in_the_market_meets_the_rule():
    ships_to_rule("MY")
    halal_rule()
    product = live_product(ships_to=["MY"])
    with_certificate(product, recognised_markets=["MY"])
    assert statuses(product) == {"MY": ["met", "met"]}
    assert selectors.ready_markets([product.pk]) == {product.pk: ["MY"]}


@pytest.mark.parametrize(
    "certificate",
    [
        {"recognised_markets": ["ID"]},
        {"valid_until": datetime.date(2020, 1, 1), "valid_from": datetime.date(2019, 1, 1)},
        {"valid_from": datetime.date(2099, 1, 1), "valid_until": datetime.date(2099, 12, 31)},
        {"check_status": Certificate.CheckStatus.REJECTED},
        {"certificate_type": CertificateType.HACCP},
    ],
    ids=["recognised-elsewhere", "expired", "not-yet-valid", "rejected-by-the-bureau", "other-type"],
)
def test_certificates_that_do_not_count(certificate):
    """Recognised elsewhere, expired, not yet valid, rejected by the bureau or of another type: missing."""
    halal_rule()
    product = live_product(ships_to=["MY"])
    with_certificate(product, **{"recognised_markets": ["MY"], **certificate})
    assert statuses(product) == {"MY": ["missing"]}
    assert selectors.ready_markets([product.pk]) == {}


def test_the_halal_rule_applies_only_to_products_claiming_halal():
    halal_rule(only_if_halal_claim=True)
    ships_to_rule("MY")
    claims, plain = live_product(ships_to=["MY"]), live_product(ships_to=["MY"])
    ProductReadinessFactory(product=claims, claims_halal=True)
    assert statuses(claims) == {"MY": ["missing", "met"]}
    assert statuses(plain) == {"MY": ["not_applicable", "met"]}
    assert selectors.ready_markets([claims.pk, plain.pk]) == {plain.pk: ["MY"]}


def test_images_registrations_and_labels_are_read_from_the_database():
    make_rule("TH", Requirement.IMAGES, min_images=2)
    make_rule("TH", Requirement.REGISTRATION, registration_kind=RegistrationKind.TH_FDA)
    make_rule("TH", Requirement.LABEL_LANGUAGE, languages=["th"])
    product = live_product(ships_to=["TH"])
    assert statuses(product) == {"TH": ["missing", "missing", "missing"]}
    add_image(product)
    ProductReadinessFactory(product=product, label_languages=["th", "en"], registrations={"th_fda": "10-1-1-1-1"})
    assert statuses(product) == {"TH": ["met", "met", "met"]}


def test_inactive_rules_are_not_on_the_checklist():
    ships_to_rule("TH")
    make_rule("TH", Requirement.SHELF_LIFE, active=False)
    product = live_product(ships_to=["TH"])
    assert statuses(product) == {"TH": ["met"]}


def test_checklists_take_the_same_number_of_queries_for_one_product_or_many(django_assert_num_queries):
    """Rows, images, readiness data and certificates: four queries whatever the number of products, once the
    process keeps the rules (one more query the first time)."""
    ships_to_rule("TH")
    halal_rule()
    products = [live_product(ships_to=["TH"]) for _ in range(4)]
    for product in products:
        with_certificate(product, recognised_markets=["MY"])
    with django_assert_num_queries(5):
        selectors.checklists([products[0].pk])
    with django_assert_num_queries(4):
        selectors.checklists([products[0].pk])
    with django_assert_num_queries(4):
        assert len(selectors.checklists([p.pk for p in products])) == 4


def test_kept_rules_follow_every_change_of_a_rule_or_a_category():
    """The process keeps the active rules between requests; a rule created, changed or deleted, and a category
    given another path (what the product's path is checked against), show in the very next checklist."""
    product = live_product(ships_to=["TH"])
    assert statuses(product) == {}
    rule = ships_to_rule("TH")
    assert statuses(product) == {"TH": ["met"]}
    images = make_rule("TH", Requirement.IMAGES, min_images=5, category=product.category)
    assert statuses(product) == {"TH": ["missing", "met"]}
    category = product.category
    category.path = category.path + "-renamed"
    category.slug = category.slug + "-renamed"
    category.save()
    assert statuses(product) == {"TH": ["missing", "met"]}
    images.active = False
    services.save_rule(rule=images, by=None)
    assert statuses(product) == {"TH": ["met"]}
    services.delete_rule(rule=rule)
    assert statuses(product) == {}


def test_a_loaded_product_is_ready_for_what_its_checklist_says_in_one_query(django_assert_num_queries):
    """The product page's badges come from the product, images and valid certificates it read already and the
    kept rules: the same markets as ``ready_markets``, with only the readiness record read."""
    ships_to_rule("TH")
    ships_to_rule("MY")
    halal_rule()
    make_rule("TH", Requirement.IMAGES, min_images=2)
    both = live_product(ships_to=["TH", "MY"])
    add_image(both)
    with_certificate(both, recognised_markets=["MY"])
    with_certificate(
        both, recognised_markets=["MY"], valid_from=datetime.date(2019, 1, 1), valid_until=datetime.date(2020, 1, 1)
    )
    ProductReadinessFactory(product=both, claims_halal=True)
    one_picture = live_product(ships_to=["TH", "MY"])
    expected = {both.pk: ["MY", "TH"], one_picture.pk: []}
    for product in (both, one_picture):
        loaded = Product.objects.select_related("category").get(pk=product.pk)
        images, certificates = list(loaded.images.all()), list(loaded.valid_certificates())
        selectors.ACTIVE_RULE_SET.get()
        with django_assert_num_queries(1):
            codes = selectors.loaded_product_ready_markets(loaded, images=images, certificates=certificates)
        assert codes == selectors.ready_markets([product.pk]).get(product.pk, []) == expected[product.pk]


class TestRuleVersions:
    def test_a_new_rule_is_version_one_with_its_history(self):
        staff = UserFactory(is_staff=True)
        rule = ships_to_rule("TH", by=staff)
        assert rule.version == 1
        assert list(rule.versions.values_list("version", "created_by")) == [(1, staff.pk)]

    def test_a_change_makes_a_new_version_and_saving_unchanged_does_not(self):
        rule = make_rule("TH", Requirement.IMAGES, min_images=2)
        services.save_rule(rule=rule, by=None)
        assert rule.version == 1
        rule.min_images = 3
        services.save_rule(rule=rule, by=None)
        rule.refresh_from_db()
        assert rule.version == 2
        old, new = RuleVersion.objects.filter(rule=rule).order_by("version")
        assert (old.values["min_images"], new.values["min_images"]) == (2, 3)

    def test_the_checklist_names_the_version_it_used(self):
        rule = make_rule("TH", Requirement.IMAGES, min_images=1)
        rule.min_images = 2
        services.save_rule(rule=rule, by=None)
        product = live_product(ships_to=["TH"])
        (checklist,) = selectors.checklists([product.pk])[product.pk]
        assert checklist.items[0].rule.version == 2

    def test_bad_input_is_refused_and_nothing_is_saved(self):
        with pytest.raises(ValidationError) as error:
            make_rule("TH", Requirement.REGISTRATION, registration_kind=RegistrationKind.ID_BPOM)
        assert "registration_kind" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            make_rule("TH", Requirement.HS_CODE, source_url="not a link")
        assert "source_url" in error.value.message_dict
        assert not RuleVersion.objects.exists()


class TestReadinessData:
    def test_a_member_saves_labels_halal_claim_and_registrations(self):
        product = live_product()
        member = MembershipFactory(company=product.company).user
        data = services.save_readiness(
            product=product,
            user=member,
            label_languages=["th", "en"],
            claims_halal=True,
            registrations={"th_fda": " 10-1-12345-1-0001 ", "id_bpom": ""},
        )
        data.refresh_from_db()
        assert (data.label_languages, data.claims_halal, data.registrations) == (
            ["en", "th"],
            True,
            {"th_fda": "10-1-12345-1-0001"},
        )

    def test_someone_outside_the_company_is_refused(self):
        product = live_product()
        with pytest.raises(ShowcaseError):
            services.save_readiness(
                product=product, user=UserFactory(), label_languages=[], claims_halal=False, registrations={}
            )
        assert not ProductReadiness.objects.exists()

    @pytest.mark.parametrize(
        ("languages", "registrations"),
        [(["fr"], {}), ([], {"th_fda": "<script>"}), ([], {"passport": "12345"})],
        ids=["unknown-language", "malformed-number", "unknown-registration"],
    )
    def test_bad_input_is_refused_and_nothing_is_saved(self, languages, registrations):
        product = live_product()
        member = MembershipFactory(company=product.company).user
        with pytest.raises(services.ReadinessError):
            services.save_readiness(
                product=product, user=member, label_languages=languages, claims_halal=True, registrations=registrations
            )
        assert not selectors.readiness_data(product).pk


def test_today_is_the_default_date_of_the_certificates():
    """Certificates valid from tomorrow do not count today; they do with today=tomorrow."""
    halal_rule()
    product = live_product(ships_to=["MY"])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with_certificate(product, recognised_markets=["MY"], valid_from=tomorrow)
    assert selectors.ready_markets([product.pk]) == {}
    assert selectors.ready_markets([product.pk], today=tomorrow) == {product.pk: ["MY"]}
