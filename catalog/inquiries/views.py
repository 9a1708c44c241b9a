"""Thin views of the inquiry desk: the buyer's form (a showcase route), confirmation, threads, the inbox."""

from allauth.account.adapter import get_adapter as get_account_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.showcase import selectors as storefront
from catalog.showcase.models import ShowcasePage

from . import selectors as inquiry_selectors
from . import services as inquiry_services
from .forms import InquiryForm, ReplyForm
from .models import InquiryError


def _client_ip(request):
    """The buyer's IP as allauth sees it, so the project's trusted-proxy settings apply to both."""
    return get_account_adapter(request).get_client_ip(request)


def _inquiry_form(request, page, *, company, product):
    form = InquiryForm(request.POST or None)
    context = {"form": form, "supplier": company, "product": product}
    if request.method == "POST" and form.is_valid():
        if form.is_spam_bot:
            return page.render(request, template="inquiries/inquiry_sent.html", context_overrides=context)
        try:
            inquiry_services.inquiry_submit(
                company=company,
                product=product,
                language=translation.get_language(),
                ip_address=_client_ip(request),
                **form.service_arguments(),
            )
        except inquiry_services.InquiryRateLimited as error:
            form.add_error(None, str(error))
            response = page.render(request, template="inquiries/inquiry_form.html", context_overrides=context)
            response.status_code = 429
            return response
        except InquiryError as error:
            form.add_error(None, str(error))
        else:
            return page.render(request, template="inquiries/inquiry_sent.html", context_overrides=context)
    response = page.render(request, template="inquiries/inquiry_form.html", context_overrides=context)
    if form.is_bound and form.errors:
        response.status_code = 400
    return response


def inquiry_for_product(request, page, *, pk):
    """A buyer asks the supplier about one live product."""
    product = storefront.public_product(pk)
    if product is None:
        raise Http404
    return _inquiry_form(request, page, company=product.company, product=product)


def inquiry_for_supplier(request, page, *, company_id):
    """A buyer asks a public supplier in general (an RFQ)."""
    company = storefront.public_supplier(company_id)
    if company is None:
        raise Http404
    return _inquiry_form(request, page, company=company, product=None)


def confirm(request, token):
    """The link in the buyer's e-mail: a button (POST) confirms, so link checkers cannot confirm by visiting."""
    inquiry = inquiry_selectors.inquiry_by_confirmation_token(token=token)
    if inquiry is None:
        raise Http404
    if request.method == "POST":
        try:
            inquiry = inquiry_services.inquiry_confirm(token=token)
        except InquiryError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, _("Thank you. Your inquiry is confirmed and the supplier has received it."))
        return redirect("inquiries:confirm", token=token)
    return render(request, "inquiries/inbox/confirm.html", {"inquiry": inquiry})


def buyer_thread(request, token):
    """The buyer reads the thread and answers through the secret link of a supplier's reply."""
    inquiry = inquiry_selectors.buyer_thread_by_token(token=token)
    if inquiry is None:
        raise Http404
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inquiry_services.inquiry_reply_by_buyer(reply_token=token, **form.cleaned_data)
        except InquiryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your reply was sent to the supplier."))
            return redirect("inquiries:buyer_thread", token=token)
    return render(
        request,
        "inquiries/inbox/buyer_thread.html",
        {"inquiry": inquiry, "thread": inquiry_selectors.thread(inquiry=inquiry), "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def inbox(request):
    """The confirmed inquiries to the user's companies."""
    inquiries = list(inquiry_selectors.inbox_for_user(user=request.user))
    for inquiry in inquiries:
        inquiry.is_overdue = inquiry_selectors.is_unanswered_too_long(inquiry)
    return render(request, "inquiries/inbox/inbox.html", {"inquiries": inquiries})


@login_required
def detail(request, pk):
    """One inquiry with its thread; members of the supplier reply here (the buyer gets an e-mail)."""
    inquiry = inquiry_selectors.inquiry_for_user(user=request.user, pk=pk)
    if inquiry is None:
        raise Http404
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inquiry_services.inquiry_reply_by_supplier(inquiry=inquiry, user=request.user, **form.cleaned_data)
        except InquiryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your reply was sent to the buyer by e-mail."))
            return redirect("inquiries:detail", pk=inquiry.pk)
    return render(
        request,
        "inquiries/inbox/detail.html",
        {"inquiry": inquiry, "thread": inquiry_selectors.thread(inquiry=inquiry), "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


def register_routes():
    """The buyer's inquiry forms, as sub-routes of the showcase page next to the product and supplier."""
    ShowcasePage.routes.register("product/<int:pk>/inquire/", inquiry_for_product, name="product_inquiry")
    ShowcasePage.routes.register("supplier/<int:company_id>/inquire/", inquiry_for_supplier, name="supplier_inquiry")
