"""What the home page keeps per process (its featured products, its latest news, the language switcher's
translations) shows every change at once: an edit, a new item, an unpublication and another language's own
content appear on the very next request, and a page kept this way reads nothing more while nothing changes."""

import pytest

from portal.home import featured
from tests.factories.home import NewsPageFactory, build_site, publish_translation
from tests.factories.inquiries import ShowcasePageFactory
from tests.factories.showcase import VerifiedCompanyFactory, live_product
from tests.query_counts import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    site = build_site(news_count=1)
    body = [
        {"type": "featured_products", "value": {"heading": "臺北好物精選", "products": []}},
        {"type": "latest_news", "value": {"heading": "最新消息"}},
    ]
    for page in (site.home, site.home_en):
        page.refresh_from_db()
        page.body = body
        page.save_revision().publish()
    site.showcase = ShowcasePageFactory(parent=site.home)
    site.showcase_en = publish_translation(site.showcase, site.english, title="Showcase")
    return site


def home(client, language="zh-hant"):
    return client.get(f"/{language}/").content.decode()


def test_a_product_edit_shows_at_once(client, site):
    """A live product renamed and republished shows its new name on the next home page, not the kept one."""
    product = live_product(name_zh_hant="鳳梨酥禮盒", name_en="Pineapple cake box")
    assert "鳳梨酥禮盒" in home(client)

    product.name_zh_hant = "土鳳梨酥禮盒"
    product.save_revision().publish(skip_permission_checks=True)

    html = home(client)
    assert "土鳳梨酥禮盒" in html
    assert ">鳳梨酥禮盒</a>" not in html


def test_a_new_product_shows_at_once(client, site):
    """A product published after the home page was kept appears on the next request."""
    live_product(name_zh_hant="烏龍茶")
    assert "烏龍茶" in home(client)

    live_product(name_zh_hant="高山茶", company=VerifiedCompanyFactory())

    assert "高山茶" in home(client)


def test_an_unpublished_product_or_an_unverified_supplier_disappears_at_once(client, site):
    """Unpublishing a product, or withdrawing its supplier's verification, takes it off the next home page."""
    tea = live_product(name_zh_hant="烏龍茶")
    cake = live_product(name_zh_hant="鳳梨酥", company=VerifiedCompanyFactory())
    assert "烏龍茶" in home(client)
    assert "鳳梨酥" in home(client)

    tea.unpublish()
    cake.company.verified_at = None
    cake.company.save()

    html = home(client)
    assert "烏龍茶" not in html
    assert "鳳梨酥" not in html


def test_a_supplier_rename_shows_at_once(client, site):
    """The supplier's name on a card follows a change of the company's name."""
    product = live_product(name_zh_hant="烏龍茶", company__name_zh="茶園公司")
    assert "茶園公司" in home(client)

    product.company.name_zh = "高山茶園公司"
    product.company.save()

    assert "高山茶園公司" in home(client)


def test_each_language_shows_its_own_products_and_news(client, site):
    """The items kept for one language are never shown in another: names, supplier names, addresses and
    articles are the language's own."""
    product = live_product(
        name_zh_hant="烏龍茶", name_en="Oolong tea", company__name_zh="茶園公司", company__name_en="Tea Garden Co."
    )
    zh, en = home(client), home(client, "en")

    assert "烏龍茶" in zh
    assert "茶園公司" in zh
    assert f'href="/zh-hant/showcase/product/{product.pk}-' in zh
    assert f'href="{site.articles[0].url}"' in zh
    assert "Oolong tea" in en
    assert "Tea Garden Co." in en
    assert f'href="/en/showcase/product/{product.pk}-' in en
    assert f'href="{site.articles_en[0].url}"' in en
    assert f'href="{site.articles[0].url}"' not in en


def test_news_published_edited_or_unpublished_shows_at_once(client, site):
    """The latest news follow a new article, a changed title and an unpublished article on the next request."""
    assert site.articles[0].title in home(client)

    added = NewsPageFactory(parent=site.news, title="新的消息")
    assert "新的消息" in home(client)

    added.title = "更新的消息"
    added.save_revision().publish()
    assert "更新的消息" in home(client)

    added.unpublish()
    assert "更新的消息" not in home(client)


def test_a_new_translation_shows_in_the_language_switcher_at_once(client, site):
    """The switcher links to a language's own page as soon as it is published, and says the page is not
    translated as soon as the translation is unpublished."""
    assert 'hreflang="en" href="http://' in home(client)
    site.home_en.unpublish()

    html = home(client)
    assert 'hreflang="en" href="http://' not in html
    assert f"/en/untranslated/{site.home.pk}/" in html

    site.home_en.save_revision().publish()
    assert 'hreflang="en" href="http://' in home(client)


def test_kept_home_page_reads_no_products_news_or_translations_while_nothing_changes(client, site):
    """Once kept, the featured products, the latest news and the page's translations cost no query; a
    change reads them again."""
    live_product(name_zh_hant="烏龍茶")
    home(client)

    queries = "\n".join(page_queries(client, "/zh-hant/"))

    assert "showcase_product" not in queries
    assert "home_newspage" not in queries
    assert "translation_key" not in queries.split("FROM", 1)[-1]

    featured.KEPT.invalidate()
    assert any("showcase_product" in sql for sql in page_queries(client, "/zh-hant/"))
