"""A relevance set over the real demo content (`manage.py seed_demo`): what buyers type in zh-hant, en, th and ms,
and the demo product family that must be among the first three results.

The demo has many suppliers selling the same families (e.g. several "Native pineapple cake" products), so the
expectation is a family, matched by the English name the demo gives it (catalog/showcase_demo.py), not one SKU.
The engine is the one the settings configure: the database locally, Elasticsearch when ELASTICSEARCH_URL is set
(the demo seed then builds the index, under an index prefix of this test that is deleted afterwards).
"""

import pytest
from django.conf import settings

from catalog.showcase.models import Product
from search.selectors import product_search
from tests.demo_content import load_demo

pytestmark = pytest.mark.django_db

RELEVANCE = [
    # zh-hant
    ("zh-hant", "鳳梨酥", "Native pineapple cake"),
    ("zh-hant", "土鳳梨酥", "Native pineapple cake"),
    ("zh-hant", "鳳梨酥禮盒", "Pineapple cake gift box"),
    ("zh-hant", "蛋黃酥", "Egg yolk pastry"),
    ("zh-hant", "太陽餅", "Sun cake"),
    ("zh-hant", "烏龍茶", "High-mountain oolong tea"),
    ("zh-hant", "東方美人茶", "Oriental Beauty oolong"),
    ("zh-hant", "鐵觀音", "Muzha Tieguanyin"),
    ("zh-hant", "珍珠奶茶", "Bubble tea kit"),
    ("zh-hant", "沙茶醬", "Shacha barbecue sauce"),
    ("zh-hant", "辣椒醬", "Peeled chili sauce"),
    ("zh-hant", "醬油膏", "Black bean thick soy sauce"),
    ("zh-hant", "面膜", "Hyaluronic acid sheet mask"),
    ("zh-hant", "洗面乳", "Green tea cleanser"),
    ("zh-hant", "防曬乳", "Sunscreen SPF50"),
    ("zh-hant", "鋼筆", "Fountain pen"),
    ("zh-hant", "紙膠帶", "Washi tape set"),
    ("zh-hant", "碳纖維車架", "Carbon road frame"),
    ("zh-hant", "後變速器", "Rear derailleur"),
    ("zh-hant", "花生糖", "Halal peanut brittle"),
    ("zh-hant", "芒果乾", "Dried mango slices"),
    # en
    ("en", "pineapple cake", "Native pineapple cake"),
    ("en", "pineapple cake gift box", "Pineapple cake gift box"),
    ("en", "egg yolk pastry", "Egg yolk pastry"),
    ("en", "nougat", "Milk nougat"),
    ("en", "oolong tea", "High-mountain oolong tea"),
    ("en", "tieguanyin", "Muzha Tieguanyin"),
    ("en", "bubble tea", "Bubble tea kit"),
    ("en", "boba", "Bubble tea kit"),
    ("en", "barbecue sauce", "Shacha barbecue sauce"),
    ("en", "chili sauce", "Peeled chili sauce"),
    ("en", "black vinegar", "Black vinegar"),
    ("en", "sheet mask", "Hyaluronic acid sheet mask"),
    ("en", "sunscreen", "Sunscreen SPF50"),
    ("en", "hand cream", "Hand cream"),
    ("en", "fountain pen", "Fountain pen"),
    ("en", "washi tape", "Washi tape set"),
    ("en", "planner notebook", "Planner notebook"),
    ("en", "carbon frame", "Carbon road frame"),
    ("en", "disc brake", "Hydraulic disc brake set"),
    ("en", "wheelset", "Alloy wheelset"),
    ("en", "halal beef jerky", "Halal beef jerky"),
    ("en", "dried mango", "Dried mango slices"),
    # th
    ("th", "พายสับปะรด", "Native pineapple cake"),
    ("th", "ชาอูหลง", "High-mountain oolong tea"),
    ("th", "ชานมไข่มุก", "Bubble tea kit"),
    ("th", "ซอสพริก", "Peeled chili sauce"),
    ("th", "มาสก์หน้า", "Hyaluronic acid sheet mask"),
    ("th", "ครีมกันแดด", "Sunscreen SPF50"),
    ("th", "ปากกาหมึกซึม", "Fountain pen"),
    ("th", "เทปวาชิ", "Washi tape set"),
    ("th", "ตีนผีหลัง", "Rear derailleur"),
    ("th", "มะม่วงอบแห้ง", "Dried mango slices"),
    ("th", "ถั่วตัดฮาลาล", "Halal peanut brittle"),
    # ms
    ("ms", "kek nanas", "Native pineapple cake"),
    ("ms", "teh oolong", "High-mountain oolong tea"),
    ("ms", "teh susu mutiara", "Bubble tea kit"),
    ("ms", "halal beef jerky", "Halal beef jerky"),
    ("ms", "dried mango", "Dried mango slices"),
    ("ms", "fountain pen", "Fountain pen"),
    ("ms", "sunscreen SPF50", "Sunscreen SPF50"),
]

# Broad queries: every one of the first three results must be in the category (all of its products fit).
CATEGORY_RELEVANCE = [
    ("zh-hant", "清真", "food-beverage/snacks"),
    ("en", "halal", "food-beverage/snacks"),
    ("th", "ฮาลาล", "food-beverage/snacks"),
    ("ms", "halal", "food-beverage/snacks"),
    ("ms", "basikal", "bicycles/parts"),
    ("th", "จักรยาน", "bicycles/parts"),
]


@pytest.fixture
def demo_engine(request):
    """The engine the settings configure; Elasticsearch gets an index prefix of its own (see conftest.py)."""
    request.getfixturevalue("use_elasticsearch" if settings.ELASTICSEARCH_URL else "use_database")


def test_the_set_covers_four_languages():
    """At least 40 queries, in each of zh-hant, en, th and ms."""
    queries = RELEVANCE + CATEGORY_RELEVANCE
    assert len(queries) >= 40
    assert {language for language, _query, _expected in queries} == {"zh-hant", "en", "th", "ms"}


def test_expected_demo_product_in_the_top_three(demo_engine):
    """Over the seeded demo, every query puts a product of its expected family among the first three results."""
    load_demo()
    misses = []
    for language, query, family in RELEVANCE:
        top = _top_three(query, language)
        if not Product.objects.filter(pk__in=[hit.id for hit in top], name_en__startswith=family).exists():
            misses.append(f"[{language}] {query!r}: expected {family!r}, top 3 {[hit.name for hit in top]}")
    for language, query, path in CATEGORY_RELEVANCE:
        top = _top_three(query, language)
        if len(top) < 3 or Product.objects.filter(pk__in=[hit.id for hit in top], category__path=path).count() < 3:
            misses.append(f"[{language}] {query!r}: expected only {path!r}, top 3 {[hit.name for hit in top]}")
    total = len(RELEVANCE) + len(CATEGORY_RELEVANCE)
    assert not misses, f"{len(misses)} of {total} queries missed:\n" + "\n".join(misses)


def _top_three(query, language):
    results = product_search(query, locale=language)
    assert not results.degraded, "the configured engine did not answer (fell back to the database)"
    return results.hits[:3]
