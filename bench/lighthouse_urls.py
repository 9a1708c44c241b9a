"""The site's URLs with MEDIA_URL served by Django, for bench/lighthouse.py only.

Production serves media from its web server; the bench has none, so ``django.views.static.serve`` answers
MEDIA_ROOT (public images and renditions; private files live elsewhere) with a one-year cache lifetime, as a
web server would for rendition files whose names change with their content.
"""

from django.conf import settings
from django.urls import re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve

from portal.urls import urlpatterns as site_urlpatterns

media_prefix = settings.MEDIA_URL.lstrip("/")
urlpatterns = [
    re_path(
        rf"^{media_prefix}(?P<path>.*)$",
        cache_control(public=True, max_age=365 * 24 * 3600)(serve),
        {"document_root": settings.MEDIA_ROOT},
    ),
    *site_urlpatterns,
]
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
