"""Admin glue of the shared core: the audit-log action every status machine writes."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from portal import audit
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
