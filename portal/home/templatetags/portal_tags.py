"""Template tags of the site frame: menu, footer, language versions of the current page."""

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from portal import blocks, site_address
from portal.home import selectors

register = template.Library()


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool
    is_default: bool

    @property
    def hreflang(self):
        return bcp47(self.code)


def bcp47(code):
    """Django's language code written as a BCP 47 tag: ``zh-hant`` → ``zh-Hant``."""
    parts = code.split("-")
    return "-".join([parts[0]] + [p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p for p in parts[1:]])


def locale_home_url(language_code):
    """The home page address for ``language_code`` (its translation of the site root, else the default one)."""
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


def untranslated_url(language_code, page):
    """The page, in ``language_code``, that says ``page`` has no translation in that language yet."""
    with translation.override(language_code):
        return reverse("untranslated", kwargs={"page_id": page.pk})


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language of ``settings.LANGUAGES`` with the address that keeps the visitor in place.

    On a Wagtail page: the translation of the page, at the same sub-route and with the same query string
    (a product, a category with its sort order, search results); when the page has no translation in that
    language, a page in that language saying so and offering the version in the default language.
    Elsewhere: the same address with the language prefix swapped.
    """
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    page = _current_page(context)
    translations = selectors.live_translations(page) if page is not None else {}
    versions = []
    sub_route = _sub_route(request, page) if page is not None else ""
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    for code, name in settings.LANGUAGES:
        if page is None:
            url, is_translation = _same_view_url(request, code), True
        elif code in translations:
            url, is_translation = translations[code].get_url(request) + sub_route + query, True
        else:
            url, is_translation = untranslated_url(code, page), False
        versions.append(
            LanguageVersion(code, name, url, code == current, is_translation, code == settings.LANGUAGE_CODE)
        )
    return versions


def _same_view_url(request, language_code):
    """The request's address in ``language_code``: its view reversed with the same arguments (Django's
    ``translate_url`` without resolving the address again), the query string kept."""
    full_path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return translate_url(full_path, language_code)
    with translation.override(language_code):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return full_path
    return urlunsplit(("", "", path, urlsplit(full_path).query, ""))


def _sub_route(request, page):
    """What follows the page's own address in the request, e.g. ``product/12-tea/`` on a routable page."""
    page_url = page.get_url(request) or ""
    if page_url and request.path.startswith(page_url):
        return request.path[len(page_url) :]
    return ""


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's address on the configured host (``portal.site_address``), not the request's."""
    request = context["request"]
    page = _current_page(context)
    if page is not None and page.id:
        return site_address.absolute(page.get_url(request))
    return site_address.absolute(request.path)


@register.simple_tag
def absolute_url(url):
    return site_address.absolute(url)


@register.simple_tag
def home_url():
    """The home page of the active language."""
    return locale_home_url(translation.get_language())


@register.simple_tag
def navigation_items():
    """The items of the header menu of the active language (kept per language: selectors.chrome)."""
    return selectors.chrome(language_code=translation.get_language()).menu


@register.simple_tag
def footer_content():
    """The footer of the active language."""
    return selectors.chrome(language_code=translation.get_language()).footer


@register.simple_tag
def footer_links(footer):
    """The links of the active language's footer, resolved once; another footer's are looked up."""
    chrome = selectors.chrome(language_code=translation.get_language())
    if footer is not None and chrome.footer is not None and footer.pk == chrome.footer.pk:
        return chrome.footer_links
    return selectors.footer_links(footer, locale=Locale.get_active())


@register.simple_tag(name="link_href")
def link_href_tag(value):
    """The address of a ``portal.blocks.LinkBlock`` value."""
    return blocks.link_href(value)


@register.filter
def hreflang(code):
    return bcp47(code)


@register.filter
def with_site_name(title):
    """A page title as "Page — Site": the site's name once, and alone when the page is the site (the home page)."""
    site = translation.gettext("Taipei Cross-Border E-Commerce Hub")
    title = " ".join(str(title).split())
    if not title or title == site:
        return site
    return f"{title} — {site}"
