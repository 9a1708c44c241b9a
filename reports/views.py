"""The bureau's reports: Wagtail report views over the figures in ``reports.selectors``.

Each report is a table (Wagtail's listing table: what screen readers and exports read), a chart drawn from
the same figures, the shared filters, and CSV/XLSX downloads of the table. A report opens only for users with
its permission (``reports.models.PERMISSIONS``), granted to staff groups.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.templatetags.l10n import unlocalize
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from portal.admin_exports import LocalizedExportMixin
from portal.companies.models import Company

from . import selectors
from .filters import ReportFilterSet, period
from .models import PERMISSIONS

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value):
    """Text that spreadsheet programs will not run as a formula."""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _yes_no(value):
    return gettext("yes") if value else gettext("no")


class FigureColumn(Column):
    """A report column (never sortable) whose heading and cells are written straight into their ``<th>`` and
    ``<td>``, as Wagtail's header and cell templates write them (integers without separators, other numbers in
    the reader's format, text escaped, nothing for None), without rendering a template for each cell."""

    def render_header_html(self, parent_context):
        return format_html("<th>{}</th>", self.label)

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if value is None:
            text = ""
        elif isinstance(value, int) and not isinstance(value, bool):
            text = unlocalize(value)
        else:
            text = localize(value)
        return format_html("<td>{}</td>", text)


class BureauReport(LocalizedExportMixin, ReportView):
    """Base of every report: permission, filters, figures → ``object_list`` rows (dicts), chart, export."""

    slug = ""
    template_name = "reports/report.html"
    results_template_name = "reports/report_results.html"
    filterset_class = ReportFilterSet
    model = Company
    paginate_by = 100
    header_icon = "table"
    # (key, heading) of every column, in order; the table, the CSV and the XLSX all use it.
    fields = ()

    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        bool: {ReportView.FORMAT_CSV: _yes_no, ReportView.FORMAT_XLSX: _yes_no},
        (int, float, Decimal): {ReportView.FORMAT_CSV: str, ReportView.FORMAT_XLSX: None},
        str: {ReportView.FORMAT_CSV: _csv_text},
    }

    @classmethod
    def permission(cls):
        return f"reports.{PERMISSIONS[cls.slug][0]}"

    @classmethod
    def user_can_see(cls, user):
        return user.is_active and user.has_perm(cls.permission())

    def dispatch(self, request, *args, **kwargs):
        if not self.user_can_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def list_export(self):
        return [key for key, _heading in self.fields]

    @property
    def export_headings(self):
        return dict(self.fields)

    @cached_property
    def columns(self):
        return [FigureColumn(key, label=heading, accessor=self._cell(key)) for key, heading in self.fields]

    @staticmethod
    def _cell(key):
        """The value shown in the table: yes/no for a fact (the export keeps its own rendering)."""

        def value(row):
            item = row[key]
            return _yes_no(item) if isinstance(item, bool) else item

        return value

    def get_index_url(self):
        return reverse(f"reports_{self.slug}")

    def get_index_results_url(self):
        return reverse(f"reports_{self.slug}_results")

    def get_filename(self):
        return f"{self.slug}-report-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def scope(self):
        """The filters' choice, or None when they do not validate (the page then says why and shows nothing)."""
        filters = self.filters
        if not filters.is_valid():
            return None
        cleaned = filters.form.cleaned_data
        start, end = period(cleaned)
        return selectors.Scope(
            companies=filters.qs,
            program=cleaned.get("program"),
            cohort=int(cleaned["cohort"]) if cleaned.get("cohort") else None,
            start=start,
            end=end,
        )

    def get(self, request, *args, **kwargs):
        if self.scope is None:
            for error in self.filters.form.non_field_errors():
                messages.error(request, error)
            for name, errors in self.filters.form.errors.items():
                if name != "__all__":
                    label = self.filters.form.fields[name].label
                    messages.error(request, f"{label}: {' '.join(errors)}")
            self.figures = self.empty_figures()
        else:
            self.figures = self.compute(self.scope)
        self.object_list = self.rows(self.figures)
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = self.chart(self.figures) if self.object_list else None
        context["chart_id"] = f"report-chart-{self.slug}"
        context["chart_data_id"] = f"report-chart-{self.slug}-data"
        context["extra_tables"] = self.extra_tables(self.figures)
        return context

    # What a report defines ---------------------------------------------------------------------

    def compute(self, scope):
        raise NotImplementedError

    def empty_figures(self):
        return []

    def rows(self, figures):
        return figures

    def chart(self, figures):
        """``{"type", "labels", "datasets": [{"label", "data"}]}`` for Chart.js."""
        raise NotImplementedError

    def extra_tables(self, figures):
        """More tables below the main one: ``[{"title", "headings", "rows"}]``."""
        return []


def _datasets(rows, label_key, series):
    return {
        "labels": [str(row[label_key]) for row in rows],
        "datasets": [{"label": str(label), "data": [row[key] or 0 for row in rows]} for key, label in series],
    }


