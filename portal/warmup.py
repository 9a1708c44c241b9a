"""Work Django does lazily once per process and language, done when a web worker starts.

With every URL under a language prefix, Django builds the URL reverse table and loads the translation
catalogs separately for each language the first time it is used; the language switcher on every page uses
all six. Doing it before the worker takes requests keeps that (about 100 ms) off the first visitors."""

from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation


def warm_up():
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reverse("wagtail_serve", args=[""])
    get_template("base.html")
