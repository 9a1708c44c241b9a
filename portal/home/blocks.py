"""Blocks that only the home page offers (the shared ones live in ``portal.blocks``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.blocks import LinkBlock

from . import featured


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    image = ImageChooserBlock(label=_("Image"), required=False, help_text=_("Shown beside the text; decorative."))
    call_to_action = LinkBlock(label=_("Call to action"), required=False)

    class Meta:
        icon = "image"
        label = _("Hero")
        template = "home/blocks/hero.html"


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"), max_length=20, help_text=_("For example 30 or 158."))
    label = blocks.CharBlock(label=_("Label"), max_length=100)

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Key figures")
        template = "home/blocks/key_figures.html"


class FeaturedItemsMixin:
    """A block whose cards come from the ``featured`` source it names, the staff's choice (the child block
    ``chosen_field``) first."""

    featured_source = ""
    chosen_field = ""
    featured_limit = 3

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = featured.items(
            self.featured_source, chosen=value[self.chosen_field], limit=self.featured_limit
        )
        return context


class FeaturedProgramsBlock(FeaturedItemsMixin, blocks.StructBlock):
    """Programs staff choose, then the open ones with the soonest deadline (``featured`` "programs")."""

    featured_source, chosen_field, featured_limit = "programs", "pages", 3

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="coaching.ProgramPage"),
        label=_("Programs"),
        min_num=0,
        help_text=_("Shown first. Without a choice, the open programs with the soonest deadline are shown."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Featured programs")
        template = "home/blocks/featured_programs.html"


class FeaturedProductsBlock(FeaturedItemsMixin, blocks.StructBlock):
    """Products staff choose, then the newest from verified suppliers (``featured`` "products")."""

    featured_source, chosen_field, featured_limit = "products", "products", 6

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    products = blocks.ListBlock(
        SnippetChooserBlock("showcase.Product"),
        label=_("Products"),
        min_num=0,
        help_text=_("Shown first. The rest are the newest products of verified suppliers."),
    )

    class Meta:
        icon = "tag"
        label = _("Featured products")
        template = "home/blocks/featured_products.html"


class LatestNewsBlock(blocks.StructBlock):
    """Lists the three newest news articles in the language of the home page."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)

    class Meta:
        icon = "date"
        label = _("Latest news")
        template = "home/blocks/latest_news.html"


class HomeStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    key_figures = KeyFiguresBlock()
    featured_programs = FeaturedProgramsBlock()
    featured_products = FeaturedProductsBlock()
    latest_news = LatestNewsBlock()
