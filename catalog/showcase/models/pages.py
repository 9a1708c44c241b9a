"""The "Taipei Good Products" storefront: one routable page per language serving products and suppliers.

Its sub-routes (landing, category, product, supplier, and those other apps add, such as the inquiry forms)
are registered in ``ShowcasePage.routes`` at start-up; see ``portal.routes``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.routes import PageRoutes, RegisteredRoutesMixin

from .products import Product


class ShowcasePage(RegisteredRoutesMixin, Page):
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
    template = "showcase/landing.html"
    routes = PageRoutes()

    class Meta:
        verbose_name = _("showcase (Taipei Good Products)")

    def get_sitemap_urls(self, request=None):
        """The landing page, its categories that hold public products, every live product and every public
        supplier, in this page's language."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        base = base.rstrip("/") + "/"
        products = Product.objects.public().order_by("-first_published_at", "-pk")
        for path in _paths_with_products(products):
            urls.append({"location": base + self.reverse_subpage("category_view", kwargs={"slug_path": path})})
        for product in products.only("pk", "name_en", "last_published_at"):
            location = self.reverse_subpage("product", kwargs={"pk": product.pk, "slug": product.slug})
            urls.append({"location": base + location, "lastmod": product.last_published_at})
        for company_id in products.order_by("company_id").values_list("company_id", flat=True).distinct():
            urls.append({"location": base + self.reverse_subpage("supplier", kwargs={"company_id": company_id})})
        return urls


def _paths_with_products(products):
    """The category paths that hold at least one of ``products``, themselves or below: parents included."""
    paths = set()
    for path in products.order_by().values_list("category__path", flat=True).distinct():
        parts = (path or "").split("/")
        paths.update("/".join(parts[: n + 1]) for n in range(len(parts)) if parts[0])
    return sorted(paths)
