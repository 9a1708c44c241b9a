"""Applications to coaching programs (``portal.personal_data``).

An application is the company's: after erasure it stays with the company (the bureau's decision on it is a
record it must keep) without the person who wrote it: no contact person, no "started by". A draft never
sent is the person's alone and is deleted with its documents.
"""

from django.db.models import Q

from portal import personal_data

from .models import Application, ApplicationDocument


def _applications(subject):
    if subject.user is None:
        return Application.objects.none()
    return Application.objects.filter(created_by=subject.user)


def export(subject):
    records, files = [], []
    applications = _applications(subject).select_related("program", "company").prefetch_related("documents")
    for application in applications.order_by("pk"):
        folder = application.reference or f"draft-{application.pk}"
        documents = list(application.documents.all())
        records.append(
            {
                "reference": application.reference,
                "program": application.program.title,
                "company": application.company.display_name(),
                "status": application.status,
                "language": application.language,
                "contact_name": application.contact_name,
                "contact_title": application.contact_title,
                "contact_email": application.contact_email,
                "contact_phone": application.contact_phone,
                "company_details": application.company_details,
                "answers": application.answers,
                "consent_at": application.consent_at,
                "submitted_at": application.submitted_at,
                "decided_at": application.decided_at,
                "documents": [
                    {"question": document.question_id, "file_name": document.original_name, "size": document.size}
                    for document in documents
                ],
            }
        )
        files += [(f"{folder}/{document.original_name}", document.file) for document in documents]
    return personal_data.Section(records=records, files=files)


def erase(subject):
    applications = _applications(subject)
    drafts = list(applications.filter(status=Application.Status.DRAFT, submitted_at__isnull=True))
    for document in ApplicationDocument.objects.filter(application__in=drafts):
        document.file.delete(save=False)
    erased = (
        Application.objects.filter(pk__in=[draft.pk for draft in drafts]).delete()[1].get(Application._meta.label, 0)
    )
    if subject.user is not None:
        ApplicationDocument.objects.filter(uploaded_by=subject.user).update(uploaded_by=None)
    kept_filter = Q(contact_email__iexact=subject.email)
    if subject.user is not None:
        kept_filter |= Q(created_by=subject.user)
    kept = Application.objects.filter(kept_filter).update(
        created_by=None, contact_name="", contact_title="", contact_email="", contact_phone=""
    )
    return {"erased": erased, "kept": kept}


HOLDER = personal_data.Holder(name="applications", export=export, erase=erase)
