"""sitemap.xml covering the page tree of every language, not only the active one."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLocalesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_a_tree = Q()
        for home in root.get_translations(inclusive=True):
            in_a_tree |= Q(path__startswith=home.path)
        return Page.objects.filter(in_a_tree).live().public().order_by("path").defer_streamfields().specific()
