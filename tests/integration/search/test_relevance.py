"""A relevance set: what buyers type in zh-hant, en, th and ms, and the product that must be in the top 3.

Run against both engines over the fixed catalogue of tests/factories/search.py (demo-like names).
"""

import pytest

from search.selectors import product_search

pytestmark = pytest.mark.django_db

RELEVANCE = [
    # zh-hant
    ("zh-hant", "鳳梨酥", "PC-01"),
    ("zh-hant", "鹹蛋黃", "PC-02"),
    ("zh-hant", "烏龍茶", "TEA-01"),
    ("zh-hant", "阿里山", "TEA-01"),
    ("zh-hant", "珍珠奶茶", "TEA-02"),
    ("zh-hant", "沙茶醬", "SAUCE-01"),
    ("zh-hant", "辣椒醬", "SAUCE-02"),
    ("zh-hant", "面膜", "SKIN-01"),
    ("zh-hant", "潔面乳", "SKIN-02"),
    ("zh-hant", "筆記本", "STAT-01"),
    ("zh-hant", "鋼筆", "STAT-02"),
    ("zh-hant", "自行車車架", "BIKE-01"),
    ("zh-hant", "來令片", "BIKE-02"),
    ("zh-hant", "芒果乾", "SNACK-01"),
    ("zh-hant", "牛軋糖", "SNACK-02"),
    ("zh-hant", "檜木", "STAT-02"),
    # en
    ("en", "pineapple cake", "PC-01"),
    ("en", "salted egg yolk", "PC-02"),
    ("en", "oolong tea", "TEA-01"),
    ("en", "bubble tea", "TEA-02"),
    ("en", "barbecue sauce", "SAUCE-01"),
    ("en", "chili sauce", "SAUCE-02"),
    ("en", "face mask", "SKIN-01"),
    ("en", "facial cleanser", "SKIN-02"),
    ("en", "leather notebook", "STAT-01"),
    ("en", "fountain pen", "STAT-02"),
    ("en", "carbon bicycle frame", "BIKE-01"),
    ("en", "brake pads", "BIKE-02"),
    ("en", "dried mango", "SNACK-01"),
    ("en", "nougat", "SNACK-02"),
    # th
    ("th", "สับปะรด", "PC-01"),
    ("th", "ไข่เค็ม", "PC-02"),
    ("th", "ชาอูหลง", "TEA-01"),
    ("th", "ชานมไข่มุก", "TEA-02"),
    ("th", "ซอสพริก", "SAUCE-02"),
    ("th", "มาสก์หน้า", "SKIN-01"),
    ("th", "สมุดโน้ต", "STAT-01"),
    ("th", "ปากกา", "STAT-02"),
    ("th", "จักรยาน", "BIKE-01"),
    ("th", "ผ้าเบรก", "BIKE-02"),
    ("th", "มะม่วง", "SNACK-01"),
    ("th", "ตังเม", "SNACK-02"),
    # ms
    ("ms", "kek nanas", "PC-01"),
    ("ms", "teh oolong", "TEA-01"),
    ("ms", "teh susu mutiara", "TEA-02"),
    ("ms", "sos cili", "SAUCE-02"),
    ("ms", "sos sate", "SAUCE-01"),
    ("ms", "topeng muka", "SKIN-01"),
    ("ms", "buku nota", "STAT-01"),
    ("ms", "basikal", "BIKE-02"),
    ("ms", "mangga kering", "SNACK-01"),
    ("ms", "gula-gula nougat", "SNACK-02"),
]


def test_the_set_covers_four_languages():
    assert len(RELEVANCE) >= 40
    assert {language for language, _query, _sku in RELEVANCE} == {"zh-hant", "en", "th", "ms"}


def test_expected_product_in_the_top_three(catalogue, engine):
    """Every query of the set puts its expected product among the first three results."""
    misses = []
    for language, query, sku in RELEVANCE:
        top = [hit.sku for hit in product_search(query, locale=language).hits[:3]]
        if sku not in top:
            misses.append((language, query, sku, top))
    assert misses == []
