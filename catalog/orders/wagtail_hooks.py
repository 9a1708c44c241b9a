"""Staff see every sample order in the Wagtail admin: filters, search, a read-only detail, CSV/XLSX export.

Buyers place orders and the server prices them: there is no add or edit view, so staff cannot change
amounts. Refunds go through the payment's refund view of the payments admin (Stripe Refund API), which
the order listing and detail link to while something can still be refunded.
"""

from urllib.parse import urlencode

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets import Button, ListingButton
from wagtail.coreutils import multigetattr

from payments.currencies import from_minor
from portal.admin_exports import LocalizedExportMixin
from portal.admin_viewsets import ReadOnlyModelViewSet
from portal.companies.models import Company

from .models import SampleOrder
from .selectors import order_payment


def staff_orders():
    """Every order with its supplier and its payment's facts (``SampleOrder.objects.with_payment()``)."""
    return SampleOrder.objects.with_payment().select_related("company")


def can_refund(user, order):
    return order.is_refundable and user.has_perm("payments.change_payment")


def refund_url(order):
    """The payment's refund form; after the refund, staff come back to this order."""
    back = reverse("sample_order:inspect", args=[order.pk])
    return f"{reverse('payment:refund', args=[order.payment_pk])}?{urlencode({'next': back})}"


def country_label(code):
    return f"{countries.name(code) or code} ({code})"


def _order_countries():
    codes = SampleOrder.objects.order_by("country").values_list("country", flat=True).distinct()
    return sorted(((code, country_label(code)) for code in codes), key=lambda choice: choice[1])


def _suppliers(request):
    return Company.objects.filter(sample_orders__isnull=False).distinct().order_by("name_zh")


class SampleOrderFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=SampleOrder.State.choices, method="filter_state"
    )
    company = django_filters.ModelChoiceFilter(label=gettext_lazy("Supplier"), queryset=_suppliers)
    country = django_filters.ChoiceFilter(label=gettext_lazy("Country"), choices=_order_countries)
    created_at = django_filters.DateFromToRangeFilter(label=gettext_lazy("Created"), widget=DateRangePickerWidget)

    class Meta:
        model = SampleOrder
        fields = ["status", "company", "currency", "country", "created_at"]

    def filter_state(self, queryset, name, value):
        return queryset.in_state(value)


EXPORT_VALUES = {
    "amount": lambda order: from_minor(order.amount_minor, order.currency),
    "amount_refunded": lambda order: from_minor(order.amount_refunded_minor, order.currency),
    "status": lambda order: order.get_state_display(),
}


class SampleOrderIndexView(LocalizedExportMixin, IndexView):
    def get_base_queryset(self):
        return staff_orders()

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_refund(self.request.user, instance):
            buttons.insert(0, ListingButton(_("Refund"), url=refund_url(instance), icon_name="undo", priority=5))
        return buttons

    def to_row_dict(self, item):
        """Amounts in major units (Decimal, exact for every currency) and the status label."""
        return {
            field: EXPORT_VALUES[field](item) if field in EXPORT_VALUES else multigetattr(item, field)
            for field in self.list_export
        }


class SampleOrderInspectView(InspectView):
    labels = {
        "amount_display": gettext_lazy("Amount"),
        "refunded_display": gettext_lazy("Refunded"),
        "items": gettext_lazy("Samples"),
        "payment": gettext_lazy("Payment"),
        "state": gettext_lazy("Status"),
        "paid_at": gettext_lazy("Paid at"),
    }

    def get_object(self, queryset=None):
        return get_object_or_404(staff_orders(), pk=self.pk)

    def get_field_label(self, field_name, field):
        if field_name in self.labels:
            return capfirst(self.labels[field_name])
        return super().get_field_label(field_name, field)

    def get_items_display_value(self):
        return format_html_join(
            "\n",
            "<p>{} × {} ({}) — {}</p>",
            (
                (item.quantity, item.product_name, item.sku, item.line_amount_display)
                for item in self.object.items.order_by("pk")
            ),
        )

    def get_state_display_value(self):
        return self.object.get_state_display()

    def get_paid_at_display_value(self):
        return date_format(localtime(self.object.paid_at), "DATETIME_FORMAT") if self.object.paid_at else "—"

    def get_country_display_value(self):
        return country_label(self.object.country)

    def get_payment_display_value(self):
        payment = order_payment(self.object)
        if payment is None:
            return _("The buyer has not started paying yet.")
        return format_html(
            '<a href="{}">{}</a> — {}',
            reverse("payment:inspect", args=[payment.pk]),
            payment.get_status_display(),
            _("refunded: %(amount)s") % {"amount": payment.refunded_display},
        )

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if can_refund(self.request.user, self.object):
            buttons.insert(0, Button(_("Refund"), url=refund_url(self.object), icon_name="undo", priority=5))
        return buttons


class SampleOrderViewSet(ReadOnlyModelViewSet):
    """Read-only for staff: orders come from buyers, and their amounts from the server."""

    model = SampleOrder
    icon = "clipboard-list"
    menu_label = gettext_lazy("Sample orders")
    menu_order = 315
    add_to_admin_menu = True
    index_view_class = SampleOrderIndexView
    inspect_view_class = SampleOrderInspectView
    filterset_class = SampleOrderFilterSet
    search_fields = ["reference", "buyer_email"]
    search_backend_name = None
    list_display = [
        "reference",
        "company",
        "buyer_email",
        "country",
        Column("amount_display", label=gettext_lazy("Amount")),
        Column("get_state_display", label=gettext_lazy("Status")),
        "created_at",
        Column("paid_at", label=gettext_lazy("Paid at")),
    ]
    list_export = [
        "reference",
        "created_at",
        "company",
        "buyer_name",
        "buyer_email",
        "country",
        "currency",
        "amount",
        "amount_refunded",
        "status",
        "paid_at",
        "shipped_at",
        "carrier",
        "tracking_number",
    ]
    export_headings = {
        "company": gettext_lazy("Supplier"),
        "buyer_name": gettext_lazy("Buyer"),
        "buyer_email": gettext_lazy("E-mail"),
        "amount": gettext_lazy("Amount"),
        "amount_refunded": gettext_lazy("Refunded"),
        "paid_at": gettext_lazy("Paid at"),
        "shipped_at": gettext_lazy("Shipped at"),
    }
    export_filename = "sample-orders"
    inspect_view_fields = [
        "reference",
        "state",
        "company",
        "items",
        "amount_display",
        "refunded_display",
        "payment",
        "buyer_name",
        "buyer_company",
        "buyer_email",
        "buyer_phone",
        "shipping_address",
        "country",
        "language",
        "created_at",
        "paid_at",
        "carrier",
        "tracking_number",
        "shipped_at",
        "delivered_at",
        "cancelled_at",
        "history",
    ]


@hooks.register("register_admin_viewset")
def register_sample_order_viewset():
    return SampleOrderViewSet("sample_order")
