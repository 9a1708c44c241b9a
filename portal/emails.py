"""E-mails rendered from templates in the recipient's language, sent as plain text with an HTML alternative.

The text part comes from ``<template>.txt``; the HTML part from ``<template>.html`` when an app writes one,
otherwise from the text itself laid out by ``emails/message.html`` (paragraphs, links made clickable), so
every e-mail of the site has both parts and the HTML one says which language it is in.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import get_language_bidi


def html_alternative(*, text, subject, language, template=None, context=None):
    """The HTML part: the app's own ``template`` when it exists, else the text in the site's e-mail layout."""
    if template:
        try:
            return render_to_string(template, context or {})
        except TemplateDoesNotExist:
            pass
    # The text part is rendered output (marked safe) that may hold what people typed: escape it all here.
    layout = {"text": escape(text), "subject": subject, "language": language, "bidi": get_language_bidi()}
    return render_to_string("emails/message.html", layout)


def build_email(*, subject, text, language, recipients, html_template=None, context=None):
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, recipients)
    message.attach_alternative(
        html_alternative(text=text, subject=subject, language=language, template=html_template, context=context),
        "text/html",
    )
    return message


def send_templated_email(*, template, language, context, recipients):
    """Render ``<template>_subject.txt`` (one line) and ``<template>.txt`` in ``language`` and send them, with
    an HTML alternative. Nothing is sent without recipients."""
    if not recipients:
        return
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
        message = build_email(
            subject=subject,
            text=body,
            language=language,
            recipients=recipients,
            html_template=f"{template}.html",
            context=context,
        )
    message.send()


def user_language(user):
    """The language a person reads e-mail in: the one in their account, else the site's default."""
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


def send_to_users(*, template, users, context):
    """One e-mail per active user with an address, each in that user's language (``user`` in the context)."""
    seen = set()
    for user in users:
        if not user.is_active or not user.email or user.email in seen:
            continue
        seen.add(user.email)
        send_templated_email(
            template=template, language=user_language(user), context={**context, "user": user}, recipients=[user.email]
        )
