"""Admin registration of the site's snippets: partners, header menu and footer (all translatable)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.admin_viewsets import PortalSnippetViewSet
from portal.home.models import FooterContent, NavigationMenu, PartnerOrganisation


class PartnerOrganisationViewSet(PortalSnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "description"]


class NavigationMenuViewSet(PortalSnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Header menu")
    list_display = ["title", "locale"]


class FooterContentViewSet(PortalSnippetViewSet):
    model = FooterContent
    icon = "doc-empty"
    menu_label = _("Footer")
    list_display = ["title", "locale"]


class SiteSnippetsGroup(SnippetViewSetGroup):
    items = (PartnerOrganisationViewSet, NavigationMenuViewSet, FooterContentViewSet)
    menu_icon = "site"
    menu_label = _("Site content")
    menu_name = "site-content"


register_snippet(SiteSnippetsGroup)
