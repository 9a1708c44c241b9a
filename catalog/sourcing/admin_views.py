"""Staff moderation of a request for quotation: hide it (spam, forbidden goods) with a note."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import QuoteRequest, SourcingError

MODERATE_PERMISSION = "sourcing.change_quoterequest"


class HideForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Why is it hidden? (spam, forbidden goods …)"), widget=forms.Textarea(attrs={"rows": 3})
    )


def hide(request, pk):
    """GET: the request and the form; POST: hide it. Staff with the change permission on requests only."""
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    quote_request = get_object_or_404(QuoteRequest.objects.select_related("category"), pk=pk)
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_hide(quote_request=quote_request, by=request.user, note=form.cleaned_data["note"])
        except SourcingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The request is hidden from the buyer and the suppliers."))
            return redirect("sourcing_quoterequest:index")
    return TemplateResponse(
        request,
        "sourcing/admin/hide.html",
        {"quote_request": quote_request, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )
