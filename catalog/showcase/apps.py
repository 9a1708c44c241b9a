from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    name = "catalog.showcase"
    label = "showcase"
    verbose_name = _("Taipei Good Products")
    # Its objects appear on public pages: saving or deleting one empties the page cache.
    public_content = True

    def ready(self):
        from portal.home import featured

        from . import receivers  # noqa: F401  (connects the receivers)
        from .selectors import products_to_feature
        from .views.storefront import register_routes

        register_routes()
        featured.register("products", products_to_feature, kept=True)
