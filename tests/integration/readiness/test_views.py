"""The readiness pages through full requests: the supplier's page per product (permissions, checklist, form,
bad input), the dashboard's readiness column, the "Ready for …" badges on the product page, and the staff's
rule screens in the Wagtail admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.readiness.models import ProductReadiness, RegistrationKind, Requirement, Rule
from catalog.showcase.models import CertificateType
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.inquiries import build_showcase
from tests.factories.readiness import ProductReadinessFactory, make_rule, ships_to_rule
from tests.factories.showcase import CertificateFactory, live_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(db):
    return build_showcase()


@pytest.fixture
def rules():
    """Thailand asks for a Thai FDA number; Malaysia for a JAKIM-recognised halal certificate."""
    return [
        ships_to_rule("TH"),
        make_rule("TH", Requirement.REGISTRATION, registration_kind=RegistrationKind.TH_FDA, need="compliance"),
        ships_to_rule("MY"),
        make_rule("MY", Requirement.CERTIFICATE, certificate_type=CertificateType.HALAL),
    ]


def readiness_url(shop, lang="en", product=None):
    product = product or shop.cake
    return f"/{lang}/dashboard/{shop.supplier.pk}/products/{product.pk}/readiness/"


def make_ready_for_malaysia(product):
    certificate = CertificateFactory(company=product.company, recognised_markets=["MY"])
    product.certificates.add(certificate)
    product.save()


class TestPermissions:
    def test_anonymous_is_sent_to_log_in(self, client, shop, rules):
        response = client.get(readiness_url(shop))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert client.post(readiness_url(shop), {"claims_halal": "on"}).status_code == 302
        assert not ProductReadiness.objects.exists()

    def test_a_member_of_another_company_gets_404_and_changes_nothing(self, client, shop, rules):
        other = MembershipFactory().user
        client.force_login(other)
        assert client.get(readiness_url(shop)).status_code == 404
        assert client.post(readiness_url(shop), {"claims_halal": "on"}).status_code == 404
        own = other.memberships.get().company
        assert client.get(f"/en/dashboard/{own.pk}/products/{shop.cake.pk}/readiness/").status_code == 404
        assert not ProductReadiness.objects.exists()

    def test_staff_without_membership_gets_404(self, client, shop, rules):
        client.force_login(StaffFactory())
        assert client.get(readiness_url(shop)).status_code == 404

    @pytest.mark.parametrize("lang", ["zh-hant", "en", "th"])
    def test_a_member_sees_the_score_per_market_and_what_is_missing(self, client, shop, rules, lang):
        client.force_login(shop.member)
        response = client.get(readiness_url(shop, lang))
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="market-th"' in html and 'id="market-my"' in html
        assert "50%" in html  # one of two items met in each market
        assert "Test agency" in html and 'href="https://agency.example/rules"' in html
        assert f"/{lang}/dashboard/{shop.supplier.pk}/certificates/" in html


class TestTheForm:
    def test_a_member_saves_the_data_and_the_checklist_follows(self, client, shop, rules):
        client.force_login(shop.member)
        response = client.post(
            readiness_url(shop),
            {"label_languages": ["th", "en"], "registration_th_fda": "10-1-12345-1-0001"},
            follow=True,
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Saved." in html
        assert "Ready for Thailand" in html
        data = ProductReadiness.objects.get(product=shop.cake)
        assert data.label_languages == ["en", "th"] and data.registrations == {"th_fda": "10-1-12345-1-0001"}

    @pytest.mark.parametrize(
        "data",
        [
            {"registration_th_fda": "<b>1</b>"},
            {"registration_th_fda": "x" * 41},
            {"label_languages": ["klingon"]},
        ],
        ids=["markup", "too-long", "unknown-language"],
    )
    def test_bad_input_shows_a_message_and_saves_nothing(self, client, shop, rules, data):
        client.force_login(shop.member)
        response = client.post(readiness_url(shop), data)
        assert response.status_code == 200
        assert "govuk-form-group--error" in response.content.decode()
        assert not ProductReadiness.objects.exists()

    def test_the_form_shows_what_was_saved(self, client, shop, rules):
        ProductReadinessFactory(product=shop.cake, claims_halal=True, registrations={"th_fda": "10-1-1-1-1"})
        client.force_login(shop.member)
        html = client.get(readiness_url(shop)).content.decode()
        assert 'value="10-1-1-1-1"' in html


class TestDashboardColumn:
    def test_each_product_row_links_to_its_readiness_page_with_its_score(self, client, shop, rules):
        make_ready_for_malaysia(shop.tea)
        client.force_login(shop.member)
        html = client.get(f"/en/dashboard/{shop.supplier.pk}/products/").content.decode()
        assert readiness_url(shop, product=shop.cake) in html and readiness_url(shop, product=shop.tea) in html
        assert "Market readiness" in html
        assert 'title="Malaysia">MY</abbr> ready' in html

    def test_the_column_costs_the_same_queries_for_more_products(self, client, shop, rules):
        """The readiness of every row comes from one set of queries, not one per product."""
        client.force_login(shop.member)
        url = f"/en/dashboard/{shop.supplier.pk}/products/"
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for _ in range(3):
            live_product(company=shop.supplier, category=shop.snacks)
        client.get(url)  # saving products starts the navigation and footer caches afresh
        with CaptureQueriesContext(connection) as many:
            client.get(url)
        assert len(many) == len(few)


class TestProductPageBadge:
    def product_url(self, product, lang="en"):
        return f"/{lang}/showcase/product/{product.pk}-{product.slug}/"

    def test_ready_for_shows_only_when_every_required_item_is_met(self, client, shop, rules):
        html = client.get(self.product_url(shop.cake), follow=True).content.decode()
        assert "Ready for" not in html
        make_ready_for_malaysia(shop.cake)
        html = client.get(self.product_url(shop.cake), follow=True).content.decode()
        assert "Ready for Malaysia" in html and "Ready for Thailand" not in html

    def test_an_expired_certificate_takes_the_badge_away(self, client, shop, rules):
        make_ready_for_malaysia(shop.cake)
        shop.cake.certificates.update(valid_until=datetime.date(2020, 1, 1), valid_from=datetime.date(2019, 1, 1))
        html = client.get(self.product_url(shop.cake), follow=True).content.decode()
        assert "Ready for Malaysia" not in html


class TestRuleAdmin:
    def form(self, **overrides):
        return {
            "market": "VN",
            "category": "",
            "requirement": Requirement.LABEL_LANGUAGE,
            "required": "on",
            "languages": ["vi"],
            "certificate_type": "",
            "registration_kind": "",
            "need": "compliance",
            "source_name": "Decree 43/2017/ND-CP",
            "source_url": "https://vanban.chinhphu.vn/",
            "source_date": "2026-12-01",
            "active": "on",
            **overrides,
        }

    def test_staff_create_a_rule_as_version_one(self, client):
        staff = StaffFactory()
        client.force_login(staff)
        response = client.post(reverse("readiness_rules:add"), self.form())
        assert response.status_code == 302
        rule = Rule.objects.get()
        assert (rule.market, rule.languages, rule.version) == ("VN", ["vi"], 1)
        assert rule.versions.get().created_by == staff

    def test_staff_edit_a_rule_and_its_version_goes_up(self, client):
        client.force_login(StaffFactory())
        client.post(reverse("readiness_rules:add"), self.form())
        rule = Rule.objects.get()
        response = client.post(reverse("readiness_rules:edit", args=[rule.pk]), self.form(languages=["vi", "en"]))
        assert response.status_code == 302
        rule.refresh_from_db()
        assert rule.version == 2 and rule.versions.count() == 2

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"languages": []}, "Choose at least one language the label may be in."),
            ({"requirement": Requirement.IMAGES, "languages": []}, "Give the minimum number of images"),
            ({"source_url": "not a link"}, "Enter a valid URL."),
            ({"requirement": Requirement.REGISTRATION, "registration_kind": "th_fda"}, "belongs to another market"),
        ],
    )
    def test_bad_input_gives_a_message_and_saves_nothing(self, client, overrides, message):
        client.force_login(StaffFactory(admin_language="en"))
        response = client.post(reverse("readiness_rules:add"), self.form(**overrides))
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Rule.objects.exists()

    def test_showcase_moderators_manage_the_rules(self, client):
        """Not superusers: the "Showcase moderators" group has the rule permissions (readiness 0002)."""
        moderator = UserFactory(is_staff=True)
        moderator.groups.add(Group.objects.get(name="Showcase moderators"))
        client.force_login(moderator)
        assert client.get(reverse("readiness_rules:index")).status_code == 200
        assert client.post(reverse("readiness_rules:add"), self.form()).status_code == 302
        assert Rule.objects.get().versions.get().created_by == moderator

    def test_smes_and_anonymous_visitors_cannot_open_the_rules(self, client):
        assert client.get(reverse("readiness_rules:index")).status_code == 302
        client.force_login(UserFactory())
        response = client.get(reverse("readiness_rules:index"))
        assert response.status_code in (302, 403)
        assert client.post(reverse("readiness_rules:add"), self.form()).status_code in (302, 403)
        assert not Rule.objects.exists()
