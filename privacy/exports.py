"""The ZIP of everything the portal holds about one person: ``data.json`` and the files, section by section."""

import json
import tempfile
import zipfile
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import get_valid_filename

from portal import personal_data
from portal.emails import send_templated_email

from .models import DataRequest, hash_token, new_token

# How long a download link works once the ZIP is ready.
EXPORT_LINK_VALID = timedelta(days=7)


def absolute_url(language, name, **kwargs):
    with translation.override(language):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def subject_of(data_request):
    return personal_data.Subject(email=data_request.email, user=data_request.user)


def _member_name(section, name, taken):
    parts = [get_valid_filename(part) or "file" for part in PurePosixPath(name).parts]
    path = "/".join(["files", get_valid_filename(section), *parts])
    candidate, number = path, 1
    while candidate in taken:
        number += 1
        stem, dot, suffix = path.rpartition(".")
        candidate = f"{stem}-{number}.{suffix}" if dot else f"{path}-{number}"
    taken.add(candidate)
    return candidate


def write_archive(*, subject, target):
    """Write the ZIP of ``subject`` into the binary file ``target``; return the number of records per section."""
    data = {"generated_at": timezone.now(), "email": subject.email, "sections": {}}
    counts = {}
    taken = set()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for holder in personal_data.holders():
            section = holder.export(subject)
            files = []
            for name, field_file in section.files:
                member = _member_name(holder.name, name, taken)
                with field_file.open("rb") as source:
                    archive.writestr(member, source.read())
                files.append(member)
            data["sections"][holder.name] = {"records": section.records, "files": files}
            counts[holder.name] = len(section.records)
        archive.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
    return counts


def build_export(*, data_request_id):
    """Write the ZIP, give it a one-time link valid for EXPORT_LINK_VALID and mail the link (the token is
    stored only as a hash and never passes through the task queue)."""
    data_request = DataRequest.objects.select_related("user").get(pk=data_request_id)
    if data_request.status != DataRequest.Status.REQUESTED:
        return
    try:
        with tempfile.TemporaryFile() as archive:
            counts = write_archive(subject=subject_of(data_request), target=archive)
            archive.seek(0)
            data_request.file.save(f"data-{data_request.pk}-{new_token()[:12]}.zip", File(archive), save=False)
    except Exception:
        data_request.set_status(DataRequest.Status.FAILED, by=None, expected=DataRequest.Status.REQUESTED)
        raise
    token = new_token()
    with transaction.atomic():
        DataRequest.objects.filter(pk=data_request.pk).update(
            file=data_request.file.name,
            download_token_hash=hash_token(token),
            expires_at=timezone.now() + EXPORT_LINK_VALID,
            outcome={"records": counts},
        )
        data_request.set_status(DataRequest.Status.READY, by=None, expected=DataRequest.Status.REQUESTED)
    send_templated_email(
        template="privacy/emails/export_ready",
        language=data_request.language,
        context={
            "download_url": absolute_url(data_request.language, "privacy:download", token=token),
            "valid_days": EXPORT_LINK_VALID.days,
        },
        recipients=[data_request.email],
    )
