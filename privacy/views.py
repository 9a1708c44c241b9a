"""Thin views: parse the input, call a selector or a service, render."""

from allauth.account.adapter import get_adapter as get_account_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import personal_data

from . import selectors, services
from .forms import GuestRequestForm
from .models import DataRequest, PrivacyError


def notice(request):
    """The privacy notice: what is collected, why, for how long, and how to see or erase it."""
    return render(
        request,
        "privacy/notice.html",
        {
            "notice": services.current_notice(),
            "versions": selectors.notice_versions(),
            "retention_periods": selectors.retention_periods(),
            "link_days": services.exports.EXPORT_LINK_VALID.days,
        },
    )


@login_required
def my_data(request):
    """The signed-in person's requests, with buttons to ask for a copy or for erasure."""
    subject = personal_data.Subject(email=request.user.email, user=request.user)
    return render(
        request,
        "privacy/my_data.html",
        {
            "data_requests": selectors.requests_for_user(user=request.user),
            "open_export": selectors.open_request(user=request.user, kind=DataRequest.Kind.EXPORT),
            "open_erasure": selectors.open_request(user=request.user, kind=DataRequest.Kind.ERASURE),
            "refusals": services.refusals(subject),
        },
    )


@login_required
@require_POST
def export_request(request):
    try:
        services.export_request(user=request.user, language=translation.get_language())
    except PrivacyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("We are preparing a copy of your data and will e-mail you a link to it."))
    return redirect("privacy:my_data")


@login_required
def erasure_request(request):
    """A page that says what erasure does and keeps, then the request (POST)."""
    subject = personal_data.Subject(email=request.user.email, user=request.user)
    status = 200
    if request.method == "POST":
        try:
            services.erasure_request(user=request.user, language=translation.get_language())
        except PrivacyError as error:
            messages.error(request, str(error))
            status = 400
        else:
            messages.success(request, _("Bureau staff check your request and then erase your data."))
            return redirect("privacy:my_data")
    return render(request, "privacy/erasure_confirm.html", {"refusals": services.refusals(subject)}, status=status)


def download(request, token):
    """A one-time download link: a page with a button (so a mail scanner opening the link does not use it up),
    then the ZIP on POST."""
    try:
        data_request = services.export_for_token(token=token, user=request.user)
        if request.method == "POST":
            data_request, handle = services.export_download(token=token, user=request.user)
            return FileResponse(handle, as_attachment=True, filename=f"my-data-{data_request.pk}.zip")
    except services.NotYourRequest:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return render(
            request, "privacy/link_invalid.html", {"message": _("This download link is not valid.")}, status=404
        )
    except PrivacyError as error:
        return render(request, "privacy/link_invalid.html", {"message": str(error)}, status=410)
    return render(request, "privacy/download.html", {"data_request": data_request})


def guest_request(request):
    """Buyers without an account ask by e-mail address; the answer is the same whether it is known or not."""
    form = GuestRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.guest_request(
                email=form.cleaned_data["email"],
                kind=form.cleaned_data["kind"],
                language=translation.get_language(),
                ip_address=get_account_adapter(request).get_client_ip(request),
            )
        except PrivacyError as error:
            form.add_error(None, str(error))
            return render(request, "privacy/guest_request.html", {"form": form}, status=429)
        return render(request, "privacy/guest_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "privacy/guest_request.html", {"form": form}, status=400 if form.errors else 200)


def guest_confirm(request, token):
    """The mailed link: a page with a button (mail scanners open links), then the request opens on POST."""
    try:
        data_request = services.guest_request_for_token(token)
        if request.method == "POST":
            data_request = services.guest_confirm(token=token)
            return render(request, "privacy/guest_confirmed.html", {"data_request": data_request})
    except PrivacyError as error:
        return render(request, "privacy/link_invalid.html", {"message": str(error)}, status=410)
    return render(request, "privacy/guest_confirm.html", {"data_request": data_request})
