"""The supplier dashboard through full requests: permission matrix, product edits, images, certificates."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from catalog.showcase.models import Certificate, ModerationState, Product
from tests.factories.accounts import StaffFactory
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import (
    CertificateFactory,
    ProductCategoryFactory,
    ProductFactory,
    VerifiedCompanyFactory,
    live_product,
    png_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return MembershipFactory(company=VerifiedCompanyFactory()).user


@pytest.fixture
def company(member):
    return member.memberships.get().company


@pytest.fixture
def product(company):
    return live_product(company=company, name_en="Approved oolong")


def product_data(category, **overrides):
    data = {
        "sku": "TEA-1",
        "name_zh_hant": "高山烏龍茶",
        "name_en": "High-mountain oolong",
        "description_zh_hant": "阿里山茶區。",
        "description_en": "From Alishan.",
        "category": category.pk,
        "price_twd": "800",
        "moq": "10",
        "order_multiple": "5",
        "unit": "box",
        "lead_time_days": "10",
        "hs_code": "090220",
        "origin": "TW",
        "ships_to": ["TH", "MY"],
        "stock_status": "in_stock",
        "tiers-TOTAL_FORMS": "2",
        "tiers-INITIAL_FORMS": "0",
        "tiers-MIN_NUM_FORMS": "0",
        "tiers-MAX_NUM_FORMS": "10",
        "tiers-0-min_quantity": "100",
        "tiers-0-unit_price_twd": "700",
        "tiers-1-min_quantity": "",
        "tiers-1-unit_price_twd": "",
    }
    data.update(overrides)
    return data


def urls(company, product):
    return [
        f"/en/dashboard/{company.pk}/products/",
        f"/en/dashboard/{company.pk}/products/new/",
        f"/en/dashboard/{company.pk}/products/{product.pk}/edit/",
        f"/en/dashboard/{company.pk}/products/{product.pk}/images/",
        f"/en/dashboard/{company.pk}/products/import/",
        f"/en/dashboard/{company.pk}/certificates/",
        f"/en/dashboard/{company.pk}/certificates/new/",
    ]


class TestPermissionMatrix:
    def test_anonymous_is_sent_to_log_in(self, client, company, product):
        """Anonymous visitors are redirected to log in on every dashboard page."""
        for url in urls(company, product):
            response = client.get(url)
            assert response.status_code == 302, url
            assert "/accounts/login/" in response["Location"]

    def test_member_of_another_company_gets_404(self, client, company, product):
        """A member of company B cannot see company A's dashboard or its products (404, nothing revealed)."""
        client.force_login(MembershipFactory().user)
        for url in urls(company, product):
            assert client.get(url).status_code == 404, url

    def test_member_of_another_company_cannot_reach_a_product_through_their_own_company(self, client, product):
        """Company B's URL with company A's product id is a 404 too."""
        other = MembershipFactory()
        client.force_login(other.user)
        response = client.get(f"/en/dashboard/{other.company.pk}/products/{product.pk}/edit/")
        assert response.status_code == 404
        response = client.post(f"/en/dashboard/{other.company.pk}/products/{product.pk}/submit/")
        assert response.status_code == 404

    def test_staff_without_membership_gets_404(self, client, company, product):
        """Staff moderate in the Wagtail admin; the dashboard is for the company's members only."""
        client.force_login(StaffFactory())
        for url in urls(company, product):
            assert client.get(url).status_code == 404, url

    @pytest.mark.parametrize("language", ["zh-hant", "en"])
    def test_member_sees_every_page(self, client, member, company, product, language):
        """A member gets every dashboard page in both languages."""
        client.force_login(member)
        for url in urls(company, product):
            response = client.get(url.replace("/en/", f"/{language}/"))
            assert response.status_code == 200, url
        listing = client.get(f"/{language}/dashboard/{company.pk}/products/").content.decode()
        assert product.sku in listing

    def test_index_redirects_to_the_only_company(self, client, member, company):
        """With one company, /dashboard/ goes straight to its products."""
        client.force_login(member)
        response = client.get("/en/dashboard/")
        assert response["Location"] == f"/en/dashboard/{company.pk}/products/"


