from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "portal.home"
    label = "home"
    verbose_name = _("Site pages")
    # Its objects appear on public pages: saving or deleting one empties the page cache.
    public_content = True

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from portal import page_cache

        from . import featured, models, selectors

        page_cache.connect_to_public_content(featured.KEPT.changed, dispatch_uid="home.featured")
        page_cache.connect_to_public_content(selectors.LATEST_NEWS.changed, dispatch_uid="home.latest_news")

        receiver = selectors.CHROME.changed
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(receiver, dispatch_uid=f"home.chrome.page_{name}")
        senders = (
            models.NavigationMenu,
            models.NavigationMenuItem,
            models.FooterContent,
            models.FooterLink,
            Locale,
            Site,
        )
        for sender in senders:
            for name, signal in (("saved", post_save), ("deleted", post_delete)):
                signal.connect(receiver, sender=sender, dispatch_uid=f"home.chrome.{sender.__name__}.{name}")
