from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymSet


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "list-ul"
    list_display = ["name", "terms", "updated_at"]
    search_fields = ["name", "terms"]
    add_to_admin_menu = False


register_snippet(SynonymSetViewSet)
