"""The product feeds for partner marketplaces, outside the language prefixes (the language is in the path)."""

from django.urls import path

from .views import feeds

urlpatterns = [
    path("showcase/feed.csv", feeds.feed_csv, name="showcase_feed_csv"),
    path("showcase/feed.json", feeds.feed_json, name="showcase_feed_json"),
    path(
        "showcase/feeds/google/<str:language>/<str:country>.xml",
        feeds.marketplace_feed,
        {"layout": "google_xml"},
        name="showcase_feed_google_xml",
    ),
    path(
        "showcase/feeds/google/<str:language>/<str:country>.tsv",
        feeds.marketplace_feed,
        {"layout": "google_tsv"},
        name="showcase_feed_google_tsv",
    ),
    path(
        "showcase/feeds/shopee/<str:language>/<str:country>.csv",
        feeds.marketplace_feed,
        {"layout": "shopee_csv"},
        name="showcase_feed_shopee_csv",
    ),
]
