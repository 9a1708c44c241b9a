"""CSV and XLSX export of a filtered list of applications: fixed columns, then one column per question."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from portal.spreadsheets import escape_formula

from . import questions as q
from . import selectors


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def build_table(applications):
    """Headings and rows. Each question of each program in the list is its own column, keyed by block id."""
    applications = list(
        applications.select_related("program", "company", "created_by").prefetch_related(
            "documents", "reviewer_assignments__reviewer", "program__reviewer_assignments__reviewer"
        )
    )
    programs = []
    for application in applications:
        if application.program not in programs:
            programs.append(application.program)
    several = len(programs) > 1
    titles = selectors.localized_titles(programs)
    question_columns = []
    for program in programs:
        labels = {question.id: question.label for question in q.all_questions(program.localized)}
        for question in q.all_questions(program):
            label = labels.get(question.id) or question.label
            heading = f"{titles[program.pk]}: {label}" if several else label
            question_columns.append((program.pk, question, heading))
    headings = [
        _("Reference"),
        _("Status"),
        _("Program"),
        _("Company (Chinese)"),
        _("Company (English)"),
        _("Unified business number"),
        _("District"),
        _("Industry"),
        _("Address"),
        _("Website"),
        _("Contact person"),
        _("Job title"),
        _("Contact e-mail"),
        _("Contact phone"),
        _("Submitted at"),
        _("Decided at"),
        _("Consent given at"),
        _("Started by"),
        _("Reviewers"),
        _("Average score"),
        _("Scores"),
        _("Other documents"),
        *[heading for _pk, _question, heading in question_columns],
    ]
    rows = []
    for application in applications:
        details = application.company_details
        company = application.company
        summary = selectors.review_summary(application)
        documents = list(application.documents.all())
        row = [
            application.reference or "",
            application.get_status_display(),
            titles[application.program_id],
            details.get("name_zh") or company.name_zh,
            details.get("name_en") or company.name_en,
            details.get("ubn") or company.ubn,
            company.get_district_display(),
            company.get_industry_display(),
            details.get("address", ""),
            details.get("website", ""),
            application.contact_name,
            application.contact_title,
            application.contact_email,
            application.contact_phone,
            _when(application.submitted_at),
            _when(application.decided_at),
            _when(application.consent_at),
            application.created_by.email if application.created_by else "",
            "; ".join(
                str(a.reviewer)
                for a in [*application.program.reviewer_assignments.all(), *application.reviewer_assignments.all()]
            ),
            summary["average"] if summary["average"] is not None else "",
            summary["count"],
            "; ".join(d.original_name for d in documents if not d.question_id),
        ]
        for program_pk, question, _heading in question_columns:
            if program_pk != application.program_id:
                row.append("")
            elif question.is_file:
                row.append("; ".join(d.original_name for d in documents if d.question_id == question.id))
            else:
                row.append(q.display(question, application.answers.get(question.id)))
        rows.append(row)
    return [str(h) for h in headings], rows


def to_csv(applications):
    headings, rows = build_table(applications)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(headings)
    for row in rows:
        writer.writerow([escape_formula(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def to_xlsx(applications):
    headings, rows = build_table(applications)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Applications"))
    sheet.append(headings)
    for row in rows:
        sheet.append([escape_formula(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
