"""Writes for sample orders: place an order and send the buyer to Stripe, ship, deliver, close on a full refund.

An order is paid when its payment is: the payments app confirms it from Stripe's webhook, and the receiver
of ``payment_succeeded`` only sends the e-mails (``order_payment_received``). The page Stripe sends the
buyer back to never changes anything. E-mails go out with ``transaction.on_commit``.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_countries import countries

from payments import services as payment_services
from payments.currencies import check_currency
from payments.models import Payment
from portal import personal_data
from portal.companies.models import Company

from . import selectors
from . import tasks as order_tasks
from .models import SampleOrder, SampleOrderError, SampleOrderItem

Status = SampleOrder.Status


# --- Placing an order ------------------------------------------------------------------------------------


def _checked_lines(*, company, lines):
    """``[(product, quantity)]`` re-read from the public catalog and checked against the sample limits."""
    if not lines:
        raise SampleOrderError(_("Choose at least one sample to order."))
    checked = []
    for product, quantity in lines:
        current = selectors.sample_product(product.pk)
        if current is None:
            raise SampleOrderError(
                _("“%(product)s” is not available as a sample any more.") % {"product": product.name}
            )
        if current.company_id != company.pk:
            raise SampleOrderError(_("One order holds the samples of one supplier only."))
        limit = selectors.sample_limit(current)
        if not isinstance(quantity, int) or quantity < 1 or quantity > limit:
            raise SampleOrderError(
                _("You can order between 1 and %(limit)s samples of “%(product)s”.")
                % {"limit": limit, "product": current.name}
            )
        checked.append((current, quantity))
    return checked


def _next_reference(order):
    return f"SO-{order.created_at:%Y}-{order.pk:06d}"


@transaction.atomic
def order_create(
    *,
    company,
    lines,
    buyer_name,
    buyer_company,
    buyer_email,
    shipping_address,
    country,
    currency,
    language,
    buyer_phone="",
    checkout_key=None,
):
    """A pending order for ``lines`` (``[(product, quantity)]``) of one supplier, priced on the server.

    Raises SampleOrderError (quantities, products), UnsupportedCurrency or ExchangeRateMissing.
    """
    currency = check_currency(currency)
    country = str(country or "").upper()
    if country not in countries:
        raise SampleOrderError(_("Choose a country from the list."))
    lines = _checked_lines(company=company, lines=lines)
    units, total = selectors.quote(lines=lines, currency=currency)
    order = SampleOrder.objects.create(
        reference=f"new-{timezone.now():%Y%m%d%H%M%S%f}",
        company=company,
        buyer_name=buyer_name,
        buyer_company=buyer_company,
        buyer_email=buyer_email,
        buyer_phone=buyer_phone,
        shipping_address=shipping_address,
        country=country,
        currency=currency,
        amount_minor=total,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        checkout_key=checkout_key or None,
    )
    order.reference = _next_reference(order)
    order.save(update_fields=["reference"])
    personal_data.consent_given.send(
        sender=SampleOrder,
        purpose=personal_data.CONSENT_SAMPLE_ORDER,
        email=buyer_email,
        user=None,
        language=order.language,
    )
    SampleOrderItem.objects.bulk_create(
        SampleOrderItem(
            order=order,
            product=product,
            product_name=product.name_en,
            sku=product.sku,
            quantity=quantity,
            unit_price_twd=product.sample_price_twd,
            unit_amount_minor=unit,
        )
        for (product, quantity), unit in zip(lines, units, strict=True)
    )
    return order


@transaction.atomic
def order_checkout(*, order, build_absolute_uri):
    """A Stripe Checkout Session for an unpaid order (first or a new attempt); redirect to ``session.url``.

    ``build_absolute_uri`` turns the order page's path into an address (``request.build_absolute_uri``).
    Raises SampleOrderError when the order is not payable and PaymentError when Stripe refuses.
    """
    order = SampleOrder.objects.select_for_update().get(pk=order.pk)
    if not order.is_payable:
        raise SampleOrderError(_("This order has already been paid."))
    items = list(order.items.order_by("pk"))
    payment = payment_services.payment_create(
        purpose=Payment.Purpose.SAMPLE_ORDER,
        target=order,
        amount_minor=order.amount_minor,
        currency=order.currency,
        description=_("Sample order %(reference)s") % {"reference": order.reference},
        customer_email=order.buyer_email,
    )
    with translation.override(order.language):
        page = order.get_absolute_url()
    session = payment_services.checkout_session_create(
        payment=payment,
        line_items=[
            {
                "name": f"{item.product_name} ({item.sku})",
                "unit_amount_minor": item.unit_amount_minor,
                "quantity": item.quantity,
            }
            for item in items
        ],
        success_url=build_absolute_uri(f"{page}?checkout=done"),
        cancel_url=build_absolute_uri(page),
        customer_email=order.buyer_email,
    )
    return session


@transaction.atomic
def order_place(*, build_absolute_uri, checkout_key, **order_fields):
    """Create the order and its Checkout Session together: when Stripe refuses, nothing is kept.

    Returns ``(order, session)``; takes the keyword arguments of ``order_create``. ``checkout_key`` comes
    with the total the buyer reviewed: when that form is sent again (a double click, two tabs, the back
    button), the order it placed gets a new checkout attempt, which expires the earlier session, so a
    second order or a second charge is never made.
    """
    company_id = order_fields["company"].pk
    order = selectors.order_by_checkout_key(checkout_key, company_id=company_id)
    if order is None:
        try:
            order = order_create(checkout_key=checkout_key, **order_fields)
        except IntegrityError:  # the same form sent twice at the same moment: the other request placed it
            order = selectors.order_by_checkout_key(checkout_key, company_id=company_id)
            if order is None:
                raise
    session = order_checkout(order=order, build_absolute_uri=build_absolute_uri)
    return order, session


# --- Following the payment (called by the receivers of the payments app's signals) -----------------------


def _locked_order_for(payment):
    order = selectors.order_for_payment(payment)
    if order is None:
        return None
    return SampleOrder.objects.select_for_update().get(pk=order.pk)


def order_payment_received(*, payment):
    """Stripe confirmed the payment of an order (``payment_succeeded`` is sent once per payment): the buyer and
    the supplier's owners are e-mailed. The order itself stays placed: "paid" is read from the payment."""
    order = selectors.order_for_payment(payment)
    if order is None:
        return None
    order_id = order.pk
    transaction.on_commit(lambda: order_tasks.send_order_emails.enqueue(order_id=order_id, event="paid"))
    return order


