"""Spreadsheet exports in the Wagtail admin that keep the staff member's language and never run formulas."""

from django.utils import translation

from portal import audit

from .spreadsheets import escape_formula


class LocalizedExportMixin:
    """Mixin for a Wagtail ``IndexView`` with ``list_export``: every export is in the audit log (who, what,
    format, rows), since these lists hold personal data.

    Wagtail streams CSV exports: the rows are produced after the view has returned, when the admin's
    per-user language is no longer active, so headings and choice labels would come out in the site's
    default language. This keeps the language of the request while the file is written.

    CSV cells that a spreadsheet would run as a formula are escaped (Wagtail already stores such XLSX cells
    as text).
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return escape_formula(value) if export_format == self.FORMAT_CSV else value

    def stream_csv(self, queryset):
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_request_language():
            with translation.override(language):
                yield from rows

        return in_request_language()

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = len(queryset) if isinstance(queryset, list) else queryset.count()
        name = getattr(self, "page_title", "") or self.model._meta.verbose_name_plural
        audit.record_export(by=self.request.user, dataset=name, export_format=spreadsheet_format, rows=rows)
        return super().as_spreadsheet(queryset, spreadsheet_format)
