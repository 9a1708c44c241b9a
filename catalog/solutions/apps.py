from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolutionsConfig(AppConfig):
    name = "catalog.solutions"
    label = "solutions"
    verbose_name = _("One-stop solution catalog")
    # Its objects appear on public pages: saving or deleting one empties the page cache.
    public_content = True

    def ready(self):
        from portal import personal_data

        from . import privacy
        from .views import register_routes

        register_routes()
        personal_data.register(privacy.HOLDER)
