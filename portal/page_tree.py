"""Wagtail's page routing from a map of the page tree kept per process, instead of queries per tree level.

To find the page of a request, Wagtail's ``serve`` view reads the site (a query), the active locale and the site
root's translation in it (two queries), the root's specific instance (one), then walks down the tree with a
child query and a specific query per level (``Page.route``): six queries for a product page before its view
runs. ``PageRouteMiddleware`` hands Wagtail the same route (``request._wagtail_site`` and
``request._wagtail_route_for_request``, the attributes Wagtail itself caches them in) from ``TREE``: every
page's tree address (``url_path``) with its id, content type, locale and whether it is live, read in one query,
and the sites by host and port. Only the page routed to is read: one query for its specific instance, with its
locale.

The walk is Wagtail's: the site's root page in the active language when it has a live translation there, else
the root itself; then each level's child by slug. A page whose class routes on its own (it overrides
``Page.route``, as ``RoutablePageMixin`` does) gets the rest of the path and answers with its own ``route``, so
sub-routes and their fallbacks behave exactly as before; a path to no page, or ending at a page that is not
live, is Wagtail's 404.

The map is kept per process until a page is saved, deleted, published, unpublished or moved, or a site, a
locale or a view restriction changes (``portal.versioned.Versioned``, started anew by ``portal.apps``): a new
page, a new slug or an unpublished page is routed right by the next request in every process.

The map also answers the language switcher (``live_translations``): a page's other live translations, read
once per map, so they follow every publish, unpublish, move or new translation like the routing does.

The map also holds the tree paths of the pages with view restrictions (started anew when a restriction is saved
or deleted): the page routed to, when neither it nor an ancestor is restricted or an alias, answers Wagtail's
``get_view_restrictions`` (its ``on_serve_page`` check) with an empty result instead of two queries; on a
restricted branch Wagtail checks as always.
"""

from collections import namedtuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.url_routing import RouteResult

from portal.versioned import Versioned

Node = namedtuple("Node", "pk content_type_id locale_code translation_key live path alias_of_id")


class Tree:
    """The page tree as routing reads it: ``nodes`` by ``url_path``, and the sites by (hostname, port)."""

    def __init__(self):
        self.nodes = {}
        self.by_translation = {}
        self.by_tree_path = {}
        self.by_translation_key = {}
        columns = ("url_path", "pk", "content_type_id", "locale__language_code", "translation_key", "live", "path")
        for url_path, pk, content_type_id, locale_code, key, live, path, alias_of_id in Page.objects.values_list(
            *columns, "alias_of_id"
        ):
            node = Node(pk, content_type_id, locale_code, key, live, path, alias_of_id)
            self.nodes[url_path] = node
            self.by_translation[(key, locale_code)] = url_path
            self.by_tree_path[path] = node
            self.by_translation_key.setdefault(key, []).append(node)
        self.restricted_paths = tuple(
            PageViewRestriction.objects.values_list("page__path", flat=True).order_by("page__path")
        )
        self._sites = {}
        self._translations = {}

    def unrestricted(self, page):
        """True when no view restriction applies to ``page``: none on it or an ancestor, and none of them an
        alias (whose source's restrictions Wagtail would check). Wagtail's ``get_view_restrictions`` then finds
        nothing; the routed page skips its two queries."""
        if any(page.path.startswith(path) for path in self.restricted_paths):
            return False
        steps = range(Page.steplen, len(page.path) + 1, Page.steplen)
        ancestors = [self.by_tree_path.get(page.path[:length]) for length in steps]
        return all(node is not None and node.alias_of_id is None for node in ancestors)

    def live_translations(self, page):
        """``{language code: page}``: the other live translations of ``page`` as instances of its class, with
        their locales; read once per map, and not at all when the map knows of none."""
        found = self._translations.get(page.pk)
        if found is None:
            versions = self.by_translation_key.get(page.translation_key, ())
            others = [node.pk for node in versions if node.live and node.pk != page.pk]
            found = {}
            if others:
                pages = type(page).objects.live().filter(pk__in=others).select_related("locale")
                found = {other.locale.language_code: other for other in pages}
            self._translations[page.pk] = found
        return found

    def site(self, hostname, port):
        """Wagtail's site for the host and port (``get_site_for_hostname``), looked up once per pair."""
        key = (hostname, port)
        if key not in self._sites:
            try:
                self._sites[key] = get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                self._sites[key] = None
        return self._sites[key]

    def localized_root(self, root_path, language):
        """What ``site.root_page.localized`` gives: the root's live translation in the language, else the root."""
        root = self.nodes[root_path]
        try:
            code = get_supported_content_language_variant(language)
        except LookupError:
            code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        translated = self.by_translation.get((root.translation_key, code))
        if translated is None or not self.nodes[translated].live:
            return root_path
        return translated

    def route(self, request, site, components):
        """Wagtail's ``Page.route`` from the site's root, reading only the page it ends at."""
        url_path = self.localized_root(site.root_page.url_path, translation.get_language())
        remaining = list(components)
        while True:
            node = self.nodes[url_path]
            model = ContentType.objects.get_for_id(node.content_type_id).model_class()
            if model.route is not Page.route:
                return _specific(model, node, self).route(request, remaining)
            if not remaining:
                if not node.live:
                    raise Http404
                return RouteResult(_specific(model, node, self))
            url_path = url_path + remaining.pop(0) + "/"
            if url_path not in self.nodes:
                raise Http404


def _no_restrictions():
    return PageViewRestriction.objects.none()


def _specific(model, node, tree):
    """The page of ``node`` as its own class, with its locale (the language switcher and the views read it);
    without view restrictions on its branch, its ``get_view_restrictions`` answers without a query."""
    page = model.objects.select_related("locale").get(pk=node.pk)
    if tree.unrestricted(page):
        page.get_view_restrictions = _no_restrictions
    return page


def _build_tree():
    return Tree()


# Started anew (connect_signals, from portal.apps) when a page is saved, deleted, published, unpublished or
# moved, and when a site or a locale is saved or deleted.
TREE = Versioned("page-tree", _build_tree)


def route_request(request, path):
    """Set the site and the route of ``request`` to ``path`` where Wagtail's ``serve`` view looks for them.

    A map that does not know the site's root, or a page gone since the map was read (another process deleted
    it a moment ago), leaves the request to Wagtail's own routing."""
    tree = TREE.get()
    site = tree.site(split_domain_port(request._get_raw_host())[0], request.get_port())
    if site is None:
        return
    try:
        route = tree.route(request, site, [part for part in path.split("/") if part])
    except Http404:
        route = None
    except (KeyError, ObjectDoesNotExist):
        return
    request._wagtail_site = site
    request._wagtail_route_for_request = route


def _page_changed(sender, **kwargs):
    if issubclass(sender, Page):
        TREE.changed()


def connect_signals():
    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(TREE.changed, dispatch_uid=f"page_tree.page_{name}")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(_page_changed, dispatch_uid=f"page_tree.page_{name}")
        for sender in (Site, Locale, PageViewRestriction):
            signal.connect(TREE.changed, sender=sender, dispatch_uid=f"page_tree.{sender.__name__}.{name}")


class PageRouteMiddleware:
    """Routes requests to Wagtail's page view from ``TREE`` before the view runs (the view then uses the
    route it finds on the request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and view_args:
            route_request(request, view_args[0])
