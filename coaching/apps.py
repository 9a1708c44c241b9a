from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "coaching"
    verbose_name = _("Coaching programs")
    # Its objects appear on public pages: saving or deleting one empties the page cache.
    public_content = True

    def ready(self):
        from portal import bureau_facts, page_cache, personal_data
        from portal.home import featured

        from . import privacy, receivers  # noqa: F401  (receivers: connects the payments signals)
        from .selectors import (
            COMPLETED_PROGRAM_FACTS,
            completed_program_facts,
            next_opening_or_closing,
            programs_to_feature,
        )

        featured.register("programs", programs_to_feature, kept=True, changes_at=next_opening_or_closing)
        bureau_facts.register(completed_program_facts)
        page_cache.connect_to_public_content(COMPLETED_PROGRAM_FACTS.changed, dispatch_uid="coaching.completed")
        personal_data.register(privacy.HOLDER)
