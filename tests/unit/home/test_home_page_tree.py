"""Where each site page type may be created."""

import pytest
from wagtail.models import Page

from portal.home.models import AlliancePage, HomePage, NewsIndexPage, NewsPage, StandardPage
from tests.factories.home import HomePageFactory, NewsIndexPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def subpage_models(model):
    return set(model.allowed_subpage_models())


def parent_models(model):
    return set(model.allowed_parent_page_models())


def test_home_page_lives_at_the_root_only():
    """A home page may only be created directly under the tree root."""
    assert parent_models(HomePage) == {Page}
    assert HomePage not in subpage_models(HomePage)


def test_home_page_offers_the_site_page_types():
    """Standard, news index, alliance and the feature index pages go under the home page."""
    from catalog.solutions.models import SolutionIndexPage
    from coaching.models import ProgramIndexPage

    assert {StandardPage, NewsIndexPage, AlliancePage, ProgramIndexPage, SolutionIndexPage} <= subpage_models(HomePage)
    assert NewsPage not in subpage_models(HomePage)


def test_only_one_home_page_per_parent():
    """A second home page cannot be created under a root that already has one."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    root.refresh_from_db()
    assert HomePage.can_create_at(root)
    HomePageFactory(parent=root)
    assert not HomePage.can_create_at(root)


def test_news_pages_only_under_a_news_index():
    """News articles are created under a news index, and have no children."""
    assert parent_models(NewsPage) == {NewsIndexPage}
    assert subpage_models(NewsIndexPage) == {NewsPage}
    assert subpage_models(NewsPage) == set()


def test_news_index_and_alliance_under_home_only():
    """News indexes and alliance pages go under a home page, at most one of each."""
    assert parent_models(NewsIndexPage) == {HomePage}
    assert parent_models(AlliancePage) == {HomePage}
    home = HomePageFactory(parent=Page.get_first_root_node())
    assert NewsIndexPage.can_create_at(home)
    NewsIndexPageFactory(parent=home)
    assert not NewsIndexPage.can_create_at(home)


def test_standard_pages_nest():
    """A standard page may be created under the home page or another standard page."""
    assert parent_models(StandardPage) == {HomePage, StandardPage}
    home = HomePageFactory(parent=Page.get_first_root_node())
    about = StandardPageFactory(parent=home)
    assert StandardPage.can_create_at(about)
    assert not NewsPage.can_create_at(about)
