"""Document uploads through HTTP: content sniffing, size, traversal, private storage and permission-checked download."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from coaching.models import ApplicationDocument
from tests.factories.accounts import UserFactory
from tests.factories.coaching import PDF_BYTES, ApplicationFactory, assign, decider, reviewer, submitted
from tests.factories.companies import MembershipFactory
from tests.factories.uploads import png_bomb

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(member):
    return ApplicationFactory(company=MembershipFactory(user=member).company)


def upload(client, application, name, content, question=""):
    return client.post(
        reverse("coaching:documents", args=[application.pk]),
        {"question": question, "file": SimpleUploadedFile(name, content)},
    )


def test_pdf_is_stored_privately_under_a_generated_name(member_client, application):
    """An accepted upload lands under PRIVATE_MEDIA_ROOT with a generated name, never under MEDIA_ROOT."""
    response = upload(member_client, application, "../../etc/passwd.pdf", PDF_BYTES, "q-registration")
    assert response.status_code == 302
    document = ApplicationDocument.objects.get()
    assert document.original_name == "passwd.pdf"
    assert document.question_id == "q-registration"
    stored = Path(document.file.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert "passwd" not in stored.name and ".." not in document.file.name
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018


def test_a_fake_pdf_is_refused_with_a_message(member_client, application):
    """A file named .pdf whose content is not a PDF is refused; nothing is stored."""
    response = upload(member_client, application, "invoice.pdf", b"MZ\x90\x00 executable")
    assert response.status_code == 200
    assert "must be a PDF, JPEG or PNG" in response.content.decode()
    assert not ApplicationDocument.objects.exists()
    assert not Path(settings.PRIVATE_MEDIA_ROOT).exists() or not any(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.*"))


def test_a_fifty_megabyte_file_is_refused(member_client, application):
    """A 50 MB PDF is refused with the size limit in the message; nothing is stored."""
    response = upload(member_client, application, "big.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024) + b"%%EOF")
    assert response.status_code == 200
    assert "larger than 10 MB" in response.content.decode()
    assert not ApplicationDocument.objects.exists()


def test_png_named_pdf_is_stored_as_png(member_client, application):
    """The stored type and extension follow the content, not the name."""
    buffer = io.BytesIO()
    Image.new("RGB", (3, 3)).save(buffer, format="PNG")
    upload(member_client, application, "scan.pdf", buffer.getvalue())
    document = ApplicationDocument.objects.get()
    assert document.content_type == "image/png"
    assert document.original_name == "scan.png" and document.file.name.endswith(".png")


def test_uploading_again_for_the_same_question_replaces_the_file(member_client, application):
    """A file question keeps one file: the newest."""
    upload(member_client, application, "one.pdf", PDF_BYTES, "q-registration")
    first = Path(ApplicationDocument.objects.get().file.path)
    upload(member_client, application, "two.pdf", PDF_BYTES, "q-registration")
    assert ApplicationDocument.objects.get().original_name == "two.pdf"
    assert not first.exists()


def test_remove_a_document(member_client, application):
    """Removing a document deletes the row and the file."""
    upload(member_client, application, "one.pdf", PDF_BYTES)
    document = ApplicationDocument.objects.get()
    path = Path(document.file.path)
    member_client.post(reverse("coaching:document_delete", args=[application.pk, document.pk]))
    assert not ApplicationDocument.objects.exists() and not path.exists()


def test_download_permissions(client, member, member_client, application):
    """Members of the company and staff who may see the application download it as an attachment; nobody else."""
    upload(member_client, application, "plan.pdf", PDF_BYTES)
    document = ApplicationDocument.objects.get()
    download = reverse("coaching:document_download", args=[document.pk])

    response = member_client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="plan.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF_BYTES

    client.logout()
    assert client.get(download).status_code == 302

    client.force_login(MembershipFactory().user)
    assert client.get(download).status_code == 404

    client.force_login(UserFactory(is_staff=True))
    assert client.get(download).status_code == 404

    application.status = "submitted"
    application.save()
    unassigned = reviewer()
    client.force_login(unassigned)
    assert client.get(download).status_code == 404
    assigned = reviewer()
    assign(application, assigned)
    client.force_login(assigned)
    assert client.get(download).status_code == 200
    client.force_login(decider())
    assert client.get(download).status_code == 200


def test_drafts_documents_are_not_visible_to_staff(client):
    """Staff see documents only once the application is submitted; drafts stay private to the company."""
    application = submitted()
    draft = ApplicationFactory()
    for app in (application, draft):
        app.documents.create(file="x.pdf", original_name="x.pdf", content_type="application/pdf", size=1)
    client.force_login(decider())
    draft_doc = draft.documents.get()
    assert client.get(reverse("coaching:document_download", args=[draft_doc.pk])).status_code == 404


def test_an_image_bomb_is_refused_with_the_pixel_limit(member_client, application):
    """A 20,000 × 20,000 PNG of a few kilobytes is refused with the pixel limit in the message; nothing is stored."""
    bomb = png_bomb()
    response = upload(member_client, application, "scan.png", bomb.read())
    assert response.status_code == 200
    assert "more than 40 million pixels" in response.content.decode()
    assert not ApplicationDocument.objects.exists()
