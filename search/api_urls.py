"""The public JSON API under /api/v1/ (django-ninja), included by the project's URLconf by name."""

from django.urls import path

from .api import api

urlpatterns = [path("", api.urls)]