class ApplicationsReport(BureauReport):
    slug = "applications"
    page_title = _("Applications funnel")
    fields = (
        ("program", _("Program")),
        ("cohort", _("Cohort")),
        ("applications", _("Applications")),
        ("reached_draft", _("Started (draft)")),
        ("reached_submitted", _("Submitted")),
        ("reached_in_review", _("Reviewed")),
        ("reached_accepted", _("Accepted")),
        ("reached_enrolled", _("Enrolled")),
        ("reached_completed", _("Completed")),
        ("days_submitted", _("Days submitted (mean)")),
        ("days_in_review", _("Days in review (mean)")),
        ("days_shortlisted", _("Days shortlisted (mean)")),
        ("days_waitlisted", _("Days waitlisted (mean)")),
        ("days_accepted", _("Days accepted (mean)")),
        ("days_enrolled", _("Days enrolled (mean)")),
        ("capacity", _("Capacity")),
        ("places_taken", _("Places taken")),
        ("places_left", _("Places left")),
        ("filled_percent", _("Filled (%)")),
        ("waitlisted", _("Waitlisted")),
    )

    def compute(self, scope):
        return selectors.applications(scope)

    def chart(self, figures):
        return {
            "type": "bar",
            **_datasets(
                figures,
                "program",
                [
                    (f"reached_{stage}", label)
                    for stage, label in zip(
                        ("draft", "submitted", "in_review", "accepted", "enrolled", "completed"),
                        [heading for key, heading in self.fields if key.startswith("reached_")],
                        strict=True,
                    )
                ],
            ),
        }


class CompaniesReport(BureauReport):
    slug = "companies"
    page_title = _("Companies")
    fields = (
        ("dimension_label", _("By")),
        ("label", _("District or industry")),
        ("registered", _("Registered")),
        ("verified", _("Verified")),
        ("awaiting", _("Awaiting verification")),
    )

    def compute(self, scope):
        return selectors.companies_overview(scope)

    def empty_figures(self):
        return {"rows": [], "waiting": []}

    def rows(self, figures):
        labels = {"district": gettext("District"), "industry": gettext("Industry")}
        return [{**row, "dimension_label": labels[row["dimension"]]} for row in figures["rows"]]

    def chart(self, figures):
        districts = [row for row in figures["rows"] if row["dimension"] == "district"]
        return {
            "type": "bar",
            **_datasets(
                districts,
                "label",
                [
                    ("registered", _("Registered")),
                    ("verified", _("Verified")),
                    ("awaiting", _("Awaiting verification")),
                ],
            ),
        }

    WAITING_SHOWN = 50

    def extra_tables(self, figures):
        waiting = figures["waiting"]
        return [
            {
                "title": ngettext(
                    "Awaiting verification, oldest first (%(shown)d of %(count)d)",
                    "Awaiting verification, oldest first (%(shown)d of %(count)d)",
                    len(waiting),
                )
                % {"shown": min(len(waiting), self.WAITING_SHOWN), "count": len(waiting)},
                "headings": [
                    _("Company"),
                    _("Unified business number"),
                    _("District"),
                    _("Industry"),
                    _("Registered at"),
                    _("Days waiting"),
                ],
                "rows": [
                    [
                        row["name"],
                        row["ubn"],
                        row["district"],
                        row["industry"],
                        timezone.localtime(row["registered_at"]).strftime("%Y-%m-%d"),
                        row["days_waiting"],
                    ]
                    for row in waiting[: self.WAITING_SHOWN]
                ],
            }
        ]


class ShowcaseReport(BureauReport):
    slug = "showcase"
    page_title = _("Showcase products")
    fields = (
        ("category", _("Category")),
        ("live", _("Live")),
        ("pending", _("Pending moderation")),
        ("oldest_pending_days", _("Oldest pending (days)")),
    )

    def compute(self, scope):
        return selectors.showcase_overview(scope)

    def empty_figures(self):
        return {"rows": [], "expiring": []}

    def rows(self, figures):
        return figures["rows"]

    def chart(self, figures):
        return {
            "type": "bar",
            **_datasets(figures["rows"], "category", [("live", _("Live")), ("pending", _("Pending moderation"))]),
        }

    def extra_tables(self, figures):
        return [
            {
                "title": _("Certificates expiring in the next 30 days"),
                "headings": [_("Company"), _("Certificate"), _("Number"), _("Valid until")],
                "rows": [
                    [
                        c.company.name_zh,
                        f"{c.get_certificate_type_display()} ({c.issuer})",
                        c.number,
                        c.valid_until.isoformat(),
                    ]
                    for c in figures["expiring"]
                ],
            }
        ]


