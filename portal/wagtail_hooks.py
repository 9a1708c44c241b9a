"""Admin glue of the shared core: the audit-log actions (status changes, personal-data exports), and the admin API's
image and document endpoints scoped by permission."""

from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail_localize.views import snippets_api as localize_snippets_api

from portal import audit
from portal.admin_viewsets import CHOOSER_ACTIONS
from portal.status import STATUS_CHANGE_ACTION


class StatusChangeFormatter(LogFormatter):
    """“Status changed from “Submitted” to “In review””, with the note as the comment."""

    label = gettext_lazy("Change status")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        model = log_entry.content_type.model_class() if log_entry.content_type_id else None
        label = getattr(model, "status_label", None) or str
        return _("Status changed from “%(from)s” to “%(to)s”") % {
            "from": label(data.get("from", "")),
            "to": label(data.get("to", "")),
        }

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


@hooks.register("register_log_actions")
def register_status_change_action(actions):
    actions.register_action(STATUS_CHANGE_ACTION)(StatusChangeFormatter)
    actions.register_action(audit.PERSONAL_DATA_EXPORT)(
        audit.formatter(
            gettext_lazy("Export personal data"), gettext_lazy("Exported %(dataset)s (%(format)s, %(rows)s rows)")
        )
    )


def _scoped_to_permitted_collections(endpoint_class, get_model):
    """An admin API endpoint listing only the images/documents in collections where the user may choose,
    add, change or delete them (Wagtail's own only hides privacy-restricted collections)."""

    class ScopedEndpoint(endpoint_class):
        def get_queryset(self):
            permission_policy = policy_registry.get_by_type(get_model())
            permitted = permission_policy.instances_user_has_any_permission_for(
                self.request.user, ["choose", "add", "change", "delete"]
            )
            return super().get_queryset().filter(pk__in=permitted.values("pk"))

    ScopedEndpoint.__name__ = f"Scoped{endpoint_class.__name__}"
    return ScopedEndpoint


@hooks.register("construct_admin_api", order=100)
def scope_admin_api_by_permission(router):
    """After wagtail.images and wagtail.documents registered their admin API endpoints (order 100 runs last),
    replace them with endpoints scoped by the user's collection permissions."""
    router.register_endpoint("images", _scoped_to_permitted_collections(ImagesAdminAPIViewSet, get_image_model))
    router.register_endpoint(
        "documents", _scoped_to_permitted_collections(DocumentsAdminAPIViewSet, get_document_model)
    )


class _ScopedLocalizeSnippets(localize_snippets_api.SnippetViewSet):
    """wagtail-localize's snippet API (its translation editor's chooser) lists every object of any snippet model
    to every admin user; here only staff with a permission on the model (CHOOSER_ACTIONS) see its objects."""

    def get_queryset(self):
        model = self.get_model()
        if not ModelPermissionPolicy(model).user_has_any_permission(self.request.user, CHOOSER_ACTIONS):
            return model._default_manager.none()
        return super().get_queryset()


@hooks.register("register_admin_urls", order=-1)
def scope_localize_snippet_api():
    """Registered before wagtail-localize's own URLs, so these same paths answer first."""
    prefix = "localize/api/snippets/<slug:app_label>/<slug:model_name>/"
    return [
        path(prefix, _ScopedLocalizeSnippets.as_view({"get": "list"})),
        path(prefix + "<str:pk>/", _ScopedLocalizeSnippets.as_view({"get": "retrieve"})),
    ]
