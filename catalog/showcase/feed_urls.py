"""The product feed for partner marketplaces, outside the language prefixes: /showcase/feed.csv and .json."""

from django.urls import path

from . import feeds

urlpatterns = [
    path("showcase/feed.csv", feeds.feed_csv, name="showcase_feed_csv"),
    path("showcase/feed.json", feeds.feed_json, name="showcase_feed_json"),
]
