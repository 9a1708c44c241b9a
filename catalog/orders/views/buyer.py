"""Buyer pages for sample orders: the session cart, checkout per supplier, and the order's secret page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from payments.currencies import format_minor
from payments.errors import PaymentError
from payments.stripe_client import stripe_configured

from .. import selectors, services
from ..cart import SampleCart
from ..forms import CheckoutForm, SampleQuantityForm
from ..models import SampleOrderError


def _redirect_303(url):
    response = redirect(url)
    response.status_code = 303
    return response


def _quantity_error(form):
    return " ".join(form.errors.get("quantity", [])) or _("Enter how many samples you want.")


@require_POST
def cart_add(request, pk):
    """Put samples of a product into the cart (the quantity replaces one already there)."""
    product = selectors.sample_product(pk)
    if product is None:
        raise Http404
    form = SampleQuantityForm(request.POST, product=product)
    if form.is_valid():
        SampleCart(request.session).set(product, form.cleaned_data["quantity"])
        messages.success(request, _("“%(product)s” is in your sample cart.") % {"product": product.name})
    else:
        messages.error(request, _quantity_error(form))
    return _redirect_303("sample_orders:cart")


@require_GET
def cart(request):
    groups, dropped = SampleCart(request.session).groups()
    if dropped:
        messages.warning(request, _("Some samples are no longer available and were removed from your cart."))
    return render(
        request,
        "orders/cart.html",
        {"groups": groups, "payments_available": stripe_configured()},
    )


@require_POST
def cart_update(request, pk):
    """Change the quantity of a product in the cart, or remove it (the "remove" button)."""
    cart_ = SampleCart(request.session)
    if "remove" in request.POST:
        cart_.remove(pk)
        messages.success(request, _("The sample was removed from your cart."))
        return _redirect_303("sample_orders:cart")
    product = selectors.sample_product(pk)
    if product is None or cart_.quantity_of(pk) is None:
        raise Http404
    form = SampleQuantityForm(request.POST, product=product)
    if form.is_valid():
        cart_.set(product, form.cleaned_data["quantity"])
        messages.success(request, _("The quantity was updated."))
    else:
        messages.error(request, _quantity_error(form))
    return _redirect_303("sample_orders:cart")


def _quote_key(currency, total):
    return f"{currency}:{total}"


@require_http_methods(["GET", "POST"])
def checkout(request, company_id):
    """One supplier's samples: the buyer's details, then the total in the chosen currency, then Stripe."""
    cart_ = SampleCart(request.session)
    group = cart_.group(company_id)
    if group is None:
        # The reviewed form sent again after its order was placed (back button): show that order, when the
        # key was issued to this browser for this supplier.
        key = request.POST.get("checkout_key")
        placed = selectors.order_by_checkout_key(key, company_id=company_id) if cart_.issued(key) else None
        if placed is not None:
            messages.info(request, _("This order was already placed; here is where it stands."))
            return _redirect_303(placed.get_absolute_url())
        messages.error(request, _("Your cart has no samples from this supplier."))
        return _redirect_303("sample_orders:cart")
    available = stripe_configured()
    form = CheckoutForm(request.POST or None)
    total = None
    if request.method == "POST" and available and form.is_valid():
        data = form.cleaned_data
        lines = [(line.product, line.quantity) for line in group.lines]
        try:
            _units, total_minor = selectors.quote(lines=lines, currency=data["currency"])
        except PaymentError as error:
            form.add_error("currency", str(error))
        else:
            key = _quote_key(data["currency"], total_minor)
            total = format_minor(total_minor, data["currency"])
            if "pay" in request.POST and data["quote"] == key and cart_.issued(data["checkout_key"]):
                try:
                    _order, session = services.order_place(
                        build_absolute_uri=request.build_absolute_uri,
                        checkout_key=data["checkout_key"],
                        company=group.company,
                        lines=lines,
                        buyer_name=data["buyer_name"],
                        buyer_company=data["buyer_company"],
                        buyer_email=data["buyer_email"],
                        buyer_phone=data["buyer_phone"],
                        shipping_address=data["shipping_address"],
                        country=data["country"],
                        currency=data["currency"],
                        language=request.LANGUAGE_CODE,
                    )
                except (SampleOrderError, PaymentError) as error:
                    form.add_error(None, str(error))
                else:
                    cart_.remove_company(company_id)
                    return _redirect_303(session.url)
            elif "pay" in request.POST:
                messages.warning(request, _("The total changed. Please check it and pay again."))
            if not form.errors:
                checkout_key = data["checkout_key"]
                if not cart_.issued(checkout_key):
                    checkout_key = cart_.issue_checkout_key()
                form = CheckoutForm(initial={**data, "quote": key, "checkout_key": checkout_key})
    return render(
        request,
        "orders/checkout.html",
        {"group": group, "form": form, "total": total, "payments_available": available},
        status=200 if not form.errors else 400,
    )


@require_GET
def order_detail(request, token):
    """The buyer's page behind the secret link: items, amounts, status, tracking; never changes the order."""
    order = selectors.order_by_token(token)
    if order is None:
        raise Http404
    return render(
        request,
        "orders/detail.html",
        {
            "order": order,
            "items": list(order.items.all()),
            "checkout_done": request.GET.get("checkout") == "done" and order.is_payable,
            "payments_available": stripe_configured(),
        },
    )


@require_POST
def order_pay(request, token):
    """A new checkout attempt for an unpaid order."""
    order = selectors.order_by_token(token)
    if order is None:
        raise Http404
    if not stripe_configured():
        messages.error(request, _("Online sample orders are not available at the moment; send an inquiry instead."))
        return _redirect_303(order.get_absolute_url())
    try:
        session = services.order_checkout(order=order, build_absolute_uri=request.build_absolute_uri)
    except (SampleOrderError, PaymentError) as error:
        messages.error(request, str(error))
        return _redirect_303(order.get_absolute_url())
    return _redirect_303(session.url)
