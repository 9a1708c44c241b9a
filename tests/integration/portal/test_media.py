"""Public uploads in production: nginx with deploy/nginx/portal.conf serves /media/ (originals and
renditions) in front of gunicorn under production settings; private files are never reachable there."""

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories.showcase import ImageFactory
from tests.production_server import free_port, gunicorn, production_environment, request

pytestmark = pytest.mark.django_db

SAMPLE = Path(settings.BASE_DIR) / "deploy" / "nginx" / "portal.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def site_config(*, listen_port, upstream_port, media_root):
    """The sample with the test's paths: plain HTTP on a free port instead of the certificate."""
    sample = SAMPLE.read_text()
    replacements = {
        "listen 443 ssl http2;": f"listen 127.0.0.1:{listen_port};",
        "/srv/portal/media/": f"{media_root}/",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream_port};",
    }
    for old, new in replacements.items():
        assert old in sample, f"the sample no longer has {old!r}: update this test"
        sample = sample.replace(old, new)
    return "\n".join(line for line in sample.splitlines() if not line.strip().startswith("ssl_certificate"))


def start_nginx(workdir, site):
    (workdir / "portal.conf").write_text(site)
    user = "user root;" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    include {workdir}/portal.conf;
}}
"""
    )
    return subprocess.Popen([NGINX, "-c", str(workdir / "nginx.conf"), "-p", str(workdir)])


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory, django_db_setup, production_static_root):
    """gunicorn (production settings) behind nginx, once for this module, with media folders of its own."""
    if not os.path.exists(NGINX):
        pytest.fail("nginx is not installed: scripts/system-packages.sh installs nginx-light")
    root = tmp_path_factory.mktemp("media-site")
    media, private, workdir = root / "media", root / "private", root / "nginx"
    for folder in (media, private, workdir):
        folder.mkdir()
    env = production_environment(
        static_root=production_static_root,
        cache_url="locmemcache://media",
        DJANGO_MEDIA_ROOT=str(media),
        DJANGO_PRIVATE_MEDIA_ROOT=str(private),
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    port = free_port()
    with gunicorn(env) as upstream:
        nginx = start_nginx(workdir, site_config(listen_port=port, upstream_port=upstream, media_root=media))
        try:
            deadline = time.monotonic() + 20
            while True:
                assert nginx.poll() is None, (workdir / "error.log").read_text()
                try:
                    request(port, "GET", "/healthz")
                    break
                except OSError:
                    assert time.monotonic() < deadline, "nginx did not answer"
                    time.sleep(0.1)
            yield {"nginx": port, "gunicorn": upstream, "media": media, "private": private}
        finally:
            nginx.send_signal(signal.SIGQUIT)
            nginx.wait(timeout=20)


@pytest.fixture
def nginx_in_front(nginx_site, settings):
    """This test's uploads go where the running site reads them."""
    settings.MEDIA_ROOT = nginx_site["media"]
    settings.PRIVATE_MEDIA_ROOT = nginx_site["private"]
    return nginx_site


def test_originals_and_renditions_are_served_under_media(nginx_in_front):
    """An uploaded product image and a rendition of it answer 200 with their bytes, as images, not sniffable;
    gunicorn itself (production settings) serves no /media/, the route is nginx's."""
    image = ImageFactory()
    rendition = image.get_rendition("fill-120x120")
    for url, path in ((image.file.url, image.file.path), (rendition.url, rendition.file.path)):
        assert url.startswith("/media/")
        status, body, _cookies = request(nginx_in_front["nginx"], "GET", url)
        assert status == 200, url
        assert body == Path(path).read_bytes()
        status, _body, _cookies = request(nginx_in_front["gunicorn"], "GET", url)
        assert status == 404, "Django does not serve media in production"


def test_media_answers_with_safe_headers_and_no_listing(nginx_in_front):
    import http.client

    image = ImageFactory()
    conn = http.client.HTTPConnection("127.0.0.1", nginx_in_front["nginx"], timeout=10)
    conn.request("GET", image.file.url)
    response = conn.getresponse()
    response.read()
    assert response.getheader("Content-Type").startswith("image/")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "sandbox" in response.getheader("Content-Security-Policy")
    conn.close()
    for url in ("/media/", "/media/original_images/", "/media/does-not-exist.png"):
        status, _body, _cookies = request(nginx_in_front["nginx"], "GET", url)
        assert status in (403, 404), url


@pytest.mark.parametrize(
    "url",
    [
        "/media/../private/applications/secret.pdf",
        "/media/..%2fprivate/applications/secret.pdf",
        "/media/%2e%2e/private/applications/secret.pdf",
        "/media/..%2f..%2fprivate/applications/secret.pdf",
        "/private/applications/secret.pdf",
        "/media/private/applications/secret.pdf",
    ],
)
def test_private_files_are_never_under_the_media_route(nginx_in_front, url):
    """An application document in PRIVATE_MEDIA_ROOT: no path through nginx reaches it."""
    secret = Path(settings.PRIVATE_MEDIA_ROOT) / "applications" / "secret.pdf"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_bytes(b"%PDF-1.4 confidential business plan")
    status, body, _cookies = request(nginx_in_front["nginx"], "GET", url)
    assert status != 200
    assert b"confidential business plan" not in body
    assert not str(settings.PRIVATE_MEDIA_ROOT).startswith(str(settings.MEDIA_ROOT))
