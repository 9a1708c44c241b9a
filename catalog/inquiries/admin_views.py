"""“My escalations”: the case officer's list of escalated inquiries and the desk of one (thread, history,
nudge the supplier, reassign, close with an outcome). Writes go through ``escalation``'s services."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from . import escalation, selectors
from .models import EscalationOutcome, InquiryError


class NudgeForm(forms.Form):
    message = forms.CharField(label=gettext_lazy("Message to the supplier"), widget=forms.Textarea(attrs={"rows": 3}))


class ReassignForm(forms.Form):
    officer = forms.ModelChoiceField(label=gettext_lazy("Case officer"), queryset=escalation.case_officers())


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=EscalationOutcome.choices)
    note = forms.CharField(label=gettext_lazy("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


def _require_officer(user):
    if not escalation.is_case_officer(user):
        raise PermissionDenied


def escalations(request):
    _require_officer(request.user)
    return TemplateResponse(
        request, "inquiries/admin/escalations.html", {"inquiries": escalation.escalations_for(request.user)}
    )


def escalation_detail(request, pk, *, forms_with_errors=None, status=200):
    _require_officer(request.user)
    inquiry = escalation.escalation_for(request.user, pk)
    context = {
        "inquiry": inquiry,
        "thread": selectors.thread(inquiry=inquiry),
        "history": ModelLogEntry.objects.for_instance(inquiry).select_related("user").order_by("timestamp", "pk"),
        "nudge_form": NudgeForm(),
        "reassign_form": ReassignForm(),
        "close_form": CloseForm(),
        **(forms_with_errors or {}),
    }
    return TemplateResponse(request, "inquiries/admin/escalation.html", context, status=status)


def _act(request, pk, form_class, name, service, success):
    _require_officer(request.user)
    inquiry = escalation.escalation_for(request.user, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(inquiry=inquiry, by=request.user, **form.cleaned_data)
        except InquiryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect("inquiries_escalation", pk=inquiry.pk)
    return escalation_detail(request, pk, forms_with_errors={name: form}, status=400)


@require_POST
def nudge(request, pk):
    return _act(request, pk, NudgeForm, "nudge_form", escalation.escalation_nudge, _("The supplier has been e-mailed."))


@require_POST
def reassign(request, pk):
    return _act(
        request, pk, ReassignForm, "reassign_form", escalation.escalation_reassign, _("The inquiry is reassigned.")
    )


@require_POST
def close(request, pk):
    return _act(request, pk, CloseForm, "close_form", escalation.escalation_close, _("The inquiry is closed."))
