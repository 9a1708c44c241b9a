"""Wagtail's page routing from the page tree kept per process (portal.page_tree): the same page, sub-route and
404 as Wagtail's own routing, with one query instead of one per level, and a published, renamed, unpublished,
moved or deleted page routed right by the next request."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from portal import page_tree
from tests.factories.home import StandardPageFactory, build_site
from tests.factories.inquiries import build_showcase

pytestmark = pytest.mark.django_db

PATHS = (
    "",
    "about/",
    "about/timeline/",
    "news/",
    "showcase/",
    "showcase/category/food-beverage/",
    "showcase/category/food-beverage/snacks/",
    "showcase/product/1-anything/",
    "showcase/no-such-route/",
    "no-such-page/",
    "about/no-such-page/",
)


def wagtail_route(path, language):
    request = RequestFactory().get("/" + path)
    with translation.override(language):
        return Page.route_for_request(request, path)


def tree_route(path, language):
    request = RequestFactory().get("/" + path)
    with translation.override(language):
        page_tree.route_request(request, path)
    return request._wagtail_route_for_request


def described(route):
    if route is None:
        return None
    page, args, kwargs = route
    view, view_args, view_kwargs = args if args else (None, (), {})
    return (type(page), page.pk, getattr(view, "__name__", None), tuple(view_args), dict(view_kwargs), kwargs)


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_routes_every_path_as_wagtail_does(language):
    """Pages, routable sub-routes and missing addresses give what Wagtail's own routing gives, per language."""
    build_showcase()
    for path in PATHS:
        assert described(tree_route(path, language)) == described(wagtail_route(path, language)), path


def test_reads_only_the_page_routed_to():
    """Once the tree is kept, routing to a page two levels down makes one query (its specific instance)."""
    build_site()
    tree_route("", "en")
    with CaptureQueriesContext(connection) as queries:
        route = tree_route("about/timeline/", "en")
    assert route[0].title == "Timeline"
    assert len(queries.captured_queries) == 1


def test_a_new_renamed_unpublished_or_deleted_page_is_routed_right_away():
    """Each change of the tree shows in the next routing in the same process."""
    site = build_site()
    assert tree_route("about/new-page/", "zh-hant") is None
    page = StandardPageFactory(parent=site.about, title="新頁", slug="new-page")
    assert tree_route("about/new-page/", "zh-hant")[0].pk == page.pk
    page.slug = "renamed"
    page.save_revision().publish()
    assert tree_route("about/new-page/", "zh-hant") is None
    assert tree_route("about/renamed/", "zh-hant")[0].pk == page.pk
    page.unpublish()
    assert tree_route("about/renamed/", "zh-hant") is None
    page.delete()
    assert tree_route("about/renamed/", "zh-hant") is None


def test_a_moved_page_is_routed_at_its_new_address():
    """A page moved under another parent answers at its new address and no longer at the old one."""
    site = build_site()
    assert tree_route("about/timeline/", "zh-hant")[0].pk == site.child.pk
    Page.objects.get(pk=site.child.pk).move(site.home, pos="last-child")
    assert tree_route("about/timeline/", "zh-hant") is None
    assert tree_route("timeline/", "zh-hant")[0].pk == site.child.pk


def test_an_unpublished_translation_of_the_root_falls_back_to_the_root():
    """Without a live English home page, English requests are routed in the default language's tree."""
    site = build_site()
    site.home_en.unpublish()
    assert described(tree_route("about/", "en")) == described(wagtail_route("about/", "en"))
    assert tree_route("about/", "en")[0].pk == site.about.pk


def test_pages_answer_through_the_middleware(client):
    """Served pages and 404s over the full request cycle: the home page, a child page and a missing one."""
    build_site()
    assert client.get("/en/").status_code == 200
    assert "About the plan" in client.get("/en/about/").content.decode()
    assert client.get("/en/about/nothing-here/").status_code == 404


def test_a_view_restriction_added_to_a_parent_applies_on_the_next_request(client):
    """Pages without restrictions skip Wagtail's restriction queries; a login restriction put on a parent
    afterwards sends the next anonymous visitor of its child to the login page."""
    site = build_site()
    assert client.get("/en/about/timeline/").status_code == 200
    PageViewRestriction.objects.create(page=site.about_en, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/about/timeline/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_unrestricted_page_answers_the_restriction_check_without_a_query():
    """The routed page's `get_view_restrictions` is empty and costs no query; a restricted one still asks."""
    site = build_site()
    page = tree_route("about/", "en")[0]
    with CaptureQueriesContext(connection) as queries:
        assert list(page.get_view_restrictions()) == []
    assert len(queries.captured_queries) == 0
    PageViewRestriction.objects.create(page=site.about_en, restriction_type=PageViewRestriction.LOGIN)
    restricted = tree_route("about/", "en")[0]
    assert [r.page_id for r in restricted.get_view_restrictions()] == [site.about_en.pk]
