"""The "Taipei Good Products" storefront: one routable page per language serving products and suppliers."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page


class ShowcasePage(RoutablePageMixin, Page):
    """Landing (hero, collections, categories, new arrivals), category listings, products and suppliers."""

    hero_heading = models.CharField(_("hero heading"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "catalog/showcase/landing.html"

    class Meta:
        verbose_name = _("showcase (Taipei Good Products)")

    @path("")
    def landing_view(self, request):
        from catalog import storefront_views

        return storefront_views.landing(request, self)

    @path("category/<path:slug_path>/")
    def category_view(self, request, slug_path):
        from catalog import storefront_views

        return storefront_views.category(request, self, slug_path=slug_path)

    @path("product/<int:pk>-<slug:slug>/", name="product")
    @path("product/<int:pk>/", name="product_short")
    def product_view(self, request, pk, slug=""):
        from catalog import storefront_views

        return storefront_views.product(request, self, pk=pk, slug=slug)

    @path("product/<int:pk>/inquire/", name="product_inquiry")
    def product_inquiry_view(self, request, pk):
        from catalog import inquiry_views

        return inquiry_views.inquiry_for_product(request, self, pk=pk)

    @path("supplier/<int:company_id>/", name="supplier")
    def supplier_view(self, request, company_id):
        from catalog import storefront_views

        return storefront_views.supplier(request, self, company_id=company_id)

    @path("supplier/<int:company_id>/inquire/", name="supplier_inquiry")
    def supplier_inquiry_view(self, request, company_id):
        from catalog import inquiry_views

        return inquiry_views.inquiry_for_supplier(request, self, company_id=company_id)

    def get_sitemap_urls(self, request=None):
        """The landing page, then every live product and every public supplier, in this page's language."""
        from catalog import storefront_selectors

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        base = base.rstrip("/") + "/"
        for product in storefront_selectors.live_products():
            location = self.reverse_subpage(
                "product", kwargs={"pk": product.pk, "slug": storefront_selectors.product_slug(product)}
            )
            urls.append({"location": base + location, "lastmod": product.last_published_at})
        for company in storefront_selectors.public_suppliers():
            urls.append({"location": base + self.reverse_subpage("supplier", kwargs={"company_id": company.pk})})
        return urls
