"""Wagtail admin for the showcase: products (moderation, unpublish), categories, collections, certificates.

Staff approve or reject submitted products with a comment through Wagtail's workflow UI on the Product
snippet; "Unpublish" takes a live product off the showcase.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.admin_viewsets import PortalSnippetViewSet

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


class CertificateViewSet(PortalSnippetViewSet):
    """Staff check certificates; the scanned copy stays out of the admin form (private storage, no URL)."""

    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    list_display = ["certificate_type", "issuer", "number", "company", "valid_from", "valid_until"]
    list_filter = ["certificate_type"]
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
