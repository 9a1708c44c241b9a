"""The bureau checks certificates: scans opened privately, a checked/rejected decision with a note, dated
badges on the product and supplier pages, and declared ones visibly different."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from catalog.showcase import services
from catalog.showcase.models import Certificate, Product
from portal.status import STATUS_CHANGE_ACTION
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.coaching import ApplicationFactory, ProgramPageFactory
from tests.factories.inquiries import build_showcase
from tests.factories.showcase import CertificateFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def shop():
    shop = build_showcase()
    shop.halal = CertificateFactory(
        company=shop.supplier,
        valid_from=timezone.localdate() - datetime.timedelta(days=10),
        valid_until=timezone.localdate() + datetime.timedelta(days=300),
    )
    shop.halal.scan.save("scan.pdf", ContentFile(PDF))
    Product.certificates.through.objects.create(product=shop.cake, certificate=shop.halal)
    return shop


@pytest.fixture
def moderator():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Showcase moderators"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save(update_fields=["preferred_language"])
    return user


def scan_url(certificate):
    return reverse("showcase_certificate_scan", args=[certificate.pk])


def check_url(certificate):
    return reverse("showcase_certificate_check", args=[certificate.pk])


def product_page(client, shop, lang="en"):
    return client.get(f"/{lang}/showcase/product/{shop.cake.pk}-pineapple-cake/", follow=True).content.decode()


def test_the_scan_is_never_under_media(shop):
    """The scan lives in private storage: no public URL, outside MEDIA_ROOT."""
    from django.conf import settings

    assert not shop.halal.scan.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        shop.halal.scan.url  # noqa: B018


def test_anonymous_visitors_and_members_cannot_open_scans(client, shop):
    """Anonymous → login; the supplier's own member (no admin access) → no file; nothing is logged."""
    response = client.get(scan_url(shop.halal))
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(shop.member)
    response = client.get(scan_url(shop.halal))
    assert response.status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action=services.SCAN_OPENED).exists()


def test_staff_without_the_permission_cannot_open_scans(client, shop):
    """Admin access without ``check_certificate`` is refused."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Payments officers"))
    client.force_login(user)
    response = client.get(scan_url(shop.halal))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_moderators_open_the_scan_and_it_is_logged(client, shop, moderator):
    """The file comes back privately (no-store, nosniff) and the audit log says who opened which scan."""
    client.force_login(moderator)
    response = client.get(scan_url(shop.halal))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    entry = ModelLogEntry.objects.get(action=services.SCAN_OPENED)
    assert (entry.user, entry.object_id) == (moderator, str(shop.halal.pk))


def test_checked_certificates_show_a_dated_badge_declared_ones_say_so(client, shop, moderator):
    """Before the check: "declared"; after it: "Checked by the bureau on <date>", on product and supplier pages."""
    assert "Declared by the supplier, not checked by the bureau" in product_page(client, shop)
    client.force_login(moderator)
    response = client.post(check_url(shop.halal), {"decision": "checked", "note": "Matches JAKIM's register."})
    assert response.status_code == 302
    shop.halal.refresh_from_db()
    assert shop.halal.check_status == Certificate.CheckStatus.CHECKED
    assert shop.halal.check_note == "Matches JAKIM's register."
    client.logout()
    page = product_page(client, shop)
    assert "Checked by the bureau on" in page
    assert "Declared by the supplier" not in page
    supplier = client.get(f"/en/showcase/supplier/{shop.supplier.pk}/", follow=True).content.decode()
    assert "Checked by the bureau on" in supplier
    (change,) = shop.halal.history.all()
    assert (change.to_status, change.changed_by, change.note) == ("checked", moderator, "Matches JAKIM's register.")
    assert ModelLogEntry.objects.filter(action=STATUS_CHANGE_ACTION, object_id=str(shop.halal.pk)).exists()


def test_a_rejected_certificate_disappears_from_public_pages(client, shop, moderator):
    """Rejected needs a note; once rejected the certificate is not shown to buyers at all."""
    client.force_login(moderator)
    response = client.post(check_url(shop.halal), {"decision": "rejected", "note": ""})
    assert response.status_code == 400
    assert "Say why the certificate is rejected" in response.content.decode()
    shop.halal.refresh_from_db()
    assert shop.halal.check_status == Certificate.CheckStatus.DECLARED
    client.post(check_url(shop.halal), {"decision": "rejected", "note": "Number not in the issuer's register."})
    client.logout()
    assert shop.halal.number not in product_page(client, shop)


def test_bad_decisions_are_refused_and_nothing_changes(client, shop, moderator):
    """An unknown decision is a form error (400), never a 500."""
    client.force_login(moderator)
    response = client.post(check_url(shop.halal), {"decision": "approved-by-me"})
    assert response.status_code == 400
    shop.halal.refresh_from_db()
    assert shop.halal.check_status == Certificate.CheckStatus.DECLARED
    assert client.get(reverse("showcase_certificate_check", args=[999999]), follow=True).status_code == 404


def test_editing_a_checked_certificate_makes_it_declared_again(shop, moderator):
    """The company changes the facts the bureau checked: the badge goes until the bureau checks again."""
    services.certificate_check(certificate=shop.halal, by=moderator, decision="checked", note="")
    services.certificate_save(
        company=shop.supplier, user=shop.member, certificate=shop.halal, fields={"number": "HL-NEW-1"}
    )
    shop.halal.refresh_from_db()
    assert (shop.halal.check_status, shop.halal.checked_at) == (Certificate.CheckStatus.DECLARED, None)


def test_superusers_see_check_buttons_in_the_certificate_list(client, shop):
    """The admin's certificate list offers "Check" and "Open the scanned copy"."""
    client.force_login(StaffFactory())
    content = client.get(reverse("wagtailsnippets_showcase_certificate:list")).content.decode()
    assert check_url(shop.halal) in content
    assert scan_url(shop.halal) in content


def test_completed_coaching_shows_beside_the_verification(client, shop):
    """A company that completed a program shows "Completed the coaching program “X” (year)" to buyers."""
    program = ProgramPageFactory(title="Export Starter", opens_at=timezone.now().replace(year=2025))
    ApplicationFactory(program=program, company=shop.supplier, status="completed")
    assert "Completed the coaching program “Export Starter” (2025)" in product_page(client, shop)


def test_the_company_reads_the_bureau_decision_in_its_wallet(client, shop, moderator):
    """The supplier's certificate list shows the check and the bureau's note."""
    services.certificate_check(
        certificate=shop.halal, by=moderator, decision="rejected", note="Number not in the issuer's register."
    )
    client.force_login(shop.member)
    with translation.override("en"):
        url = reverse("dashboard:certificates", kwargs={"company_id": shop.supplier.pk})
    page = client.get(url).content.decode()
    assert "Rejected by the bureau" in page
    assert "Number not in the issuer&#x27;s register." in page


def test_completed_coaching_follows_applications_and_program_titles(client, shop):
    """The facts are kept between requests: a program completed later, and a program page published under
    another title, show on the next product page."""
    program = ProgramPageFactory(title="Export Starter", opens_at=timezone.now().replace(year=2025))
    application = ApplicationFactory(program=program, company=shop.supplier, status="submitted")
    assert "Completed the coaching program" not in product_page(client, shop)
    application.status = "completed"
    application.save()
    assert "Completed the coaching program “Export Starter” (2025)" in product_page(client, shop)
    program.title = "Export Ready"
    program.save_revision().publish()
    assert "Completed the coaching program “Export Ready” (2025)" in product_page(client, shop)
