"""Bureau staff manage companies in the Wagtail admin: list, filter, search, edit and verify."""

import django_filters
from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, MenuItem

from portal import audit
from portal.admin_exports import LocalizedExportMixin
from portal.markets import Market

from . import selectors, services
from .models import Company, CompanyError


class CompanyAdminForm(WagtailAdminModelForm):
    target_markets = forms.MultipleChoiceField(
        label=gettext_lazy("Target markets"),
        choices=Market.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    website = forms.URLField(
        label=Company._meta.get_field("website").verbose_name, required=False, assume_scheme="https"
    )


class CompanyFilterSet(WagtailFilterSet):
    verified = django_filters.BooleanFilter(
        label=gettext_lazy("Verified"), field_name="verified_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Company
        fields = ["district", "industry", "verified"]


class CompanyIndexView(LocalizedExportMixin, IndexView):
    verify_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_verified and self.user_has_permission("change"):
            buttons.append(
                MenuItem(
                    _("Verify"),
                    url=reverse(self.verify_url_name, args=[instance.pk]),
                    icon_name="success",
                    priority=5,
                )
            )
        return buttons


class VerifyButtonMixin:
    """A "Verify" button in the header of one company's page (edit, inspect) while it is not verified."""

    verify_url_name = None

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if not self.object.is_verified and self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(
                HeaderButton(
                    _("Verify"),
                    url=reverse(self.verify_url_name, args=[self.object.pk]),
                    icon_name="success",
                    classname="button-secondary",
                )
            )
        return buttons


class CompanyEditView(VerifyButtonMixin, EditView):
    pass


class CompanyInspectView(VerifyButtonMixin, InspectView):
    pass


class CompanyVerifyView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks for confirmation (GET), then records who verified the company and when (POST)."""

    model = Company
    permission_required = "change"
    template_name = "companies/admin/confirm_verify.html"
    header_icon = "success"
    index_url_name = None
    verify_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Company, pk=kwargs["pk"])

    def get_page_title(self):
        return _("Verify company")

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            verify_url=reverse(self.verify_url_name, args=[self.object.pk]),
            index_url=reverse(self.index_url_name),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            services.company_verify(company=self.object, by=request.user)
        except CompanyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(company)s is verified.") % {"company": self.object})
        return redirect(self.index_url_name)


class CompanyViewSet(ModelViewSet):
    model = Company
    icon = "group"
    menu_label = gettext_lazy("Companies")
    menu_order = 300
    url_namespace = "companies_admin"
    add_to_admin_menu = True
    index_view_class = CompanyIndexView
    edit_view_class = CompanyEditView
    inspect_view_class = CompanyInspectView
    filterset_class = CompanyFilterSet
    search_fields = ["name_zh", "name_en", "ubn"]
    search_backend_name = None
    list_display = [
        "name_zh",
        "name_en",
        "ubn",
        Column("district", label=gettext_lazy("District"), accessor="get_district_display"),
        Column("industry", label=gettext_lazy("Industry"), accessor="get_industry_display"),
        BooleanColumn("is_verified", label=gettext_lazy("Verified")),
        "created_at",
    ]
    list_export = ["name_zh", "name_en", "ubn", "district", "industry", "website", "verified_at", "created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name_zh"), FieldPanel("name_en")]),
            FieldPanel("ubn"),
            FieldPanel("address"),
            FieldRowPanel([FieldPanel("district"), FieldPanel("industry")]),
            FieldPanel("website"),
            FieldPanel("target_markets"),
            FieldPanel("ecommerce_maturity"),
        ],
        base_form_class=CompanyAdminForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(verify_url_name=self.get_url_name("verify"), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(verify_url_name=self.get_url_name("verify"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(verify_url_name=self.get_url_name("verify"), **kwargs)

    @property
    def verify_view(self):
        return CompanyVerifyView.as_view(
            index_url_name=self.get_url_name("index"), verify_url_name=self.get_url_name("verify")
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("verify/<int:pk>/", self.verify_view, name="verify")]


@hooks.register("register_admin_viewset")
def register_company_viewset():
    return CompanyViewSet("companies")


class AwaitingVerificationPanel(Component):
    """Dashboard: companies waiting for the bureau's verification, each with its Verify button, and a link to
    the company list filtered to unverified ones. Shown to staff who may change companies."""

    name = "companies_awaiting_verification"
    template_name = "companies/admin/panels/awaiting_verification.html"
    order = 95
    shown = 5

    def get_context_data(self, parent_context):
        companies = selectors.companies_awaiting_verification()
        total = companies.count()
        return {
            "heading": ngettext(
                "%(count)s company awaiting verification", "%(count)s companies awaiting verification", total
            )
            % {"count": total},
            "companies": list(companies[: self.shown]),
            "total": total,
            "list_url": reverse("companies_admin:index") + "?verified=false",
        }


@hooks.register("construct_homepage_panels")
def add_awaiting_verification_panel(request, panels):
    if request.user.has_perm("companies.change_company"):
        panels.append(AwaitingVerificationPanel())


@hooks.register("register_log_actions")
def register_verification_action(actions):
    actions.register_action(services.VERIFIED)(
        audit.formatter(gettext_lazy("Verify a company"), gettext_lazy("Company verified by the bureau"))
    )
