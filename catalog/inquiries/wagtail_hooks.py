"""Admin for the inquiry desk: every buyer inquiry, read-only, with the overdue ones flagged."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import audit
from portal.admin_viewsets import ReadOnlyModelViewSet

from . import admin_views, escalation
from .models import CaseOfficerArea, Inquiry
from .selectors import is_unanswered_too_long


def _overdue_label(inquiry):
    return _("Unanswered for 3 working days") if is_unanswered_too_long(inquiry) else ""


class InquiryIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("company", "product")


class InquiryViewSet(ReadOnlyModelViewSet):
    """Every buyer inquiry, read-only for staff (buyers write them, suppliers answer them on the site);
    the ones unanswered for three working days are flagged."""

    model = Inquiry
    index_view_class = InquiryIndexView
    icon = "mail"
    menu_label = gettext_lazy("Buyer inquiries")
    menu_order = 330
    add_to_admin_menu = True
    list_display = [
        "__str__",
        "company",
        "product",
        "status",
        "created_at",
        "first_replied_at",
        Column("overdue", label=gettext_lazy("Flag"), accessor=_overdue_label),
    ]
    list_filter = ["status", "country", "company"]
    inspect_view_fields = [
        "company",
        "product",
        "buyer_name",
        "buyer_company",
        "country",
        "email",
        "quantity",
        "target_price_twd",
        "incoterm",
        "message",
        "language",
        "status",
        "created_at",
        "email_confirmed_at",
        "first_replied_at",
        "history",
    ]


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return InquiryViewSet("inquiry")


class SupplierRemindedFormatter(LogFormatter):
    label = gettext_lazy("Remind the supplier")

    def format_message(self, log_entry):
        return _("The supplier was reminded: unanswered for 2 working days")


class EscalatedFormatter(LogFormatter):
    label = gettext_lazy("Escalate to a case officer")

    def format_message(self, log_entry):
        officer = (log_entry.data or {}).get("officer")
        if officer:
            return _("Unanswered for 3 working days: assigned to %(officer)s") % {"officer": officer}
        return _("Unanswered for 3 working days: no case officer for this district or industry")


@hooks.register("register_log_actions")
def register_escalation_actions(actions):
    actions.register_action(escalation.REMINDED)(SupplierRemindedFormatter)
    actions.register_action(escalation.ESCALATED)(EscalatedFormatter)
    for action, label, message in (
        (
            escalation.NUDGED,
            gettext_lazy("Nudge the supplier"),
            gettext_lazy("The case officer wrote to the supplier: %(message)s"),
        ),
        (escalation.REASSIGNED, gettext_lazy("Reassign"), gettext_lazy("Reassigned to %(officer)s")),
        (
            escalation.ESCALATION_CLOSED,
            gettext_lazy("Close with an outcome"),
            gettext_lazy("Escalation closed: %(outcome)s"),
        ),
    ):
        actions.register_action(action)(audit.formatter(label, message))


class EscalationsMenuItem(MenuItem):
    def is_shown(self, request):
        return escalation.is_case_officer(request.user)


@hooks.register("register_admin_menu_item")
def escalations_menu_item():
    return EscalationsMenuItem(
        gettext_lazy("My escalations"), reverse("inquiries_escalations"), icon_name="warning", order=331
    )


@hooks.register("register_admin_urls")
def escalation_urls():
    return [
        path("escalations/", admin_views.escalations, name="inquiries_escalations"),
        path("escalations/<int:pk>/", admin_views.escalation_detail, name="inquiries_escalation"),
        path("escalations/<int:pk>/nudge/", admin_views.nudge, name="inquiries_escalation_nudge"),
        path("escalations/<int:pk>/reassign/", admin_views.reassign, name="inquiries_escalation_reassign"),
        path("escalations/<int:pk>/close/", admin_views.close, name="inquiries_escalation_close"),
    ]


class CaseOfficerAreaViewSet(SnippetViewSet):
    model = CaseOfficerArea
    icon = "group"
    menu_label = gettext_lazy("Case officer areas")
    list_display = ["group", "district", "industry"]


register_snippet(CaseOfficerAreaViewSet)
