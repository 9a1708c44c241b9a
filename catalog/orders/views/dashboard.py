"""Sample orders in the supplier dashboard: the company's orders, one order, shipping and delivery.

Members reach only their own companies' orders (404 otherwise, for staff too: staff see every order in the
Wagtail admin). Shipping and delivery go through the order services, which check the order's status.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.companies.selectors import company_for_member

from .. import selectors
from .. import services as order_services
from ..forms import OrderFilterForm, ShipOrderForm
from ..models import SampleOrder, SampleOrderError

ORDERS_PER_PAGE = 25


def _context(company, **extra):
    return {"company": company, "company_name": company.display_name(get_language()), **extra}


@login_required
def order_list(request, company_id):
    """The company's sample orders, newest first; ``?status=`` keeps one state (``SampleOrder.State``)."""
    company = company_for_member(user=request.user, pk=company_id)
    form = OrderFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    orders = Paginator(selectors.company_orders(company=company, state=status), ORDERS_PER_PAGE)
    page = orders.get_page(request.GET.get("page"))
    return render(request, "orders/dashboard/order_list.html", _context(company, form=form, orders=page, status=status))


def _render_detail(request, company, order, *, ship_form=None, status=200):
    payment, refunds = selectors.order_payment_details(order=order)
    can_ship = order.can_ship
    context = _context(
        company,
        order=order,
        items=list(order.items.all()),
        payment=payment,
        refunds=refunds,
        can_ship=can_ship,
        can_deliver=order.can_become(SampleOrder.Status.DELIVERED),
        ship_form=ship_form or (ShipOrderForm() if can_ship else None),
    )
    return render(request, "orders/dashboard/order_detail.html", context, status=status)


@login_required
def order_detail(request, company_id, pk):
    """Items, where to send them, the payment and its refunds, and the next step (ship or confirm delivery)."""
    company = company_for_member(user=request.user, pk=company_id)
    return _render_detail(request, company, selectors.company_order(company=company, pk=pk))


@login_required
@require_POST
def order_ship(request, company_id, pk):
    """Carrier and tracking number are required; the service refuses an order that is not paid (or shipped)."""
    company = company_for_member(user=request.user, pk=company_id)
    order = selectors.company_order(company=company, pk=pk)
    form = ShipOrderForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, company, order, ship_form=form, status=400)
    try:
        order_services.order_mark_shipped(order=order, by=request.user, **form.cleaned_data)
    except SampleOrderError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Order %(reference)s is marked shipped; the buyer receives the tracking number by e-mail.")
            % {"reference": order.reference},
        )
    return redirect("sample_orders:supplier_order", company_id=company.pk, pk=order.pk)


@login_required
@require_POST
def order_deliver(request, company_id, pk):
    company = company_for_member(user=request.user, pk=company_id)
    order = selectors.company_order(company=company, pk=pk)
    try:
        order_services.order_mark_delivered(order=order, by=request.user)
    except SampleOrderError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Order %(reference)s is marked delivered.") % {"reference": order.reference})
    return redirect("sample_orders:supplier_order", company_id=company.pk, pk=order.pk)
