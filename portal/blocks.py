"""StreamField blocks shared by every page type of the portal.

Content apps (home, coaching, catalog) build their bodies from these blocks so that editors meet the
same choices everywhere and the templates stay in one place (``portal/home/templates/blocks/``).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Leave empty if it is purely decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class LinkBlock(blocks.StructBlock):
    """A labelled link to a page of the site or to an external address (exactly one of the two).

    ``LinkBlock(required=False)`` may also be left completely empty.
    """

    label = blocks.CharBlock(label=_("Link text"), max_length=100, required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        required = True

    @property
    def required(self):
        return self.meta.required

    def clean(self, value):
        value = super().clean(value)
        has_label = bool(value.get("label"))
        targets = [bool(value.get("page")), bool(value.get("url"))]
        if not self.required and not has_label and not any(targets):
            return value
        errors = {}
        if not has_label:
            errors["label"] = ValidationError(_("Enter the link text."))
        if sum(targets) != 1:
            errors["page"] = ValidationError(_("Choose either a page or an external address."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


def link_href(value):
    """The address a ``LinkBlock`` value points to: the page in the active language, or the external address."""
    if not value:
        return ""
    page = value.get("page")
    if page:
        return page.localized.url or ""
    return value.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["href"] = link_href(value["link"])
        return context


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph.html",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
