"""Sample orders (``portal.personal_data``), found by the buyer's e-mail address.

Orders are accounting records: they are kept, with amounts, items and country, but without the buyer's
name, company, address, phone or e-mail. An order paid and not shipped yet stops the erasure, since the
supplier still needs the address.
"""

from django.utils.translation import gettext as _

from portal import personal_data

from .models import SampleOrder


def _orders(subject):
    return SampleOrder.objects.filter(buyer_email__iexact=subject.email).with_payment()


def export(subject):
    records = [
        {
            "reference": order.reference,
            "supplier": order.company.display_name(),
            "buyer_name": order.buyer_name,
            "buyer_company": order.buyer_company,
            "buyer_email": order.buyer_email,
            "buyer_phone": order.buyer_phone,
            "shipping_address": order.shipping_address,
            "country": order.country,
            "currency": order.currency,
            "amount_minor": order.amount_minor,
            "state": order.state,
            "carrier": order.carrier,
            "tracking_number": order.tracking_number,
            "ordered_at": order.created_at,
            "shipped_at": order.shipped_at,
            "delivered_at": order.delivered_at,
            "items": [
                {"product": item.product_name, "sku": item.sku, "quantity": item.quantity} for item in order.items.all()
            ],
        }
        for order in _orders(subject).select_related("company").prefetch_related("items").order_by("pk")
    ]
    return personal_data.Section(records=records)


def refusals(subject):
    waiting = [order.reference for order in _orders(subject).order_by("pk") if order.can_ship]
    if not waiting:
        return []
    return [
        _("Your sample order %(references)s is paid and not shipped yet; ask for erasure once it has arrived.")
        % {"references": ", ".join(waiting)}
    ]


def erase(subject):
    kept = 0
    for order in SampleOrder.objects.filter(buyer_email__iexact=subject.email):
        order.buyer_name = personal_data.ERASED_NAME
        order.buyer_company = ""
        order.buyer_email = personal_data.erased_email(f"order-{order.pk}")
        order.buyer_phone = ""
        order.shipping_address = personal_data.ERASED_NAME
        order.save(update_fields=["buyer_name", "buyer_company", "buyer_email", "buyer_phone", "shipping_address"])
        kept += 1
    return {"erased": 0, "kept": kept}


HOLDER = personal_data.Holder(name="sample_orders", export=export, erase=erase, refusals=refusals)
