"""StreamField blocks for program pages: body content, FAQ, tracks, the question builder and the rubric.

Answers and scores are keyed by each block's stable id, so editors may rename labels freely.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from portal.markets import Market


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul"])
    image = ImageChooserBlock(label=_("Image"))


class TrackBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Track")


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        label = _("Question and answer")


class MarketBlock(blocks.ChoiceBlock):
    choices = Market.choices

    class Meta:
        label = _("Market")


class QuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Question"))
    help_text = blocks.TextBlock(label=_("Help text"), required=False)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)

    class Meta:
        icon = "form"


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(blocks.CharBlock(label=_("Choice")), label=_("Choices"), min_num=2)


class SectionBlock(blocks.StructBlock):
    """Starts a new section of the form; each section is one task in the applicant's task list."""

    title = blocks.CharBlock(label=_("Section title"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "title"
        label = _("Section")


# Question types understood by coaching.questions; the keys are stored in page data, never rename them.
QUESTION_TYPES = {
    "short_text": _("Short text"),
    "long_text": _("Long text"),
    "single_choice": _("Single choice"),
    "multiple_choice": _("Multiple choice"),
    "number": _("Number"),
    "date": _("Date"),
    "yes_no": _("Yes / no"),
    "file_upload": _("File upload"),
}


class QuestionsBlock(blocks.StreamBlock):
    section = SectionBlock()
    short_text = QuestionBlock(label=QUESTION_TYPES["short_text"])
    long_text = QuestionBlock(label=QUESTION_TYPES["long_text"])
    single_choice = ChoiceQuestionBlock(label=QUESTION_TYPES["single_choice"])
    multiple_choice = ChoiceQuestionBlock(label=QUESTION_TYPES["multiple_choice"])
    number = QuestionBlock(label=QUESTION_TYPES["number"])
    date = QuestionBlock(label=QUESTION_TYPES["date"])
    yes_no = QuestionBlock(label=QUESTION_TYPES["yes_no"])
    file_upload = QuestionBlock(label=QUESTION_TYPES["file_upload"])


class CriterionBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Criterion"))
    description = blocks.TextBlock(label=_("What a 5 looks like"), required=False)
    weight = blocks.IntegerBlock(label=_("Weight"), min_value=1, max_value=10, default=1)

    class Meta:
        icon = "tick"
        label = _("Criterion")


class RubricBlock(blocks.StreamBlock):
    criterion = CriterionBlock()
