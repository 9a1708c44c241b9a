"""Local development: debug on, a fixed dev-only secret key."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
# Template edits show at once; set PAGE_CACHE_SECONDS to try the page cache locally.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
