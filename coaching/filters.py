import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.companies.models import Industry
from portal.markets import District

from . import selectors
from .models import Application, ProgramPage


def _programs(request):
    return ProgramPage.objects.filter(locale=Locale.get_default()).defer_streamfields().order_by("-opens_at")


def _reviewers(request):
    return selectors.reviewers()


class ApplicationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Reference or company"), method="search")
    program = django_filters.ModelChoiceFilter(label=_("Program"), queryset=_programs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.filters["program"].field
        titles = selectors.localized_titles(field.queryset)
        field.label_from_instance = lambda program: titles.get(program.pk, program.title)

    status = django_filters.ChoiceFilter(label=_("Status"), choices=Application.Status.choices)
    district = django_filters.ChoiceFilter(
        label=_("District"), field_name="company__district", choices=District.choices
    )
    industry = django_filters.ChoiceFilter(
        label=_("Industry"), field_name="company__industry", choices=Industry.choices
    )
    submitted_from = django_filters.DateFilter(
        label=_("Submitted from"),
        field_name="submitted_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    submitted_to = django_filters.DateFilter(
        label=_("Submitted until"),
        field_name="submitted_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reviewer = django_filters.ModelChoiceFilter(label=_("Assigned reviewer"), queryset=_reviewers, method="by_reviewer")

    class Meta:
        model = Application
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(reference__icontains=value)
            | Q(company__name_zh__icontains=value)
            | Q(company__name_en__icontains=value)
            | Q(company__ubn=value)
        )

    def by_reviewer(self, queryset, name, value):
        return queryset.filter(
            Q(reviewer_assignments__reviewer=value) | Q(program__reviewer_assignments__reviewer=value)
        ).distinct()