class InquiriesReport(BureauReport):
    slug = "inquiries"
    page_title = _("Inquiries and reply times")
    fields = (
        ("supplier", _("Supplier")),
        ("received", _("Received")),
        ("confirmed", _("Confirmed by the buyer")),
        ("answered_within_1", _("Answered within 1 working day")),
        ("answered_within_3", _("Answered within 3 working days")),
        ("median_reply_hours", _("Median reply time (hours)")),
    )

    rfq_figures = (
        ("posted", _("Requests for quotation posted")),
        ("confirmed", _("Requests confirmed by the buyer")),
        ("matched_suppliers", _("Suppliers matched")),
        ("matches_per_request", _("Matched suppliers per confirmed request")),
        ("quotes_per_request", _("Quotes per confirmed request")),
        ("share_with_quote", _("Confirmed requests with at least one quote (%)")),
        ("accepted", _("Quotes accepted")),
        ("median_hours_to_first_quote", _("Median time to the first quote (hours)")),
    )

    def compute(self, scope):
        return {"rows": selectors.inquiries_overview(scope), "rfq": selectors.rfq_overview(scope)}

    def empty_figures(self):
        return {"rows": [], "rfq": None}

    def rows(self, figures):
        return figures["rows"]

    def chart(self, figures):
        """All the suppliers of the table together: one bar per figure (a bar per supplier would not read)."""
        series = [(key, label) for key, label in self.fields if key not in ("supplier", "median_reply_hours")]
        rows = figures["rows"]
        return {
            "type": "bar",
            "labels": [str(label) for _key, label in series],
            "datasets": [
                {"label": gettext("All suppliers"), "data": [sum(row[key] for row in rows) for key, _l in series]}
            ],
        }

    def extra_tables(self, figures):
        """The requests for quotation of the period (posted by buyers; matched and quoted by the suppliers in
        scope); a figure without data shows a dash."""
        rfq = figures["rfq"]
        if rfq is None:
            return []
        return [
            {
                "title": _("Requests for quotation"),
                "first": True,
                "headings": [_("Figure"), _("Value")],
                "rows": [[label, "—" if rfq[key] is None else rfq[key]] for key, label in self.rfq_figures],
            }
        ]


class PaymentsReport(BureauReport):
    slug = "payments"
    page_title = _("Sample orders and program fees")
    fields = (
        ("purpose_label", _("Purpose")),
        ("currency", _("Currency")),
        ("count", _("Payments")),
        ("paid", _("Paid")),
        ("refunded", _("Refunded")),
        ("amount_paid", _("Amount paid")),
        ("amount_refunded", _("Amount refunded")),
        ("amount_kept", _("Amount kept")),
        ("amount_kept_twd", _("Amount kept (TWD)")),
    )

    def compute(self, scope):
        return selectors.money(scope)

    def chart(self, figures):
        rows = [{**row, "key": f"{row['purpose_label']} {row['currency']}"} for row in figures]
        return {"type": "bar", **_datasets(rows, "key", [("amount_kept_twd", _("Amount kept (TWD)"))])}


class OutcomesReport(BureauReport):
    slug = "outcomes"
    page_title = _("Outcome funnel")
    fields = (
        ("cohort", _("Cohort")),
        ("company", _("Company")),
        ("ubn", _("Unified business number")),
        ("district", _("District")),
        ("industry", _("Industry")),
        ("verified", _("Verified company")),
        ("listed", _("Live listing")),
        ("inquiry", _("Inquiry")),
        ("paid_sample", _("Paid sample order")),
        ("export_outcome", _("Export outcome recorded")),
        ("export_revenue_twd", _("Export revenue (TWD)")),
        ("export_revenue", _("Export revenue (as recorded)")),
        ("export_orders", _("Export orders")),
        ("jobs_created", _("Jobs created")),
        ("markets_entered", _("Markets entered")),
        ("marketplaces", _("Marketplaces onboarded")),
    )
    STAGES = (
        ("companies", _("Companies in the cohort")),
        ("verified", _("Verified company")),
        ("listed", _("Live listing")),
        ("inquiry", _("Inquiry")),
        ("paid_sample", _("Paid sample order")),
        ("export_outcome", _("Export outcome recorded")),
    )

    def compute(self, scope):
        return selectors.outcome_funnel(scope)

    def empty_figures(self):
        return {"summary": [], "companies": []}

    def rows(self, figures):
        return figures["companies"]

    def chart(self, figures):
        return {
            "type": "bar",
            "labels": [str(label) for _key, label in self.STAGES],
            "datasets": [
                {
                    "label": gettext("Cohort %(year)s") % {"year": row["cohort"]},
                    "data": [row[key] for key, _l in self.STAGES],
                }
                for row in figures["summary"]
            ],
        }

    def extra_tables(self, figures):
        return [
            {
                "title": _("The funnel per cohort year"),
                "headings": [_("Cohort"), *[label for _key, label in self.STAGES]],
                "rows": [[row["cohort"], *[row[key] for key, _l in self.STAGES]] for row in figures["summary"]],
                "first": True,
            }
        ]


REPORTS = (ApplicationsReport, CompaniesReport, ShowcaseReport, InquiriesReport, PaymentsReport, OutcomesReport)
