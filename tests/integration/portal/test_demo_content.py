"""tests/demo_content.py: every test that starts from the demo gets the same rows and files, however it got them."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from catalog.showcase.models import Product
from portal.home.models import NewsPage
from portal.management.commands import seed_demo
from tests.demo_content import load_demo


def _state():
    media = Path(settings.MEDIA_ROOT)
    return (
        seed_demo.summary_counts(),
        sorted(Page.objects.values_list("url_path", "live", "locale__language_code")),
        sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file()),
    )


def test_a_second_load_puts_back_the_rows_and_files_of_the_first(db):
    load_demo()
    first = _state()
    assert first[0]["showcase.Product"] and first[2]
    Product.objects.filter(pk__in=Product.objects.values("pk")[:3]).delete()
    Page.objects.filter(depth__gt=2).update(live=False)
    for image in get_image_model().objects.all():
        Path(image.file.path).unlink()
    if "elasticsearch" in settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]:
        # As another test may leave it: site search's index emptied (the database backend's rows are tables).
        backend = get_search_backend()
        index = backend.get_index_for_model(NewsPage).name
        backend.es.delete_by_query(index=index, body={"query": {"match_all": {}}}, refresh=True, conflicts="proceed")

    load_demo()

    assert _state() == first
    assert all(Path(image.file.path).exists() for image in get_image_model().objects.all())
    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    assert news in list(get_search_backend().search(news.title, NewsPage.objects.live()))
    # Ids handed out after the load do not collide with the copied rows.
    get_user_model().objects.create_user(email="after-the-demo@example.com", password="x-1234567890")
