"""Admin glue of the shared core: the audit-log actions (status changes, personal-data exports, task re-runs), the
background tasks that failed, the admin API's image and document endpoints scoped by permission, and the
sidebar packed without media."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin import telepath
from wagtail.admin.ui import sidebar
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import ListingButton
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail_localize.views import snippets_api as localize_snippets_api

from portal import audit, background
from portal.admin_viewsets import CHOOSER_ACTIONS, ReadOnlyModelViewSet
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
    actions.register_action(background.TASK_RERUN)(
        audit.formatter(gettext_lazy("Run a failed task again"), gettext_lazy("Queued %(task)s again"))
    )


class SidebarAdapter(telepath.Adapter):
    """Packs a sidebar item or module as Wagtail's own adapter does (``js_args``), without its media.

    Wagtail's sidebar adapters build their media (``sidebar.js``) again for every menu item, where the media
    metaclass hides the ``cached_property`` meant to keep it, and the packing renders each one to compare it:
    a few milliseconds on every admin page. ``sidebar_props`` then throws the media away, since
    ``admin_base.html`` loads ``sidebar.js`` itself."""

    def __init__(self, js_constructor):
        self.js_constructor = js_constructor

    def js_args(self, obj):
        return obj.js_args()

    def get_media(self, obj):
        return None


SIDEBAR_CLASSES = (
    sidebar.LinkMenuItem,
    sidebar.ActionMenuItem,
    sidebar.SubMenuItem,
    sidebar.PageExplorerMenuItem,
    sidebar.WagtailBrandingModule,
    sidebar.SearchModule,
    sidebar.MainMenuModule,
)
for _sidebar_class in SIDEBAR_CLASSES:
    telepath.register(SidebarAdapter(telepath.registry.find_adapter(_sidebar_class).js_constructor), _sidebar_class)


def _attempts(task):
    return background.attempts_made(task)


TASK_STATUS_LABELS = {
    "READY": gettext_lazy("Waiting"),
    "RUNNING": gettext_lazy("Running"),
    "SUCCESSFUL": gettext_lazy("Succeeded"),
    "FAILED": gettext_lazy("Failed"),
}


def _status(task):
    return TASK_STATUS_LABELS.get(task.status, task.status)


def _next_attempt(task):
    """Only a waiting task has a next attempt."""
    return task.run_after if task.status == "READY" else None


class TaskIndexView(IndexView):
    """Every queued, waiting, finished and failed task (filter by status); a failed one can be queued again."""

    default_ordering = "-enqueued_at"
    page_title = gettext_lazy("Background tasks")

    @cached_property
    def columns(self):
        """The task's path first, linked to its details, with the "Run again" button beside it."""
        title = self._get_title_column_class(TitleColumn)(
            "task_path", label=gettext_lazy("Task"), sort_key="task_path", get_url=self.get_inspect_url
        )
        return [title, *super().columns]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == "FAILED" and self.user_has_permission("change"):
            buttons.insert(
                0,
                ListingButton(
                    _("Run again"), url=reverse("task_result:rerun", args=[instance.pk]), icon_name="redirect"
                ),
            )
        return buttons


class TaskRerunView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Staff allowed to change task results confirm, then the failed task is queued again."""

    model = DBTaskResult
    permission_required = "change"
    template_name = "portal/admin/task_rerun.html"
    header_icon = "redirect"
    page_title = gettext_lazy("Run again")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(DBTaskResult, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.object.task_path

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("task_result:index"), "label": gettext_lazy("Background tasks")},
            {"url": "", "label": _("Run again")},
        ]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object, "attempts": _attempts(self.object)}

    def post(self, request, *args, **kwargs):
        try:
            background.task_rerun(task_id=self.object.pk, by=request.user)
        except background.TaskNotFailed:
            messages.error(request, _("Only a failed task can be run again."))
            return redirect("task_result:rerun", pk=self.object.pk)
        messages.success(request, _("“%(task)s” is queued again.") % {"task": self.object.task_path})
        return redirect(reverse("task_result:index") + "?status=FAILED")


class TaskResultViewSet(ReadOnlyModelViewSet):
    """The worker's queue (django-tasks-db): what failed for good, what waits for a retry, what ran."""

    model = DBTaskResult
    icon = "cogs"
    menu_label = gettext_lazy("Background tasks")
    add_to_settings_menu = True
    index_view_class = TaskIndexView
    list_filter = ["status", "queue_name"]
    search_fields = ["task_path"]
    search_backend_name = None
    list_display = [
        Column("status", label=gettext_lazy("Status"), accessor=_status),
        Column("attempts", label=gettext_lazy("Attempts"), accessor=_attempts),
        Column("enqueued_at", label=gettext_lazy("Queued at")),
        Column("run_after", label=gettext_lazy("Next attempt after"), accessor=_next_attempt),
        Column("finished_at", label=gettext_lazy("Finished at")),
        Column("exception_class_path", label=gettext_lazy("Last error")),
    ]
    inspect_view_fields = [
        "task_path",
        "status",
        "args_kwargs",
        "worker_ids",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "exception_class_path",
        "traceback",
    ]

    @property
    def rerun_view(self):
        return self.construct_view(TaskRerunView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("rerun/<uuid:pk>/", self.rerun_view, name="rerun")]


@hooks.register("register_admin_viewset")
def register_task_result_viewset():
    return TaskResultViewSet("task_result")


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
