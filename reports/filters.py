"""The filters every report shares: period, program, cohort, district and industry."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput

from coaching import selectors as coaching
from coaching.filters import fixed_choices
from portal.companies.models import Company, Industry
from portal.markets import District
from portal.rendering import OptionsSelect


class ReportFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("The end of the period must not be before its start."))
        return cleaned


def _programs(request):
    return coaching.report_programs()


class ReportFilterSet(WagtailFilterSet):
    """Filters the companies a report counts; the period and the program or cohort are read by the report.
    The programs are read once (their titles and opening dates) for the program and the cohort choices."""

    start = django_filters.DateFilter(label=_("From"), method="keep", widget=AdminDateInput)
    end = django_filters.DateFilter(label=_("Until (inclusive)"), method="keep", widget=AdminDateInput)
    program = django_filters.ModelChoiceFilter(
        label=_("Program"), queryset=_programs, method="keep", widget=OptionsSelect
    )
    cohort = django_filters.ChoiceFilter(label=_("Cohort"), choices=(), method="keep", widget=OptionsSelect)
    district = django_filters.ChoiceFilter(label=_("District"), choices=District.choices, widget=OptionsSelect)
    industry = django_filters.ChoiceFilter(label=_("Industry"), choices=Industry.choices, widget=OptionsSelect)

    class Meta:
        model = Company
        fields = ["district", "industry"]
        form = ReportFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programs = list(self.filters["program"].field.queryset.only("title", "opens_at"))
        fixed_choices(self.filters["program"].field, programs, str)
        self.filters["cohort"].field.choices = [(year, str(year)) for year in coaching.cohort_years(programs)]

    def keep(self, queryset, name, value):
        """Period, program and cohort do not narrow the companies here: each report applies them itself."""
        return queryset


def period(cleaned_data):
    """[start, end) as aware datetimes at Taipei midnight from the inclusive dates; None where not given."""
    zone = timezone.get_current_timezone()
    start, end = cleaned_data.get("start"), cleaned_data.get("end")
    start_at = datetime.datetime.combine(start, datetime.time(), tzinfo=zone) if start else None
    end_at = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(), tzinfo=zone) if end else None
    return start_at, end_at
