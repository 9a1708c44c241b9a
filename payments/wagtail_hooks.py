"""Admin for payments: every payment (filters, CSV/XLSX export, refunds), Stripe events, exchange rates."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from portal import audit
from portal.admin_exports import LocalizedExportMixin
from portal.admin_viewsets import ReadOnlyModelViewSet

from . import services
from .errors import PaymentError
from .forms import RefundForm
from .models import ExchangeRate, Payment, StripeEvent


class PaymentIndexView(LocalizedExportMixin, IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.refundable_minor and self.user_has_permission("change"):
            buttons.insert(
                0,
                ListingButton(
                    _("Refund"), url=reverse("payment:refund", args=[instance.pk]), icon_name="undo", priority=5
                ),
            )
        return buttons


class PaymentRefundView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Staff refund part or all of a paid payment through Stripe (the service refuses too much)."""

    model = Payment
    permission_required = "change"
    form_class = RefundForm
    template_name = "payments/admin/refund_form.html"
    header_icon = "undo"
    page_title = gettext_lazy("Refund")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Payment, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("payment:index"), "label": Payment._meta.verbose_name_plural},
            {"url": "", "label": _("Refund")},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "payment": self.object}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object}

    def form_valid(self, form):
        try:
            refund = services.refund_create(
                payment=self.object,
                amount_minor=form.cleaned_data["amount"],
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except PaymentError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Refund %(refund)s was issued.") % {"refund": refund})
        return redirect(self.return_url())

    def return_url(self):
        """Back where the refund started (``?next=``, e.g. a sample order in the admin), else the payments."""
        target = self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return reverse("payment:index")


class PaymentViewSet(ReadOnlyModelViewSet):
    """Payments are created by the apps that sell something; staff read and refund them."""

    model = Payment
    icon = "form"
    menu_label = gettext_lazy("Payments")
    index_view_class = PaymentIndexView
    list_display = ["description", "purpose", "amount_display", "refunded_display", "status", "created_at", "paid_at"]
    list_filter = ["status", "purpose", "currency"]
    search_fields = ["description", "customer_email", "stripe_checkout_session_id", "stripe_payment_intent_id"]
    list_export = [
        "pk",
        "created_at",
        "paid_at",
        "purpose",
        "description",
        "customer_email",
        "currency",
        "amount",
        "amount_refunded",
        "status",
        "stripe_checkout_session_id",
        "stripe_payment_intent_id",
    ]
    export_headings = {"pk": gettext_lazy("Reference")}
    export_filename = "payments"
    inspect_view_fields = [
        "description",
        "purpose",
        "amount_display",
        "refunded_display",
        "status",
        "customer_email",
        "created_at",
        "paid_at",
        "checkout_attempts",
        "stripe_checkout_session_id",
        "stripe_payment_intent_id",
        "history",
    ]

    @property
    def refund_view(self):
        return self.construct_view(PaymentRefundView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("refund/<int:pk>/", self.refund_view, name="refund")]


class StripeEventViewSet(ReadOnlyModelViewSet):
    model = StripeEvent
    icon = "list-ul"
    menu_label = gettext_lazy("Stripe events")
    list_display = ["type", "stripe_id", "status", "received_at", "processed_at"]
    list_filter = ["status", "type"]
    search_fields = ["stripe_id", "type", "waiting_for"]
    inspect_view_fields = [
        "stripe_id",
        "type",
        "status",
        "waiting_for",
        "error",
        "received_at",
        "processed_at",
        "payload",
    ]


class ExchangeRateCreateView(CreateView):
    def save_instance(self):
        self.form.instance.updated_by = self.request.user
        return super().save_instance()


class ExchangeRateEditView(EditView):
    def save_instance(self):
        self.form.instance.updated_by = self.request.user
        return super().save_instance()


class ExchangeRateViewSet(ModelViewSet):
    model = ExchangeRate
    icon = "resubmit"
    menu_label = gettext_lazy("Exchange rates")
    add_view_class = ExchangeRateCreateView
    edit_view_class = ExchangeRateEditView
    copy_view_enabled = False
    form_fields = ["currency", "twd_per_unit"]
    list_display = ["currency", "twd_per_unit", "updated_at", "updated_by"]


class PaymentsViewSetGroup(ViewSetGroup):
    items = (
        PaymentViewSet("payment"),
        StripeEventViewSet("stripe_event"),
        ExchangeRateViewSet("exchange_rate"),
    )
    menu_label = gettext_lazy("Payments")
    menu_icon = "form"
    menu_order = 400


@hooks.register("register_admin_viewset")
def register_payments_viewsets():
    return PaymentsViewSetGroup()


@hooks.register("register_log_actions")
def register_refund_action(actions):
    actions.register_action(services.REFUNDED)(
        audit.formatter(gettext_lazy("Refund"), gettext_lazy("Refunded %(amount)s: %(reason)s"))
    )
