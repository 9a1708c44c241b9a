"""Wagtail admin for the showcase: products (moderation, unpublish), categories, collections, certificates.

Staff approve or reject submitted products with a comment through Wagtail's workflow UI on the Product
snippet; "Unpublish" takes a live product off the showcase.
"""

from django.urls import path, reverse
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from portal.admin_viewsets import PortalSnippetViewSet

from . import admin_views, services
from .models import Certificate, Collection, Product, ProductCategory


class ProductViewSet(PortalSnippetViewSet):
    model = Product
    icon = "tag"
    menu_label = _("Products")
    list_display = ["name_en", "sku", "company", "category", "updated_at"]
    list_filter = ["live", "category", "stock_status", "sample_available"]
    list_per_page = 50
    search_fields = ["name_en", "name_zh_hant", "name_th", "sku", "company__name_zh", "company__name_en"]
    search_backend_name = None
    ordering = ["-updated_at"]


class ProductCategoryViewSet(PortalSnippetViewSet):
    model = ProductCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["path", "name_en", "name_zh_hant", "sort_order"]
    search_fields = ["path", "name_en", "name_zh_hant"]
    search_backend_name = None


class CollectionViewSet(PortalSnippetViewSet):
    model = Collection
    icon = "list-ul"
    menu_label = _("Collections")
    list_display = ["title_en", "title_zh_hant", "featured", "sort_order"]


class CertificateIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm("showcase.check_certificate"):
            buttons.append(
                ListingButton(
                    gettext_now("Check"), url=reverse("showcase_certificate_check", args=[instance.pk]), priority=5
                )
            )
            if instance.scan:
                buttons.append(
                    ListingButton(
                        gettext_now("Open the scanned copy"),
                        url=reverse("showcase_certificate_scan", args=[instance.pk]),
                        priority=6,
                    )
                )
        return buttons


class CertificateViewSet(PortalSnippetViewSet):
    """Staff check certificates; the scanned copy stays out of the admin form (private storage, no URL): it is
    opened through the "Open the scanned copy" view, which checks the permission and writes the audit log."""

    model = Certificate
    index_view_class = CertificateIndexView
    icon = "doc-full"
    menu_label = _("Certificates")
    list_display = ["certificate_type", "issuer", "number", "company", "valid_until", "check_status", "checked_at"]
    list_filter = ["certificate_type", "check_status"]
    search_fields = ["issuer", "number", "company__name_zh", "company__name_en"]
    search_backend_name = None
    panels = [
        FieldPanel("company"),
        FieldPanel("certificate_type"),
        FieldPanel("issuer"),
        FieldPanel("number"),
        MultiFieldPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Validity")),
        FieldPanel("recognised_markets"),
    ]


class ShowcaseViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taipei Good Products")
    menu_icon = "pick"
    menu_order = 310
    items = (ProductViewSet, ProductCategoryViewSet, CollectionViewSet, CertificateViewSet)


register_snippet(ShowcaseViewSetGroup)


@hooks.register("register_admin_urls")
def certificate_check_urls():
    return [
        path("showcase/certificates/<int:pk>/scan/", admin_views.certificate_scan, name="showcase_certificate_scan"),
        path("showcase/certificates/<int:pk>/check/", admin_views.certificate_check, name="showcase_certificate_check"),
    ]


class ScanOpenedFormatter(LogFormatter):
    label = _("Open a certificate scan")

    def format_message(self, log_entry):
        return gettext_now("Opened the scanned copy of the certificate")


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    actions.register_action(services.SCAN_OPENED)(ScanOpenedFormatter)
