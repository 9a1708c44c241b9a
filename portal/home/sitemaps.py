"""sitemap.xml covering the page tree of every language, not only the active one, with each address's
versions in the other languages as ``xhtml:link`` alternates (and ``x-default`` for the default language).
Every address is on the configured host (``portal.site_address``)."""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal import site_address
from portal.home.templatetags.portal_tags import bcp47


class AllLocalesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_a_tree = Q()
        for home in root.get_translations(inclusive=True):
            in_a_tree |= Q(path__startswith=home.path)
        return Page.objects.filter(in_a_tree).live().public().order_by("path").defer_streamfields().specific()

    def _versions(self, page):
        """{language code: full URL} of the page's live translations, the page itself included."""
        translations = page.get_translations(inclusive=True).live().public().select_related("locale")
        return {
            other.locale.language_code: site_address.absolute(other.get_url(self.request)) for other in translations
        }

    def _alternates(self, location, own_url, versions):
        """The same address (a routable page's sub-route too) in every language the page exists in."""
        if len(versions) < 2 or not own_url or not location.startswith(own_url):
            return []
        rest = location[len(own_url) :]
        alternates = [{"lang_code": bcp47(code), "location": url + rest} for code, url in versions.items() if url]
        if versions.get(settings.LANGUAGE_CODE):
            alternates.append({"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE] + rest})
        return alternates

    def _urls(self, page, protocol, domain):
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list.iterator():
            own_url, versions = site_address.absolute(item.get_url(self.request)), self._versions(item)
            for url_info in item.get_sitemap_urls(self.request):
                url_info["location"] = site_address.absolute(url_info["location"])
                url_info["alternates"] = self._alternates(url_info["location"], own_url, versions)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
