"""What buyers type in all six languages, on both engines, over the fixed catalogue plus the trade glossary.

The catalogue's products are named in Chinese, English, Thai and (mostly) Malay only: Indonesian and
Vietnamese buyers reach them through the glossary (search/data/trade_glossary.tsv). Every query must be
answered by the engine under test: a result from the database fallback while Elasticsearch is configured
fails the test.
"""

import pytest

from search import glossary, services
from search.selectors import product_autocomplete, product_search
from tests.factories.search import PublicProductFactory, category

from .conftest import rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(db, engine):
    """The fixed catalogue, a bicycle headlight (a compound), black garlic (garlic in the name), a supplier who
    wrote Simplified Chinese, and the trade glossary loaded into the synonym sets."""
    from tests.factories.search import build_catalogue

    products = build_catalogue()
    parts = category("sports/bicycle-parts", "自行車零件", "Bicycle parts")
    tea = category("food-beverage/tea", "茶葉", "Tea")
    extra = [
        ("BIKE-03", "自行車LED前燈", "Bicycle LED Headlight", "ไฟหน้าจักรยาน LED", parts),
        ("SIMP-01", "黑糖姜茶", "Brown sugar ginger tea", "ชาขิงน้ำตาลทรายแดง", tea),
        ("GARLIC-01", "黑蒜頭", "Black garlic", "กระเทียมดำ", category("food-beverage/sauces", "醬料", "Sauces")),
    ]
    for sku, name_zh, name_en, name_th, filed_under in extra:
        products[sku] = PublicProductFactory(
            sku=sku, name_zh_hant=name_zh, name_en=name_en, name_th=name_th, category=filed_under
        )
    services.glossary_load(concepts=glossary.read())
    rebuild()
    return products


RELEVANCE = [
    # Simplified Chinese finds Traditional names, and Traditional finds a Simplified name.
    ("zh-hant", "凤梨酥", "PC-01"),
    ("zh-hant", "乌龙茶", "TEA-01"),
    ("zh-hant", "辣椒酱", "SAUCE-02"),
    ("zh-hant", "洁面乳", "SKIN-02"),
    ("zh-hant", "笔记本", "STAT-01"),
    ("zh-hant", "桧木钢笔", "STAT-02"),
    ("zh-hant", "自行车车架", "BIKE-01"),
    ("zh-hant", "芒果干", "SNACK-01"),
    ("zh-hant", "牛轧糖", "SNACK-02"),
    ("zh-hant", "薑茶", "SIMP-01"),
    ("en", "凤梨酥", "PC-01"),
    # Glossary words in Indonesian and Vietnamese, for products without names in those languages.
    ("id", "teh oolong", "TEA-01"),
    ("id", "teh boba", "TEA-02"),
    ("id", "kue nanas", "PC-01"),
    ("id", "nastar", "PC-01"),
    ("id", "saus sambal", "SAUCE-02"),
    ("id", "masker wajah", "SKIN-01"),
    ("id", "sabun cuci muka", "SKIN-02"),
    ("id", "buku catatan", "STAT-01"),
    ("id", "pena tinta", "STAT-02"),
    ("id", "kampas rem", "BIKE-02"),
    ("id", "mangga kering", "SNACK-01"),
    ("id", "permen nougat", "SNACK-02"),
    ("id", "bawang putih", "GARLIC-01"),
    ("vi", "trà ô long", "TEA-01"),
    ("vi", "tra o long", "TEA-01"),
    ("vi", "trà sữa trân châu", "TEA-02"),
    ("vi", "bánh dứa", "PC-01"),
    ("vi", "tương ớt", "SAUCE-02"),
    ("vi", "mặt nạ", "SKIN-01"),
    ("vi", "sữa rửa mặt", "SKIN-02"),
    ("vi", "sổ tay", "STAT-01"),
    ("vi", "bút máy", "STAT-02"),
    ("vi", "xe đạp", "BIKE-01"),
    ("vi", "má phanh", "BIKE-02"),
    ("vi", "xoài sấy", "SNACK-01"),
    ("vi", "tỏi", "GARLIC-01"),
    # Malay and Thai everyday words.
    ("ms", "teh halia", "SIMP-01"),
    ("ms", "lampu hadapan basikal", "BIKE-03"),
    ("ms", "bawang putih", "GARLIC-01"),
    ("th", "ไฟหน้าจักรยาน", "BIKE-03"),
    ("th", "ชาขิง", "SIMP-01"),
    # Mixed languages and words from several fields.
    ("ms", "basikal carbon frame", "BIKE-01"),
    ("en", "oolong ชา", "TEA-01"),
    ("vi", "trà oolong", "TEA-01"),
    ("id", "sepeda carbon", "BIKE-01"),
    ("en", "carbon 自行車", "BIKE-01"),
    # Compounds.
    ("en", "bicycle light", "BIKE-03"),
    ("en", "headlight", "BIKE-03"),
    # Typos in Latin words.
    ("en", "oolonng tea", "TEA-01"),
    ("en", "pinapple cake", "PC-01"),
    ("en", "fountian pen", "STAT-02"),
    ("ms", "mangga kerign", "SNACK-01"),
]

