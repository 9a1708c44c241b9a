"""Wagtail admin: staff manage the readiness rules (Showcase → Readiness rules). Saving goes through
`services.save_rule`, so every change makes a new version and the affected products are indexed again."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from . import services
from .forms import RuleForm
from .models import Rule


class RuleCreateView(CreateView):
    def save_instance(self):
        rule = services.save_rule(rule=self.form.save(commit=False), by=self.request.user)
        log(rule, "wagtail.create", user=self.request.user)
        return rule


class RuleEditView(EditView):
    def save_instance(self):
        rule = services.save_rule(rule=self.form.save(commit=False), by=self.request.user)
        log(rule, "wagtail.edit", user=self.request.user)
        return rule


class RuleDeleteView(DeleteView):
    def delete_action(self):
        log(self.object, "wagtail.delete", user=self.request.user)
        services.delete_rule(rule=self.object)


class RuleViewSet(ModelViewSet):
    model = Rule
    icon = "list-ul"
    menu_label = _("Readiness rules")
    menu_order = 330
    add_to_admin_menu = True
    add_view_class = RuleCreateView
    edit_view_class = RuleEditView
    delete_view_class = RuleDeleteView
    copy_view_enabled = False
    list_display = ["__str__", "market", "category", "required", "version", "source_name", "source_date", "active"]
    list_filter = ["market", "requirement", "required", "active"]
    search_fields = ["source_name", "need"]
    search_backend_name = None
    ordering = ["market", "requirement", "pk"]

    def get_form_class(self, for_update=False):
        return RuleForm


@hooks.register("register_admin_viewset")
def register_rule_viewset():
    return RuleViewSet("readiness_rules")
