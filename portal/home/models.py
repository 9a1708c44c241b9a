"""Pages of the public site and the translatable snippets that frame them (menu, footer, partners)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.home.blocks import HomeStreamBlock
from portal.translation import SynchronisedFactsForm, SynchronisedFactsMixin, SynchronisedFactsPageForm

NEWS_PER_PAGE = 10


class HomePage(Page):
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.AlliancePage",
        "coaching.ProgramIndexPage",
        "solutions.SolutionIndexPage",
        "showcase.ShowcasePage",
    ]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from portal.home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = selectors.latest_news(locale=self.locale)
        return context


class StandardPage(Page):
    intro = models.TextField(_("Introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class NewsIndexPage(Page):
    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        from portal.home import selectors

        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag", "").strip()
        articles = selectors.news_for_index(self, tag=tag or None)
        context["current_tag"] = selectors.tag_by_slug(tag) if tag else None
        context["articles"] = selectors.paginate(articles, request.GET.get("page"), per_page=NEWS_PER_PAGE)
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(SynchronisedFactsMixin, Page):
    synchronised_fields = ("date",)
    base_form_class = SynchronisedFactsPageForm

    date = models.DateField(_("Date"), default=timezone.localdate)
    intro = models.TextField(_("Introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("Body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("Tags"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("tags")], heading=_("Article information")),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news page")


class AlliancePage(Page):
    intro = models.TextField(_("Introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("alliance page")

    def get_context(self, request, *args, **kwargs):
        from portal.home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["partner_groups"] = selectors.partners_by_kind(locale=self.locale)
        return context


class PartnerOrganisation(SynchronisedFactsMixin, TranslatableMixin, models.Model):
    synchronised_fields = ("kind", "logo", "link")
    base_form_class = SynchronisedFactsForm

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        PLATFORM = "platform", _("E-commerce platform")
        TRADING_COMPANY = "trading_company", _("Trading company")
        OTHER = "other", _("Other organisation")

    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("Website"), blank=True)
    description = models.TextField(_("Description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("logo"), FieldPanel("link"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


class LinkFields(models.Model):
    """A label with either a page of the site or an external address."""

    label = models.CharField(_("Label"), max_length=100)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("External address"), blank=True)

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError({"link_page": _("Choose either a page or an external address.")})

    @property
    def href(self):
        if self.link_page_id:
            # The menu and footer selectors set ``localized_page`` for a whole list at once.
            page = getattr(self, "localized_page", None) or self.link_page.localized
            return page.url
        return self.link_url


class NavigationMenu(TranslatableMixin, ClusterableModel):
    """The main menu of the header: one per language."""

    title = models.CharField(_("Title"), max_length=100, help_text=_("Only shown in the admin."))

    panels = [FieldPanel("title"), InlinePanel("items", label=_("Menu items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        constraints = [models.UniqueConstraint(fields=["locale"], name="home_navigationmenu_one_per_locale")]

    def __str__(self):
        return self.title


class NavigationMenuItem(Orderable, LinkFields):
    menu = ParentalKey(NavigationMenu, on_delete=models.CASCADE, related_name="items")

    class Meta(Orderable.Meta):
        verbose_name = _("menu item")


class FooterContent(TranslatableMixin, ClusterableModel):
    """Contact details, links and copyright line of the footer: one per language."""

    title = models.CharField(_("Title"), max_length=100, help_text=_("Only shown in the admin."))
    organisation = models.CharField(_("Organisation"), max_length=200)
    address = models.TextField(_("Address"), blank=True)
    phone = models.CharField(_("Phone"), max_length=50, blank=True)
    email = models.EmailField(_("E-mail"), blank=True)
    copyright = models.CharField(_("Copyright line"), max_length=200, blank=True)

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        InlinePanel("links", label=_("Links")),
        FieldPanel("copyright"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")
        constraints = [models.UniqueConstraint(fields=["locale"], name="home_footercontent_one_per_locale")]

    def __str__(self):
        return self.title


class FooterLink(Orderable, LinkFields):
    footer = ParentalKey(FooterContent, on_delete=models.CASCADE, related_name="links")

    class Meta(Orderable.Meta):
        verbose_name = _("footer link")