class TestProductForms:
    def test_create_saves_a_draft_with_tiers(self, client, member, company):
        """A valid form creates a draft product with its price tier; it is not public."""
        client.force_login(member)
        response = client.post(f"/en/dashboard/{company.pk}/products/new/", product_data(ProductCategoryFactory()))
        assert response.status_code == 302
        product = Product.objects.get(company=company, sku="TEA-1")
        assert not product.live
        assert [(t.min_quantity, t.unit_price_twd) for t in product.price_tiers.all()] == [(100, Decimal("700.00"))]
        assert product.moderation_state == ModerationState.DRAFT

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("hs_code", "12.34", "An HS code has 6 to 10 digits"),
            ("price_twd", "-5", "greater than or equal to 0"),
            ("name_en", "", "This field is required"),
        ],
    )
    def test_bad_input_shows_a_message_and_saves_nothing(self, client, member, company, field, value, message):
        """Bad input: the form comes back with the message next to the field; no product is created."""
        client.force_login(member)
        response = client.post(
            f"/en/dashboard/{company.pk}/products/new/", product_data(ProductCategoryFactory(), **{field: value})
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Product.objects.filter(company=company).exists()

    def test_duplicate_sku_is_refused(self, client, member, company, product):
        """A second product with an existing SKU is refused; nothing is saved."""
        client.force_login(member)
        response = client.post(
            f"/en/dashboard/{company.pk}/products/new/",
            product_data(ProductCategoryFactory(), sku=product.sku),
        )
        assert "already has a product with this SKU" in response.content.decode()
        assert Product.objects.filter(company=company).count() == 1

    def test_editing_a_live_product_keeps_the_public_version(self, client, member, company, product):
        """Editing a live product saves a draft revision; the row (public version) is unchanged."""
        client.force_login(member)
        data = product_data(product.category, sku=product.sku, name_en="Edited oolong")
        response = client.post(f"/en/dashboard/{company.pk}/products/{product.pk}/edit/", data)
        assert response.status_code == 302
        product.refresh_from_db()
        assert product.name_en == "Approved oolong"
        assert product.get_latest_revision_as_object().name_en == "Edited oolong"
        listing = client.get(f"/en/dashboard/{company.pk}/products/").content.decode()
        assert "Live, changes pending" in listing

    def test_another_companys_certificate_is_not_offered(self, client, member, company):
        """Certificates of other companies are not valid choices."""
        foreign = CertificateFactory()
        client.force_login(member)
        data = product_data(ProductCategoryFactory(), certificates=[foreign.pk])
        response = client.post(f"/en/dashboard/{company.pk}/products/new/", data)
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not Product.objects.filter(company=company).exists()

    def test_submit_starts_the_review(self, client, member, company):
        """Submitting a draft with an image moves it to review."""
        product = ProductFactory(company=company)
        product.save_revision()
        client.force_login(member)
        client.post(
            f"/en/dashboard/{company.pk}/products/{product.pk}/images/",
            {"upload": png_upload(), "alt_text": "Tea tin"},
        )
        response = client.post(f"/en/dashboard/{company.pk}/products/{product.pk}/submit/")
        assert response.status_code == 302
        assert Product.objects.get(pk=product.pk).moderation_state == ModerationState.IN_REVIEW


class TestImages:
    def test_upload_with_alt_text(self, client, member, company):
        """A PNG with alt text is added to the product's latest version."""
        product = ProductFactory(company=company)
        client.force_login(member)
        response = client.post(
            f"/en/dashboard/{company.pk}/products/{product.pk}/images/",
            {"upload": png_upload(), "alt_text": "Two tins of tea"},
        )
        assert response.status_code == 302
        assert [i.alt_text for i in Product.objects.get(pk=product.pk).images.all()] == ["Two tins of tea"]

    def test_not_an_image_is_refused(self, client, member, company):
        """A file that is not a picture (checked by content) is refused with a message; nothing is added."""
        product = ProductFactory(company=company)
        client.force_login(member)
        fake = SimpleUploadedFile("tea.jpg", b"%PDF-1.4 not a picture", content_type="image/jpeg")
        response = client.post(
            f"/en/dashboard/{company.pk}/products/{product.pk}/images/", {"upload": fake, "alt_text": "Tea"}
        )
        assert response.status_code == 400
        assert "not an image we can read" in response.content.decode()
        assert not Product.objects.get(pk=product.pk).images.exists()

    def test_alt_text_is_required(self, client, member, company):
        """Without alt text the upload is refused."""
        product = ProductFactory(company=company)
        client.force_login(member)
        response = client.post(
            f"/en/dashboard/{company.pk}/products/{product.pk}/images/", {"upload": png_upload(), "alt_text": ""}
        )
        assert response.status_code == 400
        assert not Product.objects.get(pk=product.pk).images.exists()


class TestCertificates:
    def cert_data(self, **overrides):
        today = timezone.localdate()
        data = {
            "certificate_type": "HALAL",
            "issuer": "CICOT",
            "number": "TH-HAL-77",
            "valid_from": (today - datetime.timedelta(days=10)).isoformat(),
            "valid_until": (today + datetime.timedelta(days=300)).isoformat(),
            "recognised_markets": ["TH"],
        }
        data.update(overrides)
        return data

    def test_member_adds_a_certificate_with_a_private_scan(self, client, member, company, settings):
        """The scan is stored under PRIVATE_MEDIA_ROOT, not under the public media root."""
        client.force_login(member)
        scan = SimpleUploadedFile("halal.pdf", b"%PDF-1.4 scan", content_type="application/pdf")
        response = client.post(f"/en/dashboard/{company.pk}/certificates/new/", {**self.cert_data(), "scan": scan})
        assert response.status_code == 302
        certificate = Certificate.objects.get(company=company)
        assert certificate.scan.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))

    def test_end_before_start_is_refused(self, client, member, company):
        """A certificate ending before it starts is refused with a message; nothing is saved."""
        client.force_login(member)
        data = self.cert_data(valid_until="2020-01-01")
        response = client.post(f"/en/dashboard/{company.pk}/certificates/new/", data)
        assert response.status_code == 200
        assert "on or after the start date" in response.content.decode()
        assert not Certificate.objects.exists()

    def test_scan_that_is_not_a_pdf_or_picture_is_refused(self, client, member, company):
        """The scan is checked by content."""
        client.force_login(member)
        scan = SimpleUploadedFile("halal.pdf", b"MZ\x90\x00 executable", content_type="application/pdf")
        response = client.post(f"/en/dashboard/{company.pk}/certificates/new/", {**self.cert_data(), "scan": scan})
        assert "PDF, JPEG or PNG" in response.content.decode()
        assert not Certificate.objects.exists()

    def test_other_company_cannot_delete(self, client, company):
        """A member of another company cannot delete the certificate (404) and it stays."""
        certificate = CertificateFactory(company=company)
        client.force_login(MembershipFactory().user)
        response = client.post(f"/en/dashboard/{company.pk}/certificates/{certificate.pk}/delete/")
        assert response.status_code == 404
        assert Certificate.objects.filter(pk=certificate.pk).exists()

    def test_member_deletes(self, client, member, company):
        """A member deletes a certificate from the wallet."""
        certificate = CertificateFactory(company=company)
        client.force_login(member)
        client.post(f"/en/dashboard/{company.pk}/certificates/{certificate.pk}/delete/")
        assert not Certificate.objects.filter(pk=certificate.pk).exists()


def test_editing_a_certificate_announces_its_live_products(client, member, company, django_capture_on_commit_callbacks):
    """Changing a certificate's dates re-announces the live products that carry it (for the search index)."""
    from catalog.showcase.signals import product_changed

    certificate = CertificateFactory(company=company)
    product = live_product(company=company)
    Product.certificates.through.objects.create(product=product, certificate=certificate)
    received = []
    product_changed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-cert-edit")
    client.force_login(member)
    data = TestCertificates().cert_data(number=certificate.number, issuer="JAKIM")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/en/dashboard/{company.pk}/certificates/{certificate.pk}/edit/", data)
    finally:
        product_changed.disconnect(dispatch_uid="t-cert-edit")
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.valid_until.isoformat() == data["valid_until"]
    assert [(r["product_id"], r["reason"]) for r in received] == [(product.pk, "certificates")]
