"""Admin for requests for quotation: every request, read-only, filtered by status and market; hide one or show it
again."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView

from portal.admin_viewsets import ReadOnlyModelViewSet

from . import admin_views
from .models import QuoteRequest


class QuoteRequestIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("category")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.request.user.has_perm(admin_views.MODERATE_PERMISSION):
            return buttons
        if instance.status == QuoteRequest.Status.HIDDEN:
            url = reverse("sourcing_restore", args=[instance.pk])
            buttons.append(MenuItem(_("Show again"), url=url, icon_name="view", priority=50))
        else:
            url = reverse("sourcing_hide", args=[instance.pk])
            buttons.append(MenuItem(_("Hide"), url=url, icon_name="view", priority=50))
        return buttons


class QuoteRequestViewSet(ReadOnlyModelViewSet):
    """Requests for quotation for staff: buyers write them, matched suppliers quote; staff hide spam."""

    model = QuoteRequest
    index_view_class = QuoteRequestIndexView
    icon = "doc-full"
    menu_label = gettext_lazy("Requests for quotation")
    menu_order = 332
    add_to_admin_menu = True
    list_display = [
        "__str__",
        "destination",
        "status",
        "deadline",
        "created_at",
    ]
    list_filter = ["status", "destination", "currency"]
    inspect_view_fields = [
        "description",
        "category",
        "quantity",
        "unit",
        "target_price",
        "currency",
        "destination",
        "required_certificates",
        "deadline",
        "buyer_name",
        "buyer_company",
        "email",
        "language",
        "status",
        "close_reason",
        "moderation_note",
        "created_at",
        "confirmed_at",
        "closed_at",
        "history",
    ]


@hooks.register("register_admin_viewset")
def register_quote_request_viewset():
    return QuoteRequestViewSet("sourcing_quoterequest")


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path("rfq/<int:pk>/hide/", admin_views.hide, name="sourcing_hide"),
        path("rfq/<int:pk>/show/", admin_views.restore, name="sourcing_restore"),
    ]
