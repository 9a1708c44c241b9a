"""Admin for personal data: requests (listing, filters, handling), notice versions and consents."""

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
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from portal import audit
from portal.admin_viewsets import ReadOnlyModelViewSet

from . import services
from .forms import StaffDecisionForm
from .models import Consent, ConsentText, DataRequest, PrivacyError, StaleDataRequest


class DataRequestIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        is_open_erasure = instance.kind == DataRequest.Kind.ERASURE and instance.status in DataRequest.OPEN_STATUSES
        if is_open_erasure and self.user_has_permission("change"):
            buttons.insert(
                0,
                ListingButton(
                    _("Handle"),
                    url=reverse("datarequest:handle", args=[instance.pk]),
                    icon_name="resubmit",
                    priority=5,
                ),
            )
        return buttons


class DataRequestHandleView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Staff approve or refuse an erasure request, then carry it out; every step is in the audit log."""

    model = DataRequest
    permission_required = "change"
    form_class = StaffDecisionForm
    template_name = "privacy/admin/handle.html"
    header_icon = "resubmit"
    page_title = gettext_lazy("Handle an erasure request")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(DataRequest.objects.select_related("user"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("datarequest:index"), "label": DataRequest._meta.verbose_name_plural},
            {"url": "", "label": _("Handle")},
        ]

    def get_initial(self):
        return {"expected_status": self.object.status}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "object": self.object,
            "refusals": services.refusals(services.exports.subject_of(self.object)),
        }

    def form_valid(self, form):
        if form.cleaned_data["expected_status"] != self.object.status:
            messages.error(self.request, str(StaleDataRequest(DataRequest.stale_message)))
            return redirect("datarequest:handle", self.object.pk)
        action = self.request.POST.get("action")
        note = form.cleaned_data["note"]
        try:
            if action == "approve" and self.object.status == DataRequest.Status.REQUESTED:
                services.erasure_approve(data_request=self.object, by=self.request.user, note=note)
                done = _("The request is approved. Carry out the erasure when you are ready.")
            elif action == "refuse" and self.object.status == DataRequest.Status.REQUESTED:
                services.erasure_refuse(data_request=self.object, by=self.request.user, note=note)
                done = _("The request is refused.")
            elif action == "complete" and self.object.status == DataRequest.Status.APPROVED:
                services.erasure_complete(data_request=self.object, by=self.request.user)
                done = _("The personal data is erased.")
            else:
                form.add_error(None, _("This step is not possible for the request as it is now."))
                return self.form_invalid(form)
        except PrivacyError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, done)
        return redirect("datarequest:index")


class DataRequestViewSet(ReadOnlyModelViewSet):
    model = DataRequest
    icon = "lock"
    menu_label = gettext_lazy("Requests")
    index_view_class = DataRequestIndexView
    list_display = ["__str__", "kind", "status", "created_at", "closed_at"]
    list_filter = ["kind", "status"]
    search_fields = ["email"]
    inspect_view_fields = ["kind", "status", "user", "email", "language", "created_at", "closed_at", "outcome"]

    @property
    def handle_view(self):
        return self.construct_view(DataRequestHandleView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("handle/<int:pk>/", self.handle_view, name="handle")]


class ConsentTextViewSet(ModelViewSet):
    """Staff add a version when the notice's words change; a version people agreed to is never deleted."""

    model = ConsentText
    icon = "doc-full"
    menu_label = gettext_lazy("Notice versions")
    list_display = ["version", "published_at"]
    form_fields = ["version", "published_at", "summary"]
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"delete_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "delete"]


class ConsentViewSet(ReadOnlyModelViewSet):
    model = Consent
    icon = "tick"
    menu_label = gettext_lazy("Consents")
    list_display = ["__str__", "purpose", "email", "given_at"]
    list_filter = ["purpose", "text"]
    search_fields = ["email"]


class PersonalDataGroup(ViewSetGroup):
    menu_label = gettext_lazy("Personal data")
    menu_icon = "lock"
    menu_order = 900
    items = (
        DataRequestViewSet("datarequest"),
        ConsentTextViewSet("consenttext"),
        ConsentViewSet("consent"),
    )


@hooks.register("register_admin_viewset")
def register_personal_data_viewsets():
    return PersonalDataGroup()


@hooks.register("register_log_actions")
def register_privacy_actions(actions):
    for action, label, message in (
        (services.AUDIT_APPROVED, _("Approve an erasure"), _("Erasure request %(request)s approved. %(note)s")),
        (services.AUDIT_REFUSED, _("Refuse an erasure"), _("Erasure request %(request)s refused: %(note)s")),
        (
            services.AUDIT_COMPLETED,
            _("Carry out an erasure"),
            _("Erasure request %(request)s carried out: %(erased)s records erased, %(kept)s kept without the person"),
        ),
    ):
        actions.register_action(action)(audit.formatter(label, message))
