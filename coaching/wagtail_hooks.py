from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from portal import audit
from portal.admin_viewsets import PortalSnippetViewSet

from . import admin_views, selectors, services
from .models import Application, Coach, ProgramIndexPage


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.can_use_review_admin(request.user)


class ApplicationViewSet(ViewSet):
    """Applications: list with filters, bulk actions and exports; detail with answers, scores, notes, history."""

    name = "coaching_applications"
    url_prefix = "coaching/applications"
    icon = "form"
    menu_label = _("Applications")
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = ReviewMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.index, name="index"),
            path("export/csv/", admin_views.export, {"fmt": "csv"}, name="export_csv"),
            path("export/xlsx/", admin_views.export, {"fmt": "xlsx"}, name="export_xlsx"),
            path("bulk/", admin_views.bulk, name="bulk"),
            path("<int:pk>/accept-suggestion/", admin_views.accept_suggestion, name="accept_suggestion"),
            path("<int:pk>/", admin_views.detail, name="detail"),
            path("<int:pk>/transition/", admin_views.transition, name="transition"),
            path("<int:pk>/waive-fee/", admin_views.waive_fee, name="waive_fee"),
            path("<int:pk>/assign/", admin_views.assign, name="assign"),
            path("<int:pk>/review/", admin_views.review, name="review"),
            path("<int:pk>/conflict/", admin_views.conflict, name="conflict"),
            path("<int:pk>/note/", admin_views.note, name="note"),
            path("<int:pk>/sessions/", admin_views.session_add, name="session_add"),
            path("<int:pk>/milestones/", admin_views.milestone_add, name="milestone_add"),
        ]


class CoachViewSet(PortalSnippetViewSet):
    model = Coach
    icon = "user"
    menu_label = _("Coaches")
    add_to_admin_menu = False
    list_display = ["name", "role"]
    search_fields = ["name", "bio"]


class NewApplicationsPanel(Component):
    """Dashboard: the newest applications waiting for review that this staff member may see, with a link to
    the application list filtered to them. Shown to program managers, decision makers and reviewers."""

    name = "new_applications"
    template_name = "coaching/admin/panels/new_applications.html"
    order = 90
    shown = 5

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        applications = selectors.new_applications_for_staff(self.user)
        total = applications.count()
        return {
            "heading": ngettext("%(count)s new application", "%(count)s new applications", total) % {"count": total},
            "applications": list(applications[: self.shown]),
            "total": total,
            "list_url": reverse("coaching_applications:index") + f"?status={Application.Status.SUBMITTED}",
        }


@hooks.register("construct_homepage_panels")
def add_new_applications_panel(request, panels):
    if selectors.can_use_review_admin(request.user):
        panels.append(NewApplicationsPanel(request.user))


@hooks.register("after_create_page")
def grant_program_managers(request, page):
    """A new program index is editable by the Program managers group straight away."""
    if isinstance(page.specific, ProgramIndexPage):
        services.program_managers_grant_pages(index=page)


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return ApplicationViewSet()


class MilestoneConfirmedFormatter(LogFormatter):
    label = _("Confirm coaching outcome")

    def format_message(self, log_entry):
        return _("The company confirmed the figures of a coaching milestone")


@hooks.register("register_log_actions")
def register_coaching_actions(actions):
    actions.register_action(services.MILESTONE_CONFIRMED)(MilestoneConfirmedFormatter)
    for action, label, message in (
        (services.REVIEWER_ASSIGNED, _("Assign a reviewer"), _("Reviewer %(reviewer)s assigned")),
        (services.REVIEW_SCORED, _("Score an application"), _("Scores changed from %(old)s to %(new)s")),
        (services.CONFLICT_DECLARED, _("Declare a conflict of interest"), _("Conflict of interest declared: %(note)s")),
        (services.DOCUMENT_DOWNLOADED, _("Download a document"), _("Document “%(file)s” downloaded")),
    ):
        actions.register_action(action)(audit.formatter(label, message))


register_snippet(CoachViewSet)