@transaction.atomic
def order_payment_refunded(*, payment):
    """The refunded total of an order's payment grew: refunded in full closes (cancels) the order; a partial
    refund keeps its fulfilment status."""
    order = _locked_order_for(payment)
    if order is None or payment.status != Payment.Status.REFUNDED or not order.can_become(Status.CANCELLED):
        return order
    order.set_status(Status.CANCELLED, by=None, note=f"payment {payment.pk} refunded in full")
    return order


# --- Fulfilment by the supplier --------------------------------------------------------------------------


def _check_supplier(order, by):
    if by.is_staff or Company.objects.for_user(by).filter(pk=order.company_id).exists():
        return
    raise SampleOrderError(_("Only the supplier's members and bureau staff can update this order."))


@transaction.atomic
def order_mark_shipped(*, order, by, carrier, tracking_number):
    """The supplier sent a paid order: carrier and tracking number are recorded and the buyer is told."""
    order = SampleOrder.objects.select_for_update().get(pk=order.pk)
    _check_supplier(order, by)
    carrier, tracking_number = carrier.strip(), tracking_number.strip()
    if not carrier or not tracking_number:
        raise SampleOrderError(_("Enter the carrier and the tracking number."))
    # Written with the status (``status_change_fields``); refused unless the payment was received.
    order.carrier, order.tracking_number = carrier, tracking_number
    order.set_status(Status.SHIPPED, by=by, note=f"{carrier} {tracking_number}")
    order_id = order.pk
    transaction.on_commit(lambda: order_tasks.send_order_emails.enqueue(order_id=order_id, event="shipped"))
    return order


@transaction.atomic
def order_mark_delivered(*, order, by):
    """The samples arrived (the supplier or staff confirm it)."""
    order = SampleOrder.objects.select_for_update().get(pk=order.pk)
    _check_supplier(order, by)
    order.set_status(Status.DELIVERED, by=by)
    return order
