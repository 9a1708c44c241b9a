import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.companies.models import Industry
from portal.markets import District

from . import questions as q
from .models import Application, CoachingSession, Milestone
from .uploads import detect_content_type

# A leading +, then digits, spaces and - ( ) . separators, optionally "#" and an extension.
PHONE_PATTERN = re.compile(r"\+?[\d ()\-.]+(#\d{1,6})?")


class CompanyDetailsForm(forms.Form):
    contact_name = forms.CharField(label=_("Contact person"), max_length=120, required=False)
    contact_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(
        label=_("Contact phone"),
        max_length=30,
        required=False,
        help_text=_("With the area or country code, for example 02-2720-8889 or +886 2 2720 8889."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    name_zh = forms.CharField(label=_("Company name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Company name (English)"), max_length=200, required=False)
    address = forms.CharField(label=_("Registered address"), max_length=300, required=False)
    district = forms.ChoiceField(label=_("District"), choices=[("", "—"), *District.choices], required=False)
    industry = forms.ChoiceField(label=_("Industry"), choices=[("", "—"), *Industry.choices], required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def clean_contact_phone(self):
        """Digits with the usual separators (+ - ( ) . spaces, an extension after #); full-width digits typed
        with a Chinese IME count as digits. Letters or too few digits are refused."""
        phone = " ".join(unicodedata.normalize("NFKC", self.cleaned_data["contact_phone"]).split())
        if not phone:
            return phone
        digits = re.sub(r"\D", "", phone)
        if not PHONE_PATTERN.fullmatch(phone) or not 7 <= len(digits) <= 15:
            raise forms.ValidationError(
                _("Enter a phone number with digits only, for example 02-2720-8889 or +886 2 2720 8889."),
                code="invalid_phone",
            )
        return phone

    @classmethod
    def initial_for(cls, application):
        initial = {
            field: getattr(application, field)
            for field in ("contact_name", "contact_title", "contact_email", "contact_phone")
        }
        initial.update({key: application.company_details.get(key, "") for key in cls.base_fields if key not in initial})
        return initial


def section_form(section, application, data=None):
    """A form for one section of the program's questions, filled with the saved answers."""
    fields = {question.field_name: q.form_field(question) for question in section.questions}
    form_class = type("SectionForm", (forms.Form,), fields)
    initial = {
        question.field_name: q.to_initial(question, application.answers.get(question.id))
        for question in section.questions
    }
    return form_class(data=data, initial=initial)


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, JPEG or PNG, up to 10 MB)"))
    question = forms.ChoiceField(label=_("This document is"), required=False)

    def __init__(self, *args, file_questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [
            *[(question.id, question.label) for question in file_questions],
            ("", _("Another supporting document")),
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = detect_content_type(upload)
        return upload


class DeclarationForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I declare that the information in this application is true, and I consent to the bureau using the "
            "personal data in it as described above."
        ),
        error_messages={"required": _("Tick the box to give your consent, or the application cannot be submitted.")},
    )


class ExpectedStatusForm(forms.Form):
    """Carries the status the user saw, so a move from a stale page is refused."""

    expected_status = forms.ChoiceField(choices=Application.Status.choices, widget=forms.HiddenInput)


class WithdrawForm(ExpectedStatusForm):
    note = forms.CharField(label=_("Reason (optional)"), required=False, max_length=1000, widget=forms.Textarea)


class TransitionForm(ExpectedStatusForm):
    new_status = forms.ChoiceField(label=_("Move to"))
    note = forms.CharField(
        label=_("Message to the applicant (optional)"), required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_status"].choices = [(s, Application.Status(s).label) for s in allowed]


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea, max_length=5000)

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion['id']}"] = forms.IntegerField(
                label=_("%(name)s (weight %(weight)s)") % criterion,
                min_value=1,
                max_value=5,
                error_messages={
                    "min_value": _("Score from 1 to 5."),
                    "max_value": _("Score from 1 to 5."),
                    "required": _("Give a score from 1 to 5."),
                    "invalid": _("Score from 1 to 5."),
                },
            )

    def scores(self):
        return {c["id"]: self.cleaned_data[f"score_{c['id']}"] for c in self.criteria}


class ConflictForm(forms.Form):
    conflict_note = forms.CharField(
        label=_("Describe the conflict of interest"), widget=forms.Textarea, max_length=2000
    )


class AssignReviewerForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None)

    def __init__(self, *args, reviewers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), widget=forms.Textarea, max_length=5000)


class FeeWaiverForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for waiving the fee (shown in the history)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for waiving the fee.")},
    )


class SessionForm(forms.ModelForm):
    class Meta:
        model = CoachingSession
        fields = ["date", "coach", "topic", "attendance", "notes"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "notes": forms.Textarea(attrs={"rows": 3})}


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = [
            "kind",
            "achieved_on",
            "sales_band",
            "description",
            "export_revenue",
            "export_revenue_currency",
            "markets_entered",
            "marketplaces",
            "export_orders",
            "jobs_created",
        ]
        widgets = {"achieved_on": forms.DateInput(attrs={"type": "date"})}
