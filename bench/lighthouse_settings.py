"""Production settings for bench/lighthouse.py, plus the one thing production leaves to the web server:
public media (images and their renditions) answered from MEDIA_ROOT by ``bench.lighthouse_urls``."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.lighthouse_urls"
