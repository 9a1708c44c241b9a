"""A copy of one's data: the ZIP built by the task holds every app's records and the documents."""

import io
import json
import zipfile

import pytest
from django.core import mail

from privacy import exports, services
from privacy.models import DataRequest

pytestmark = pytest.mark.django_db


def download_link(message):
    return next(line for line in message.body.splitlines() if "/privacy/download/" in line).strip()


def test_the_zip_holds_every_section_and_the_documents(person, django_capture_on_commit_callbacks):
    """data.json has the account, memberships, applications with answers, inquiries with their messages,
    consultation requests, orders and payments; the application's document is in the ZIP as a file."""
    with django_capture_on_commit_callbacks(execute=True):
        data_request = services.export_request(user=person.user, language="en")
    data_request.refresh_from_db()
    assert data_request.status == DataRequest.Status.READY
    with data_request.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        names = archive.namelist()
        data = json.loads(archive.read("data.json"))
        document = archive.read("files/applications/" + f"{person.decided.reference}/business-plan.pdf")
    sections = data["sections"]
    assert sections["account"]["records"][0]["email"] == "mei@example.com"
    assert sections["account"]["records"][0]["first_name"] == "Mei"
    kinds = {record["type"] for record in sections["companies"]["records"]}
    assert kinds == {"membership", "invitation"}
    references = {record["reference"] for record in sections["applications"]["records"]}
    assert person.decided.reference in references and None in references  # the draft has no reference yet
    decided = next(r for r in sections["applications"]["records"] if r["reference"] == person.decided.reference)
    assert decided["answers"] == person.decided.answers and decided["documents"][0]["file_name"] == "business-plan.pdf"
    inquiries = [record for record in sections["inquiries"]["records"] if record["type"] == "inquiry"]
    assert len(inquiries) == 2  # found by address whatever its case
    bodies = {message["body"] for inquiry in inquiries for message in inquiry["messages"]}
    assert {"Mei here, my phone is 0912.", "Our price is TWD 400."} <= bodies
    assert sections["consultation_requests"]["records"][0]["message"] == person.consultation.message
    assert {record["reference"] for record in sections["sample_orders"]["records"]} == {
        person.paid_order.reference,
        person.unpaid_order.reference,
    }
    assert len(sections["payments"]["records"]) == 1
    assert document == b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    assert f"files/applications/{person.decided.reference}/business-plan.pdf" in names
    assert data_request.outcome["records"]["inquiries"] == 2


def test_the_link_is_mailed_and_only_its_hash_is_stored(person, django_capture_on_commit_callbacks):
    """The e-mail carries a download link; the database keeps a hash of its token, never the token."""
    with django_capture_on_commit_callbacks(execute=True):
        data_request = services.export_request(user=person.user, language="en")
    data_request.refresh_from_db()
    link = download_link(mail.outbox[-1])
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert mail.outbox[-1].to == ["mei@example.com"]
    assert token not in data_request.download_token_hash
    assert data_request.download_token_hash == services.hash_token(token)


def test_someone_with_nothing_gets_a_zip_with_empty_sections(db, django_capture_on_commit_callbacks):
    """A buyer address we know nothing about: the ZIP exists, and holds only the request itself."""
    data_request = DataRequest.objects.create(kind="export", email="nobody@example.com", status="requested")
    with django_capture_on_commit_callbacks(execute=True):
        exports.build_export(data_request_id=data_request.pk)
    data_request.refresh_from_db()
    with data_request.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        data = json.loads(archive.read("data.json"))
    sections = data["sections"]
    assert all(not section["records"] for name, section in sections.items() if name != "privacy")
    assert sections["privacy"]["records"] == [
        {
            "type": "request",
            "kind": "export",
            "status": "requested",
            "asked_at": sections["privacy"]["records"][0]["asked_at"],
        }
    ]
