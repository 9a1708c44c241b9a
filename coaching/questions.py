"""The program's question builder turned into sections, form fields and readable answers.

Questions are identified by their StreamField block id; answers are stored as JSON keyed by that id.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

YES_NO_CHOICES = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    label: str
    help_text: str = ""
    required: bool = False
    choices: tuple = ()

    @property
    def field_name(self):
        return f"q_{self.id}"

    @property
    def is_file(self):
        return self.type == "file_upload"


@dataclass
class Section:
    number: int
    title: str
    description: str = ""
    questions: list = field(default_factory=list)


def all_questions(page):
    """Every question of the program, in page order (sections excluded)."""
    result = []
    for block in page.questions:
        if block.block_type == "section":
            continue
        value = block.value
        result.append(
            Question(
                id=block.id,
                type=block.block_type,
                label=value.get("label", ""),
                help_text=value.get("help_text", "") or "",
                required=bool(value.get("required")),
                choices=tuple(value.get("choices") or ()),
            )
        )
    return result


def question_ids(page):
    return {q.id for q in all_questions(page)}


def sections(page):
    """Non-file questions grouped into sections, numbered from 1. Empty sections are left out."""
    result = []
    current = Section(number=0, title=_("Program questions"))
    for block in page.questions:
        if block.block_type == "section":
            if current.questions:
                result.append(current)
            current = Section(number=0, title=block.value["title"], description=block.value.get("description", ""))
            continue
        if block.block_type == "file_upload":
            continue
        value = block.value
        current.questions.append(
            Question(
                id=block.id,
                type=block.block_type,
                label=value.get("label", ""),
                help_text=value.get("help_text", "") or "",
                required=bool(value.get("required")),
                choices=tuple(value.get("choices") or ()),
            )
        )
    if current.questions:
        result.append(current)
    for number, section in enumerate(result, start=1):
        section.number = number
    return result


def file_questions(page):
    return [q for q in all_questions(page) if q.is_file]


def form_field(question):
    """A form field for one question. Required answers are checked at "check your answers", not per step."""
    label = question.label if question.required else _("%(label)s (optional)") % {"label": question.label}
    common = {"label": label, "help_text": question.help_text, "required": False}
    if question.type == "short_text":
        return forms.CharField(max_length=500, **common)
    if question.type == "long_text":
        return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 6}), **common)
    if question.type == "single_choice":
        return forms.ChoiceField(choices=[(c, c) for c in question.choices], widget=forms.RadioSelect, **common)
    if question.type == "multiple_choice":
        return forms.MultipleChoiceField(
            choices=[(c, c) for c in question.choices], widget=forms.CheckboxSelectMultiple, **common
        )
    if question.type == "number":
        # Program questions ask for amounts and counts (revenue, staff, orders): never below zero.
        return forms.DecimalField(max_digits=15, decimal_places=2, min_value=0, **common)
    if question.type == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if question.type == "yes_no":
        return forms.ChoiceField(choices=YES_NO_CHOICES, widget=forms.RadioSelect, **common)
    raise ValueError(f"Unknown question type {question.type!r}")


def to_json(question, value):
    """A cleaned form value as stored in the answers JSON; None means "no answer"."""
    if value in (None, "", [], ()):
        return None
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return list(value)
    return value


def to_initial(question, value):
    """A stored answer as a form's initial value."""
    if value is None:
        return None
    if question.type == "date":
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return None
    if question.type == "number":
        try:
            return Decimal(value)
        except (InvalidOperation, TypeError):
            return None
    return value


def is_answered(value):
    return value not in (None, "", [], ())


def display(question, value):
    """A stored answer as text for people (check answers, admin, exports)."""
    if not is_answered(value):
        return ""
    if question.type == "multiple_choice" and isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if question.type == "yes_no":
        return str(dict(YES_NO_CHOICES).get(value, value))
    if question.type == "date":
        try:
            return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
        except (TypeError, ValueError):
            return str(value)
    return str(value)
