"""Admin for the inquiry desk: every buyer inquiry, read-only, with the overdue ones flagged."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_viewsets import ReadOnlyModelViewSet

from . import escalation
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


class CaseOfficerAreaViewSet(SnippetViewSet):
    model = CaseOfficerArea
    icon = "group"
    menu_label = gettext_lazy("Case officer areas")
    list_display = ["group", "district", "industry"]


register_snippet(CaseOfficerAreaViewSet)
