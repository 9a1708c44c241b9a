"""The site's one public address, ``WAGTAILADMIN_BASE_URL``, for every absolute URL the site hands out.

Canonical links, hreflang alternates, the sitemap, robots.txt, Open Graph tags and JSON-LD all name the
configured host, whatever host a request came in on (``127.0.0.1:8000``, a load balancer's address) and
whatever the Wagtail ``Site`` record says. ``sync_default_site()`` writes the same host and port into the
default ``Site`` (``seed_demo`` calls it), so that Wagtail's own full URLs agree too.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from wagtail.models import Site


def base_url():
    """``https://hub.example.gov.tw``: scheme and host (and port) of the public site, no trailing slash."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(url):
    """``url`` (a path, or a full URL on any host) as a full URL on the configured host."""
    if not url:
        return ""
    base = urlsplit(base_url())
    parts = urlsplit(url)
    return urlunsplit((base.scheme, base.netloc, parts.path or "/", parts.query, parts.fragment))


def host_and_port():
    base = urlsplit(base_url())
    return base.hostname, base.port or (443 if base.scheme == "https" else 80)


def sync_default_site():
    """Give the default Wagtail ``Site`` the configured host and port; True when it changed."""
    hostname, port = host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