# A category word ranks the products of that category above products that merely contain it (沙茶醬, 茶樹).
CATEGORY_WORDS = [("zh-hant", "茶"), ("zh-hant", "茶葉"), ("en", "tea"), ("ms", "teh"), ("id", "teh"), ("vi", "trà")]

# (language, typed, suggestion): both engines say "did you mean".
SUGGESTIONS = [("en", "oolonng tea", "oolong tea"), ("en", "pinapple cake", "pineapple cake")]


def test_the_set_covers_six_languages():
    """Queries in every language of the portal."""
    assert {language for language, _query, _sku in RELEVANCE} == {"zh-hant", "en", "th", "ms", "id", "vi"}
    assert len(RELEVANCE) >= 50


def _search(query, language, engine):
    results = product_search(query, locale=language)
    assert (results.engine, results.degraded) == (engine, False), "the engine under test did not answer"
    return results


def test_expected_product_in_the_top_three(shop, engine):
    """Every query of the set puts its product among the first three results, answered by the engine itself."""
    misses = []
    for language, query, sku in RELEVANCE:
        top = [hit.sku for hit in _search(query, language, engine).hits[:3]]
        if sku not in top:
            misses.append((language, query, sku, top))
    assert misses == []


@pytest.mark.parametrize(("language", "word"), CATEGORY_WORDS)
def test_a_category_word_ranks_its_category_first(shop, engine, language, word):
    """茶 / tea / teh / trà: the tea products come before the barbecue sauce 沙茶醬 and the tea-tree cleanser."""
    top = [hit.sku for hit in _search(word, language, engine).hits[:3]]
    assert set(top) <= {"TEA-01", "TEA-02", "SIMP-01"}, top


def test_a_name_match_ranks_above_a_description_match(shop, engine):
    """Black garlic (garlic in the name) before the chili sauce with garlic in its description."""
    assert [hit.sku for hit in _search("garlic", "en", engine).hits[:2]] == ["GARLIC-01", "SAUCE-02"]


@pytest.mark.parametrize(("language", "typed", "suggestion"), SUGGESTIONS)
def test_did_you_mean(shop, engine, language, typed, suggestion):
    """A typo in a Latin word gets the corrected spelling offered."""
    assert _search(typed, language, engine).suggestion == suggestion


def test_an_existing_word_gets_no_suggestion(shop, engine):
    """Correct words are left alone."""
    assert _search("oolong tea", "en", engine).suggestion == ""


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("ms", "teh", "Teh oolong gunung Alishan"),
        ("vi", "trà", "Alishan high mountain oolong tea"),
        ("vi", "xe đ", "Carbon fibre bicycle frame"),
        ("id", "sepe", "Carbon fibre bicycle frame"),
        ("zh-hant", "凤梨", "鳳梨酥禮盒"),
        ("th", "จักรยาน", "เฟรมจักรยานคาร์บอนไฟเบอร์"),
        ("en", "pineapple", "Pineapple cake gift box"),
    ],
)
def test_autocomplete_in_every_language(shop, engine, language, typed, expected):
    """Suggestions in the buyer's language, also for words only the glossary knows (teh, trà, sepe…)."""
    names = [hit.name for hit in product_autocomplete(typed, language)]
    assert expected in names


def test_autocomplete_lists_a_name_once(shop, engine):
    """Three suppliers selling "Native pineapple cake" give one suggestion, not three."""
    PublicProductFactory.create_batch(3, name_en="Native pineapple cake", name_zh_hant="土鳳梨酥")
    rebuild()
    names = [hit.name for hit in product_autocomplete("native", "en")]
    assert names.count("Native pineapple cake") == 1
