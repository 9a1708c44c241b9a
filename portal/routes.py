"""Sub-routes of a routable Wagtail page that are registered from outside the model.

A page model must not import views, yet Wagtail's ``RoutablePageMixin`` finds sub-routes only among the
model's own methods. ``RegisteredRoutesMixin`` adds the routes of a ``PageRoutes`` registry that the app
(in ``AppConfig.ready()``) or an app that builds on it fills with plain view functions::

    ShowcasePage.routes.register("product/<int:pk>/", views.product, name="product")

Each view is called as ``view(request, page, **kwargs)``, like Django's views with the page added.
Registration happens once, at start-up, before the first request resolves a sub-route.
"""

from django.core.exceptions import ImproperlyConfigured
from django.urls import path
from wagtail.contrib.routable_page.models import RoutablePageMixin


def _page_view(view):
    def page_view(page, request, *args, **kwargs):
        return view(request, page, *args, **kwargs)

    page_view.__name__ = view.__name__
    page_view.__qualname__ = view.__qualname__
    page_view.__module__ = view.__module__
    return page_view


class PageRoutes:
    """An ordered list of URL patterns for one page type; the first registered match wins."""

    def __init__(self):
        self._patterns = []
        self._names = set()

    def register(self, route, view, *, name):
        if name in self._names:
            raise ImproperlyConfigured(f"A page route named {name!r} is registered twice.")
        self._names.add(name)
        self._patterns.append(path(route, _page_view(view), name=name))

    @property
    def patterns(self):
        return tuple(self._patterns)


class RegisteredRoutesMixin(RoutablePageMixin):
    """A routable page whose sub-routes come from its ``routes`` registry (each subclass defines its own).

    Registered routes come first, so that a registered "" replaces the mixin's default index route.
    """

    routes: PageRoutes

    @classmethod
    def get_subpage_urls(cls):
        return (*cls.routes.patterns, *super().get_subpage_urls())
