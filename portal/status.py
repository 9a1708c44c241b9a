"""The one status machine: declared transitions, a guarded ``set_status``, one error, one history, the audit log.

A model opts in by inheriting ``StatusMachine`` and declaring ``TRANSITIONS``::

    class Payment(StatusMachine, models.Model):
        class Status(models.TextChoices): ...
        status = models.CharField(..., choices=Status.choices)
        TRANSITIONS = {Status.PENDING: {Status.PAID, Status.FAILED}, Status.PAID: set()}

``set_status(new, *, by, note="", expected=None)`` then is the only way the status changes. Model-specific rules
are small overridable methods: ``check_transition`` (guards), ``status_change_fields`` (timestamps written with
the status), ``on_status_changed`` (what follows, inside the same transaction). See docs/architecture.md,
"Status machine: how to add a state".
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.models import StatusChange

__all__ = ["STATUS_CHANGE_ACTION", "StaleStatus", "StatusChange", "StatusMachine", "TransitionError"]

# The Wagtail audit-log action of every move; registered (with its message) in portal/wagtail_hooks.py.
STATUS_CHANGE_ACTION = "portal.status_change"


class TransitionError(Exception):
    """A status change the rules refuse; the message is shown to people as it is.

    Apps raise their own subclasses (``PaymentStateError``, ``TransitionNotAllowed``…) so that their existing
    ``except`` clauses keep working; ``except TransitionError`` catches a refusal from any of them.
    """

    def __init__(self, message, *args, **kwargs):
        super().__init__(message, *args, **kwargs)
        self.message = message


class StaleStatus(TransitionError):
    """The row's status in the database is no longer the one the change was based on (someone else moved it)."""


class StatusMachine(models.Model):
    """Abstract base for a model whose status moves only along declared transitions."""

    # The name of the CharField holding the status; it must have choices.
    STATUS_FIELD = "status"
    # status → the statuses it may become; a status missing here (or mapped to an empty set) is final.
    TRANSITIONS = {}

    # Raised for a refused move and for a stale one; apps point these at their own subclasses.
    transition_error = TransitionError
    stale_error = StaleStatus
    # Placeholders: %(from)s and %(to)s (also %(current)s and %(new)s), the statuses' labels.
    transition_refused_message = _("“%(from)s” cannot become “%(to)s”.")
    stale_message = _("This was changed by someone else in the meantime. Reload the page and try again.")

    history = GenericRelation(StatusChange, verbose_name=_("status history"))

    class Meta:
        abstract = True

    # Reading ----------------------------------------------------------------------------------------

    @classmethod
    def status_label(cls, value):
        """The label of a status value in the active language; the value itself when it is not a choice."""
        return dict(cls._meta.get_field(cls.STATUS_FIELD).flatchoices).get(value, value)

    @property
    def current_status(self):
        return getattr(self, self.STATUS_FIELD)

    def allowed_statuses(self):
        """The statuses this object may become now, in the order of the field's choices."""
        allowed = self.TRANSITIONS.get(self.current_status, ())
        return [value for value, _label in self._meta.get_field(self.STATUS_FIELD).flatchoices if value in allowed]

    def can_become(self, new_status):
        return new_status in self.TRANSITIONS.get(self.current_status, ())

    # Hooks ------------------------------------------------------------------------------------------

    def check_transition(self, old, new, *, by):
        """Raise ``self.transition_error`` to refuse a declared move (capacity, fees, expiry…).

        Called inside the transaction, before the row is written, so a guard may lock what it counts.
        """

    def status_change_fields(self, old, new, *, now):
        """Other columns to write in the same UPDATE as the status, e.g. ``{"paid_at": now}``."""
        return {}

    def on_status_changed(self, old, new, *, by, note):
        """After the row, its history and the audit log are written, in the same transaction (signals…)."""

    def transition_refused(self, old, new):
        """The error for a move TRANSITIONS does not allow; override for a message that depends on the state."""
        labels = {"from": self.status_label(old), "to": self.status_label(new)}
        labels.update(current=labels["from"], new=labels["to"])
        return self.transition_error(str(self.transition_refused_message) % labels)

    def transition_stale(self, old, new):
        return self.stale_error(str(self.stale_message))

    # Writing ----------------------------------------------------------------------------------------

    def set_status(self, new_status, *, by, note="", expected=None):
        """The only way the status changes. Returns the ``StatusChange`` recorded.

        ``expected`` is the status the user saw (a form's hidden field); without it, the status of this
        instance. The row is moved with ``UPDATE … WHERE pk = … AND status = expected``: when someone else
        moved it first, nothing is written and ``stale_error`` is raised. ``by`` is the user who asked, or
        None for the system (webhooks, tasks).
        """
        field = self.STATUS_FIELD
        old = expected or self.current_status
        if new_status not in self.TRANSITIONS.get(old, ()):
            raise self.transition_refused(old, new_status)
        note = str(note or "")
        with transaction.atomic():
            self.check_transition(old, new_status, by=by)
            now = timezone.now()
            changes = {field: new_status, **self.status_change_fields(old, new_status, now=now)}
            for model_field in self._meta.concrete_fields:
                if getattr(model_field, "auto_now", False):
                    changes.setdefault(model_field.attname, now)
            updated = type(self)._base_manager.filter(pk=self.pk, **{field: old}).update(**changes)
            if not updated:
                raise self.transition_stale(old, new_status)
            for name, value in changes.items():
                setattr(self, name, value)
            user = by if getattr(by, "pk", None) else None
            change = StatusChange.objects.create(
                content_type=ContentType.objects.get_for_model(self),
                object_id=self.pk,
                from_status=old,
                to_status=new_status,
                changed_by=user,
                note=note,
                created_at=now,
            )
            log(
                instance=self,
                action=STATUS_CHANGE_ACTION,
                user=user,
                data={"from": str(old), "to": str(new_status), "note": note},
            )
            self.on_status_changed(old, new_status, by=by, note=note)
        return change

    # Configuration check ----------------------------------------------------------------------------

    @classmethod
    def check(cls, **kwargs):
        return [*super().check(**kwargs), *cls._check_status_machine()]

    @classmethod
    def _check_status_machine(cls):
        try:
            field = cls._meta.get_field(cls.STATUS_FIELD)
        except FieldDoesNotExist:
            return [
                checks.Error(
                    f"STATUS_FIELD {cls.STATUS_FIELD!r} is not a field of {cls._meta.label}.",
                    obj=cls,
                    id="portal.E001",
                )
            ]
        choices = {str(value) for value, _label in field.flatchoices}
        if not choices:
            return [
                checks.Error(
                    f"The status field {cls._meta.label}.{field.name} has no choices.",
                    hint="Give it choices=YourModel.Status.choices.",
                    obj=cls,
                    id="portal.E002",
                )
            ]
        if not cls.TRANSITIONS:
            return [checks.Error(f"{cls._meta.label} declares no TRANSITIONS.", obj=cls, id="portal.E003")]
        named = set(cls.TRANSITIONS)
        for targets in cls.TRANSITIONS.values():
            named.update(targets)
        unknown = sorted(str(value) for value in named if str(value) not in choices)
        if unknown:
            return [
                checks.Error(
                    f"{cls._meta.label}.TRANSITIONS names statuses that are not choices of "
                    f"{field.name}: {', '.join(unknown)}.",
                    hint=f"Choices: {', '.join(sorted(choices))}.",
                    obj=cls,
                    id="portal.E004",
                )
            ]
        return []
