"""Shared StreamField blocks: link validation and addresses."""

import pytest
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from portal.blocks import LinkBlock, link_href
from tests.factories.home import build_site

pytestmark = pytest.mark.django_db


def clean(block, **value):
    return block.clean(block.to_python({"label": "", "page": None, "url": "", **value}))


def test_link_needs_a_page_or_an_address_but_not_both():
    """A link without target, or with both a page and an address, is rejected on the page field."""
    site = build_site(news_count=0)
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as missing:
        clean(block, label="Read more")
    assert "page" in missing.value.block_errors
    with pytest.raises(StructBlockValidationError) as both:
        clean(block, label="Read more", page=site.about.pk, url="https://example.org")
    assert "page" in both.value.block_errors


def test_link_needs_a_label():
    """A link with a target but no text is rejected on the label field."""
    with pytest.raises(StructBlockValidationError) as error:
        clean(LinkBlock(), url="https://example.org")
    assert "label" in error.value.block_errors


def test_optional_link_may_stay_empty():
    """An optional link left completely empty is valid; a half-filled one is not."""
    block = LinkBlock(required=False)
    assert clean(block)["label"] == ""
    with pytest.raises(StructBlockValidationError):
        clean(block, label="Read more")


def test_link_href_follows_the_active_language():
    """A page link points to the page's translation in the active language; an address is used as is."""
    site = build_site(news_count=0)
    value = clean(LinkBlock(), label="About", page=site.about.pk)
    with translation.override("en"):
        assert link_href(value) == "/en/about/"
    with translation.override("zh-hant"):
        assert link_href(value) == "/zh-hant/about/"
    assert link_href(clean(LinkBlock(), label="Site", url="https://example.org")) == "https://example.org"
