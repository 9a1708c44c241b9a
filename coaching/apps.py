from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "coaching"
    verbose_name = _("Coaching programs")
    # Its objects appear on public pages: saving or deleting one empties the page cache.
    public_content = True

    def ready(self):
        from portal.home import featured

        from . import receivers  # noqa: F401  (connects the payments signals)
        from .selectors import programs_to_feature

        featured.register("programs", programs_to_feature)
