"""Spreadsheet exports in the Wagtail admin that keep the staff member's language."""

from django.utils import translation


class LocalizedExportMixin:
    """Mixin for a Wagtail ``IndexView`` with ``list_export``.

    Wagtail streams CSV exports: the rows are produced after the view has returned, when the admin's
    per-user language is no longer active, so headings and choice labels would come out in the site's
    default language. This keeps the language of the request while the file is written.
    """

    def stream_csv(self, queryset):
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_request_language():
            with translation.override(language):
                yield from rows

        return in_request_language()
