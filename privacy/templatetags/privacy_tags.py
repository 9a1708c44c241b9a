from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from privacy.services import current_notice

register = template.Library()


@register.simple_tag
def privacy_notice_line():
    """ "By sending this form you accept the privacy notice (version …)", with a link to it."""
    text = current_notice()
    return format_html(
        '<p class="form-note">{} <a href="{}">{}</a></p>',
        _("By sending this form you accept how we use these details, as the privacy notice explains:"),
        reverse("privacy:notice"),
        _("privacy notice, version %(version)s") % {"version": text.version} if text else _("privacy notice"),
    )
