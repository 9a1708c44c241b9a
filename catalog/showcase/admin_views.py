"""Staff views of the certificate check: the scan (private, streamed after a permission check, never a
``/media/`` URL) and the check form. Both are registered in ``wagtail_hooks``; writes go through services."""

import mimetypes

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import Certificate, ShowcaseError


class CertificateCheckForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[(value, Certificate.CheckStatus(value).label) for value in services.CERTIFICATE_DECISIONS],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=gettext_lazy("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    expected = forms.CharField(widget=forms.HiddenInput, required=False)


def _require_checker(user):
    if not user.has_perm("showcase.check_certificate"):
        raise PermissionDenied


def certificate_scan(request, pk):
    _require_checker(request.user)
    certificate = get_object_or_404(Certificate, pk=pk)
    try:
        handle = services.certificate_scan_open(certificate=certificate, by=request.user)
    except ShowcaseError as error:
        messages.error(request, str(error))
        return redirect("wagtailsnippets_showcase_certificate:list")
    content_type = mimetypes.guess_type(certificate.scan.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.pk}{_suffix(certificate)}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _suffix(certificate):
    name = certificate.scan.name
    return name[name.rfind(".") :] if "." in name.rsplit("/", 1)[-1] else ""


def certificate_check(request, pk):
    _require_checker(request.user)
    certificate = get_object_or_404(Certificate.objects.select_related("company"), pk=pk)
    if request.method == "POST":
        form = CertificateCheckForm(request.POST)
        if form.is_valid():
            try:
                services.certificate_check(
                    certificate=certificate,
                    by=request.user,
                    decision=form.cleaned_data["decision"],
                    note=form.cleaned_data["note"],
                    expected=form.cleaned_data["expected"] or None,
                )
            except ShowcaseError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("The certificate is now “%(status)s”.") % {"status": certificate.get_check_status_display()},
                )
                return redirect("wagtailsnippets_showcase_certificate:list")
    else:
        form = CertificateCheckForm(initial={"expected": certificate.check_status})
    return TemplateResponse(
        request,
        "showcase/admin/certificate_check.html",
        {"certificate": certificate, "form": form, "history": certificate.history.select_related("changed_by")},
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )
