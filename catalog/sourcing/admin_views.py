"""Staff moderation of a request for quotation: hide it (spam, forbidden goods) with a note, or show it again."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import QuoteRequest, SourcingError

MODERATE_PERMISSION = "sourcing.change_quoterequest"


class HideForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Why is it hidden? (spam, forbidden goods …)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RestoreForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Why is it shown again?"), widget=forms.Textarea(attrs={"rows": 3}))


def hide(request, pk):
    """GET: the request and the form; POST: hide it. Staff with the change permission on requests only."""
    return _moderate(
        request,
        pk,
        form_class=HideForm,
        service=services.request_hide,
        done=_("The request is hidden from the buyer and the suppliers."),
        url_name="sourcing_hide",
    )


def restore(request, pk):
    """GET: the hidden request and the form; POST: show it again. Staff with the change permission only."""
    return _moderate(
        request,
        pk,
        form_class=RestoreForm,
        service=services.request_restore,
        done=_("The request is shown again to the buyer and the suppliers."),
        url_name="sourcing_restore",
    )


def _moderate(request, pk, *, form_class, service, done, url_name):
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    quote_request = get_object_or_404(QuoteRequest.objects.select_related("category"), pk=pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(quote_request=quote_request, by=request.user, note=form.cleaned_data["note"])
        except SourcingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect("sourcing_quoterequest:index")
    restoring = url_name == "sourcing_restore"
    return TemplateResponse(
        request,
        "sourcing/admin/moderate.html",
        {
            "quote_request": quote_request,
            "form": form,
            "action_url": reverse(url_name, args=[quote_request.pk]),
            "restoring": restoring,
            "allowed": (quote_request.status == QuoteRequest.Status.HIDDEN) == restoring,
        },
        status=400 if form.is_bound and form.errors else 200,
    )
