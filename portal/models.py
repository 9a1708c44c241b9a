"""Models of the shared core itself (the apps inside portal have their own models modules)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatusChange(models.Model):
    """One move of one object through its status machine (see ``portal.status``): from, to, by whom, why, when.

    One table for every model that uses the machine, so history is read, shown and exported the same way
    everywhere; the object is a generic reference so that portal never imports the apps that use it.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(_("from"), max_length=32)
    to_status = models.CharField(_("to"), max_length=32)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"], name="portal_statuschange_object")]

    def __str__(self):
        when = timezone.localtime(self.created_at).strftime("%Y-%m-%d %H:%M")
        text = f"{when} {self.get_from_status_display()} → {self.get_to_status_display()}"
        return f"{text} ({self.note})" if self.note else text

    def _label(self, value):
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        label = getattr(model, "status_label", None)
        return label(value) if label else value

    def get_from_status_display(self):
        """The label of the status left, in the active language (the choices live on the object's model)."""
        return self._label(self.from_status)

    def get_to_status_display(self):
        return self._label(self.to_status)
