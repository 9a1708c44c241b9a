import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.companies.models import Industry
from portal.markets import District
from portal.rendering import OptionsSelect

from . import selectors
from .models import Application


def _programs(request):
    return selectors.default_language_programs().order_by("-opens_at")


def _reviewers(request):
    return selectors.reviewers()


def fixed_choices(field, objects, label):
    """The choices a ModelChoiceField would list (its empty label, then each object), from ``objects`` read
    once: left to itself, the field reads its queryset again each time the form is rendered. Set with
    Django's own setter (django-filters' would wrap the list in its queryset iterator); the value chosen is
    still looked up in the queryset."""
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    forms.ChoiceField.choices.fset(field, [*empty, *((item.pk, label(item)) for item in objects)])


class ApplicationFilterSet(django_filters.FilterSet):
    """The review list's filters. The program choices (titles in the reader's language) and the reviewers
    are read once; ``reviewers`` also gives the bulk assignment its choices."""

    q = django_filters.CharFilter(label=_("Reference or company"), method="search")
    program = django_filters.ModelChoiceFilter(label=_("Program"), queryset=_programs, widget=OptionsSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.filters["program"].field
        programs = list(field.queryset.only("title", "translation_key"))
        titles = selectors.localized_titles(programs)
        fixed_choices(field, programs, lambda program: titles[program.pk])
        field = self.filters["reviewer"].field
        self.reviewers = list(field.queryset)
        fixed_choices(field, self.reviewers, str)

    status = django_filters.ChoiceFilter(label=_("Status"), choices=Application.Status.choices, widget=OptionsSelect)
    district = django_filters.ChoiceFilter(
        label=_("District"), field_name="company__district", choices=District.choices, widget=OptionsSelect
    )
    industry = django_filters.ChoiceFilter(
        label=_("Industry"), field_name="company__industry", choices=Industry.choices, widget=OptionsSelect
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
    reviewer = django_filters.ModelChoiceFilter(
        label=_("Assigned reviewer"), queryset=_reviewers, method="by_reviewer", widget=OptionsSelect
    )

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
