"""Model rules of the site snippets."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from portal.home.templatetags.portal_tags import bcp47
from tests.factories.home import NavigationMenuFactory, NavigationMenuItemFactory

pytestmark = pytest.mark.django_db


def test_menu_item_needs_exactly_one_target():
    """A menu item links to a page or to an external address, never both or neither."""
    item = NavigationMenuItemFactory.build(menu=NavigationMenuFactory(), label="News")
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "link_page" in error.value.message_dict
    item.link_url = "https://example.org/"
    item.full_clean()


def test_one_menu_per_language():
    """A second menu in the same language is refused by the database."""
    NavigationMenuFactory()
    with pytest.raises(IntegrityError):
        NavigationMenuFactory()


@pytest.mark.parametrize(("code", "tag"), [("zh-hant", "zh-Hant"), ("en", "en"), ("pt-br", "pt-BR"), ("th", "th")])
def test_bcp47_language_tags(code, tag):
    """Django language codes are written as BCP 47 tags in lang and hreflang attributes."""
    assert bcp47(code) == tag
