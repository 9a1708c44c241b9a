"""Admin for the solution catalog: providers (snippet) and consultation requests (listing, filters, CSV, status)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet

from portal.admin_exports import LocalizedExportMixin
from portal.admin_viewsets import PortalSnippetViewSet

from . import services
from .forms import ConsultationRequestStatusForm
from .models import CatalogError, ConsultationRequest, Provider, StaleConsultationRequest


class ProviderViewSet(PortalSnippetViewSet):
    model = Provider
    icon = "group"
    menu_label = gettext_lazy("Providers")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "website", "verified_at"]


class ConsultationRequestIndexView(LocalizedExportMixin, IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.allowed_statuses() and self.user_has_permission("change"):
            buttons.insert(
                0,
                ListingButton(
                    _("Change status"),
                    url=reverse("consultationrequest:status", args=[instance.pk]),
                    icon_name="resubmit",
                    priority=5,
                ),
            )
        return buttons


class ConsultationRequestStatusView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Staff move a request to its next status through the service (which e-mails the requester)."""

    model = ConsultationRequest
    permission_required = "change"
    form_class = ConsultationRequestStatusForm
    template_name = "solutions/admin/status_form.html"
    header_icon = "resubmit"
    page_title = gettext_lazy("Change status")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        requests = ConsultationRequest.objects.select_related("company", "solution_page")
        self.object = get_object_or_404(requests, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("consultationrequest:index"), "label": ConsultationRequest._meta.verbose_name_plural},
            {"url": "", "label": _("Change status")},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation_request": self.object}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object}

    def form_valid(self, form):
        try:
            services.consultation_request_set_status(
                consultation_request=self.object,
                status=form.cleaned_data["status"],
                by=self.request.user,
                expected=form.cleaned_data["expected_status"],
            )
        except StaleConsultationRequest as error:
            # Someone else moved it: show the page again with the status as it is now.
            messages.error(self.request, str(error))
            return redirect("consultationrequest:status", self.object.pk)
        except CatalogError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The status of the request is now “%(status)s”.")
            % {"status": ConsultationRequest.Status(form.cleaned_data["status"]).label},
        )
        return redirect("consultationrequest:index")


class ConsultationRequestViewSet(ModelViewSet):
    model = ConsultationRequest
    icon = "mail"
    menu_label = gettext_lazy("Consultation requests")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = ConsultationRequestIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["staff_notes"]
    list_display = ["__str__", "provider", "market", "status", "created_at"]
    list_filter = ["provider", "status"]
    list_export = [
        "pk",
        "created_at",
        "status",
        "company",
        "requested_by",
        "solution_page",
        "provider",
        "need",
        "market",
        "timing",
        "message",
        "introduced_at",
        "closed_at",
    ]
    export_headings = {"pk": gettext_lazy("Reference")}
    export_filename = "consultation-requests"
    inspect_view_fields = [
        "company",
        "requested_by",
        "solution_page",
        "provider",
        "need",
        "market",
        "timing",
        "message",
        "consent",
        "language",
        "status",
        "created_at",
        "introduced_at",
        "closed_at",
        "history",
        "staff_notes",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Requests come from companies on the site; staff never create them here.
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    @property
    def status_view(self):
        return self.construct_view(ConsultationRequestStatusView)

    def get_urlpatterns(self):
        urlpatterns = [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]
        return [*urlpatterns, path("status/<int:pk>/", self.status_view, name="status")]


register_snippet(ProviderViewSet)


@hooks.register("register_admin_viewset")
def register_consultation_request_viewset():
    return ConsultationRequestViewSet("consultationrequest")
