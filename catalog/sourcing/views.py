"""Thin views of requests for quotation: the buyer's form, confirmation and request page (secret link), the
signed-in buyer's list, and the matched supplier's list and quote form."""

from allauth.account.adapter import get_adapter as get_account_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalog.orders import selectors as order_selectors
from catalog.orders.cart import SampleCart
from catalog.showcase import selectors as showcase_selectors
from catalog.showcase.models import ProductCategory
from payments.currencies import Currency, currency_for_language

from . import selectors, services
from .forms import QuoteForm, RequestForm
from .models import SourcingError


def _bad_request_status(form):
    return 400 if form.is_bound and form.errors else 200


def _linked_category(path):
    """The category a category page's link names in ``?category=``; any other value is ignored (a NUL byte
    or an overlong value cannot even be looked up)."""
    if not path or "\x00" in path or len(path) > 255:
        return None
    return ProductCategory.objects.filter(path=path).first()


def request_create(request):
    """A buyer posts a request for quotation (no account needed; confirmed by e-mail)."""
    initial = {"currency": currency_for_language(translation.get_language())}
    category = _linked_category(request.GET.get("category", ""))
    if category is not None:
        initial["category"] = category
    form = RequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.is_spam_bot:
            return render(request, "sourcing/request_sent.html")
        try:
            services.request_submit(
                language=translation.get_language(),
                ip_address=get_account_adapter(request).get_client_ip(request),
                **form.service_arguments(),
            )
        except services.RequestRateLimited as error:
            form.add_error(None, str(error))
            return render(request, "sourcing/request_form.html", {"form": form}, status=429)
        except SourcingError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "sourcing/request_sent.html")
    return render(request, "sourcing/request_form.html", {"form": form}, status=_bad_request_status(form))


def confirm(request, token):
    """The link in the buyer's e-mail: a button (POST) confirms, so link checkers cannot confirm by visiting."""
    quote_request = selectors.request_by_token(token=token)
    if quote_request is None:
        raise Http404
    if request.method == "POST":
        try:
            services.request_confirm(token=token)
        except SourcingError as error:
            messages.info(request, str(error))
            return redirect("sourcing:confirm", token=token)
        messages.success(request, _("Thank you. Your request is confirmed and was sent to the matching suppliers."))
        return redirect("sourcing:buyer_request", token=token)
    return render(request, "sourcing/confirm.html", {"quote_request": quote_request})


def buyer_request(request, token):
    """The buyer's request with the quotes side by side, in the request's currency or the one chosen."""
    quote_request = selectors.request_by_token(token=token)
    if quote_request is None or quote_request.status == quote_request.Status.UNCONFIRMED:
        raise Http404
    code = request.GET.get("currency", "").upper()
    if code not in Currency.values:
        code = quote_request.currency
    currency = selectors.comparison_currency(code)
    rows = selectors.compare_quotes(quote_request=quote_request, currency=currency)
    return render(
        request,
        "sourcing/buyer_request.html",
        {
            "quote_request": quote_request,
            "rows": rows,
            "currency": currency,
            "currencies": Currency.values,
            "token": token,
        },
    )


@require_POST
def buyer_decide(request, token, quote_id, action):
    """Shortlist, accept or decline a quote, or start an inquiry thread or a sample order from it."""
    try:
        if action == "inquiry":
            services.quote_to_inquiry(token=token, quote_id=quote_id)
            messages.success(request, _("The supplier received your message and answers you by e-mail."))
        elif action == "sample":
            return _sample_order(request, token=token, quote_id=quote_id)
        else:
            services.quote_decide(token=token, quote_id=quote_id, decision=action)
            messages.success(request, _("Your decision was saved."))
    except SourcingError as error:
        if selectors.request_by_token(token=token) is None:
            raise Http404 from None
        messages.error(request, str(error))
    return redirect("sourcing:buyer_request", token=token)


def _sample_order(request, *, token, quote_id):
    """Put one sample of the quoted product in the buyer's sample cart, when the product offers samples."""
    quote_request = selectors.request_by_token(token=token)
    quote = quote_request.quotes.select_related("product").filter(pk=quote_id).first() if quote_request else None
    if quote is None:
        raise Http404
    if quote.product is None or not order_selectors.is_sample_orderable(quote.product):
        messages.error(request, _("This supplier offers no sample of the quoted product through the showcase."))
        return redirect("sourcing:buyer_request", token=token)
    SampleCart(request.session).set(quote.product, 1)
    messages.success(request, _("“%(product)s” is in your sample cart.") % {"product": quote.product.name})
    return redirect("sample_orders:cart")


@require_POST
def buyer_close(request, token):
    """The buyer closes the request: suppliers can no longer quote."""
    try:
        services.request_close(token=token)
    except SourcingError as error:
        if selectors.request_by_token(token=token) is None:
            raise Http404 from None
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your request is closed."))
    return redirect("sourcing:buyer_request", token=token)


@login_required
def my_requests(request):
    """The requests posted with the signed-in user's e-mail address."""
    return render(
        request, "sourcing/my_requests.html", {"requests": selectors.buyer_requests_for_user(user=request.user)}
    )


@login_required
def supplier_requests(request, company_id):
    """The requests matched to one of the user's companies, with the company's own quote on each."""
    company = showcase_selectors.dashboard_company(user=request.user, company_id=company_id)
    return render(
        request,
        "sourcing/supplier_requests.html",
        {"company": company, "section": "rfq", "requests": selectors.supplier_requests(company=company)},
    )


@login_required
def supplier_request(request, company_id, pk):
    """One matched request; the form sends the quote, or a new version of it."""
    company = showcase_selectors.dashboard_company(user=request.user, company_id=company_id)
    quote_request = selectors.supplier_request(company=company, pk=pk)
    if quote_request is None:
        raise Http404
    quote = quote_request.own_quotes[0] if quote_request.own_quotes else None
    form = QuoteForm(request.POST or None, company=company, previous=quote.current_version if quote else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.quote_submit(
                quote_request=quote_request, company=company, user=request.user, **form.service_arguments()
            )
        except SourcingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your quote was sent to the buyer."))
            return redirect("sourcing:supplier_request", company_id=company.pk, pk=quote_request.pk)
    return render(
        request,
        "sourcing/supplier_request.html",
        {
            "company": company,
            "section": "rfq",
            "quote_request": quote_request,
            "quote": quote,
            "versions": selectors.own_quote_versions(quote=quote),
            "form": form,
            "accepts_quotes": quote_request.accepts_quotes(),
        },
        status=_bad_request_status(form),
    )
