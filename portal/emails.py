"""Plain-text e-mails rendered from a pair of templates in the recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_email(*, template, language, context, recipients):
    """Render ``<template>_subject.txt`` (one line) and ``<template>.txt`` in ``language`` and send them.

    Nothing is sent without recipients.
    """
    if not recipients:
        return
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
