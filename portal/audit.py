"""Staff actions that change or reveal data, in Wagtail's audit log (the admin's site history report).

``record(instance, action, by=user, **data)`` writes one entry; each app registers its actions' labels and
messages in its ``wagtail_hooks.py`` with ``actions.register_action(name)(formatter(label, message))``, where
``message`` takes ``%(key)s`` placeholders from ``data``. Who sees an entry follows Wagtail's rule: superusers
all of them, other staff those of the models they have a permission on.
"""

from wagtail.log_actions import LogFormatter, log

PERSONAL_DATA_EXPORT = "portal.personal_data_export"


class _Data(dict):
    def __missing__(self, key):
        return ""


def _text(value):
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items()) or "—"
    return value


def formatter(label, message):
    """A ``LogFormatter`` whose message is ``message % entry.data`` (missing keys read as empty)."""

    class Formatter(LogFormatter):
        def format_message(self, log_entry):
            data = _Data({key: _text(value) for key, value in (log_entry.data or {}).items()})
            return str(message) % data

    Formatter.label = label
    return Formatter


def record(instance, action, *, by, **data):
    return log(instance=instance, action=action, user=by, data=data)


def record_export(*, by, dataset, export_format, rows):
    """An export of personal data: logged against the staff member who made it (the log needs an object)."""
    return record(by, PERSONAL_DATA_EXPORT, by=by, dataset=str(dataset), format=export_format, rows=rows)
