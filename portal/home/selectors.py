"""Reads for the public site: news listings, partners, menu and footer of a language."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Locale, Page

from portal import page_tree
from portal.home.models import FooterContent, NavigationMenu, NewsPage, PartnerOrganisation
from portal.versioned import Versioned


def _latest_news(locale_pk, limit):
    articles = NewsPage.objects.live().public().filter(locale_id=locale_pk).defer_streamfields()
    return list(articles.order_by("-date", "-first_published_at")[:limit])


# Started anew by portal.home.apps whenever public content changes (portal.page_cache.connect_to_public_content):
# an article published, unpublished, moved or edited, a view restriction saved.
LATEST_NEWS = Versioned("home-latest-news", _latest_news)


def latest_news(*, locale, limit=3):
    """The newest published news articles written in ``locale`` (without their bodies), kept per process until
    public content changes."""
    return LATEST_NEWS.get(locale.pk, limit)


def news_for_index(index_page, *, tag=None):
    """Published articles under ``index_page``, newest first, optionally only those tagged ``tag`` (a slug)."""
    articles = NewsPage.objects.live().public().child_of(index_page).order_by("-date", "-first_published_at")
    if tag:
        articles = articles.filter(tags__slug=tag).distinct()
    return articles.prefetch_related("tags")


def tag_by_slug(slug):
    return Tag.objects.filter(slug=slug).first()


def paginate(items, page_number, *, per_page):
    """One page of ``items``; a missing, malformed or out-of-range number gives the first or last page."""
    return Paginator(items, per_page).get_page(page_number)


def _in_locale_or_default(queryset, locale):
    """Objects of ``locale``, completed by default-language versions of objects not translated yet."""
    own = list(queryset.filter(locale=locale))
    default = Locale.get_default()
    if locale.pk == default.pk:
        return own
    translated_keys = {obj.translation_key for obj in own}
    fallback = queryset.filter(locale=default).exclude(translation_key__in=translated_keys)
    return own + list(fallback)


def partners_by_kind(*, locale):
    """Partner organisations grouped by kind, in the order of ``PartnerOrganisation.Kind``.

    Returns ``[(kind_label, [partner, ...]), ...]`` without empty groups.
    """
    partners = _in_locale_or_default(PartnerOrganisation.objects.select_related("logo"), locale)
    groups = []
    for kind in PartnerOrganisation.Kind:
        members = sorted((p for p in partners if p.kind == kind), key=lambda p: p.name)
        if members:
            groups.append((kind.label, members))
    return groups


def live_translations(page):
    """``{language code: page}``: the live translations of ``page`` and the page itself, as instances of the
    page's own class (routable pages can reverse their routes), with their locales. The others are kept with
    the page tree's map (``portal.page_tree.Tree.live_translations``) until a page changes; the language
    switcher, the ``hreflang`` links and a view's alternate addresses share them."""
    found = getattr(page, "_live_translations", None)
    if found is None:
        found = dict(page_tree.TREE.get().live_translations(page))
        found[page.locale.language_code] = page
        page._live_translations = found
    return found


def _one_for_locale(model, locale):
    found = model.objects.filter(locale=locale).first()
    if found is None:
        found = model.objects.filter(locale=Locale.get_default()).first()
    return found


def navigation_menu(*, locale):
    """The header menu of ``locale`` (the default language's when it has none), or None."""
    return _one_for_locale(NavigationMenu, locale)


def _with_localized_pages(links, locale):
    """``links`` with ``localized_page`` set to what ``link_page.localized`` gives in ``locale`` (the page's
    live translation, else the page itself), found with one query instead of a locale lookup per link."""
    keys = {
        link.link_page.translation_key for link in links if link.link_page_id and link.link_page.locale_id != locale.pk
    }
    translations = {}
    if keys:
        translations = {
            page.translation_key: page for page in Page.objects.live().filter(translation_key__in=keys, locale=locale)
        }
    for link in links:
        if link.link_page_id:
            page = link.link_page
            link.localized_page = page if page.locale_id == locale.pk else translations.get(page.translation_key, page)
    return links


def navigation_items(*, locale):
    """The items of the header menu of ``locale`` with their pages, in menu order."""
    menu = navigation_menu(locale=locale)
    if menu is None:
        return []
    return _with_localized_pages(list(menu.items.select_related("link_page")), locale)


def footer_links(footer, *, locale):
    """The links of ``footer`` with their pages in ``locale``, in order."""
    return _with_localized_pages(list(footer.links.select_related("link_page")), locale)


def footer_content(*, locale):
    """The footer of ``locale`` (the default language's when it has none), or None."""
    return _one_for_locale(FooterContent, locale)


# --- The page chrome: menu and footer of a language, kept per process until content changes -------------


@dataclass(frozen=True)
class ChromeLink:
    """A menu or footer link as the templates read it (``label``, ``href``), resolved once."""

    label: str
    href: str


@dataclass(frozen=True)
class Chrome:
    menu: tuple
    footer: FooterContent | None
    footer_links: tuple


def _resolved(links):
    return tuple(ChromeLink(label=link.label, href=link.href) for link in links)


def _build_chrome(language_code):
    with translation.override(language_code):
        locale = Locale.get_active()
    footer = footer_content(locale=locale)
    return Chrome(
        menu=_resolved(navigation_items(locale=locale)),
        footer=footer,
        footer_links=_resolved(footer_links(footer, locale=locale)) if footer else (),
    )


# Started anew by portal.home.apps on a publish, unpublish or move of a page and on a change of a menu, a footer,
# a locale or a site (the links hold the pages' addresses and titles).
CHROME = Versioned("page-chrome", _build_chrome)


def chrome(*, language_code):
    """The menu and footer of ``language_code``, with every link's address resolved; no query while kept."""
    return CHROME.get(language_code)
