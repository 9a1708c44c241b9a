"""A URLconf for tests whose only view fails, to see the site's own 500 page and its headers."""

from django.urls import path

from portal import urls as portal_urls


def explode(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("boom/", explode), *portal_urls.urlpatterns]
handler404 = portal_urls.handler404
handler500 = portal_urls.handler500
