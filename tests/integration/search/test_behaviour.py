"""One behavioural suite, run against both engines (the `engine` fixture): the same selector, the same shape."""

from decimal import Decimal

import pytest
from django.utils import translation

from search.models import SynonymSet
from search.selectors import build_filters, product_search
from tests.factories.search import PublicProductFactory

from .conftest import rebuild

pytestmark = pytest.mark.django_db


def skus(results):
    return [hit.sku for hit in results.hits]


def test_answers_from_the_engine_under_test(catalogue, engine):
    """`engine` in the results names the backend that answered; nothing is degraded."""
    results = product_search("tea", locale="en")
    assert results.engine == engine
    assert results.degraded is False


def test_empty_query_browses_everything_with_facets(catalogue):
    """No query: every public product, newest first, with facet counts."""
    results = product_search("", locale="en")
    assert results.total == len(catalogue)
    assert results.hits[0].sku == "SNACK-02"
    assert {f.value for f in results.facets["category"]} >= {"food-beverage", "beauty/skincare"}


def test_chinese_query_matches_inside_words(catalogue):
    """鳳梨酥 finds both pineapple cakes, also where it sits inside a longer name (鹹蛋黃鳳梨酥)."""
    assert set(skus(product_search("鳳梨酥", locale="zh-hant"))) == {"PC-01", "PC-02"}


def test_thai_query_matches_a_word_inside_a_phrase(catalogue):
    """สับปะรด (pineapple) matches Thai names written without spaces."""
    assert set(skus(product_search("สับปะรด", locale="th"))) == {"PC-01", "PC-02"}


def test_malay_query(catalogue):
    assert skus(product_search("mangga kering", locale="ms"))[:1] == ["SNACK-01"]


def test_unpublished_products_and_unverified_suppliers_are_not_found(catalogue):
    """Only public products are indexed: a draft or an unverified company's product never shows."""
    PublicProductFactory(name_en="Secret draft pineapple", live=False)
    PublicProductFactory(name_en="Unverified pineapple", company__verified_at=None)
    rebuild()
    assert set(skus(product_search("pineapple", locale="en"))) == {"PC-01", "PC-02"}


def test_synonyms_apply_across_languages_without_a_rebuild(catalogue):
    """A staff synonym set saved after indexing applies to the very next search, in every language."""
    assert product_search("kek nanas", locale="ms").total == 1
    SynonymSet.objects.create(name="Pineapple cake", terms="鳳梨酥\npineapple cake\nขนมพายสับปะรด\nkek nanas")
    assert set(skus(product_search("kek nanas", locale="ms"))) == {"PC-01", "PC-02"}
    assert set(skus(product_search("Pineapple Cake", locale="en"))) == {"PC-01", "PC-02"}


def test_facets_only_show_values_present_in_the_results(catalogue):
    """Facets count the results: a sauce search offers the sauces' markets only, never a zero count."""
    results = product_search("sauce", locale="en")
    assert set(skus(results)) == {"SAUCE-01", "SAUCE-02"}
    assert {f.value: f.count for f in results.facets["market"]} == {"MY": 2, "SG": 1, "ID": 1, "BN": 1}
    assert {f.value: f.count for f in results.facets["certification"]} == {"HALAL": 1, "HACCP": 1}
    assert all(f.count > 0 for facet in results.facets.values() for f in facet)


def test_facet_labels_are_translated(catalogue):
    """Category labels come from the category's name in the buyer's language."""
    with translation.override("en"):
        english = product_search("sauce", locale="en").facets["category"]
    with translation.override("zh-hant"):
        chinese = product_search("sauce", locale="zh-hant").facets["category"]
    assert {f.value: f.label for f in english}["food-beverage/sauces"] == "Sauces"
    assert {f.value: f.label for f in chinese}["food-beverage/sauces"] == "醬料"


def test_filters_combine(catalogue):
    """Halal products that ship to Indonesia, in the food category, priced up to NT$200."""
    filters = build_filters(category="food-beverage", certifications=["HALAL"], markets=["ID"], price_max="200")
    assert set(skus(product_search("", filters=filters, locale="en"))) == {"SAUCE-02", "SNACK-01"}


def test_sample_and_district_filters(catalogue):
    filters = build_filters(sample=True, districts=["wanhua"])
    assert skus(product_search("", filters=filters, locale="en")) == ["STAT-02"]


def test_a_valid_certificate_counts_an_expired_one_does_not(catalogue):
    """Certificates count only while valid: an expired halal certificate is not a halal facet value."""
    product = catalogue["SKIN-02"]
    from tests.factories.search import CertificateFactory

    expired = CertificateFactory(company=product.company, valid_from="2020-01-01", valid_until="2021-01-01")
    product.certificates.add(expired)
    rebuild()
    halal = build_filters(certifications=["HALAL"])
    assert "SKIN-02" not in skus(product_search("", filters=halal, locale="en"))


def test_unknown_facet_values_are_ignored(catalogue):
    """A stale or hand-made link with unknown values still shows results instead of an error."""
    filters = build_filters(certifications=["NOPE"], markets=["XX"], districts=["atlantis"], category="../etc")
    assert product_search("", filters=filters, locale="en").total == len(catalogue)


def test_a_price_on_a_bucket_boundary_is_in_the_upper_bucket_only(catalogue):
    """Buckets are [low, high): a product at exactly NT$500 is counted in and found under 500–1000 alone."""
    PublicProductFactory(name_en="Boundary teapot", price_twd=Decimal("500"))
    rebuild()
    counts = {f.value: f.count for f in product_search("", locale="en").facets["price"]}
    below = product_search("", filters=build_filters(price="100-500"), locale="en")
    above = product_search("", filters=build_filters(price="500-1000"), locale="en")
    assert "Boundary teapot" not in [hit.name for hit in below.hits]
    assert "Boundary teapot" in [hit.name for hit in above.hits]
    assert (below.total, above.total) == (counts["100-500"], counts["500-1000"])
    assert [f.value for f in above.facets["price"] if f.active] == ["500-1000"]


def test_moq_facet_counts_and_filters_in_half_open_ranges(catalogue):
    """The minimum-order facet: a product with an MOQ of exactly 50 is under "50 to under 200" and not under
    "Under 50"; the counts match what each filter finds, and they add up to every product."""
    PublicProductFactory(name_en="Boundary kettle", moq=50)
    rebuild()
    counts = {f.value: f.count for f in product_search("", locale="en").facets["moq"]}
    below = product_search("", filters=build_filters(moq="0-50"), locale="en")
    above = product_search("", filters=build_filters(moq="50-200"), locale="en")
    assert "Boundary kettle" not in [hit.name for hit in below.hits]
    assert "Boundary kettle" in [hit.name for hit in above.hits]
    assert all(hit.moq < 50 for hit in below.hits) and all(50 <= hit.moq < 200 for hit in above.hits)
    assert (below.total, above.total) == (counts["0-50"], counts["50-200"])
    assert sum(counts.values()) == len(catalogue) + 1
    assert [f.value for f in above.facets["moq"] if f.active] == ["50-200"]


def test_moq_and_price_filters_combine(catalogue):
    """Choosing an MOQ range keeps the price bucket: both narrow the results."""
    both = product_search("", filters=build_filters(moq="50-200", price="100-500"), locale="en")
    assert both.hits and all(50 <= hit.moq < 200 and 100 <= hit.price_twd < 500 for hit in both.hits)


def test_sort_by_price(catalogue):
    ascending = product_search("", sort="price_asc", locale="en")
    descending = product_search("", sort="price_desc", locale="en")
    assert ascending.hits[0].sku == "SAUCE-02" and ascending.hits[0].price_twd == Decimal("90")
    assert descending.hits[0].sku == "BIKE-01"


def test_sort_newest(catalogue):
    newest = PublicProductFactory(name_en="Brand new bicycle bell")
    rebuild()
    assert skus(product_search("bicycle", sort="newest", locale="en"))[0] == newest.sku


def test_pagination(catalogue):
    """20 results per page; the last page holds the rest; a page far beyond the end is empty, not an error."""
    PublicProductFactory.create_batch(30, name_en="Ceramic tea cup")
    rebuild()
    first = product_search("ceramic", locale="en")
    second = product_search("ceramic", page=2, locale="en")
    assert (first.total, len(first.hits), len(second.hits)) == (30, 20, 10)
    assert not set(skus(first)) & set(skus(second))
    assert first.has_next and not second.has_next
    far = product_search("ceramic", page=100000, locale="en")
    assert (far.total, far.hits) == (30, [])


def test_highlights_mark_the_match_and_escape_the_text(catalogue):
    """Highlights wrap the match in <mark> and escape everything else."""
    PublicProductFactory(name_en="Oolong <script>alert(1)</script> sampler")
    rebuild()
    results = product_search("oolong", locale="en")
    highlights = {hit.sku: hit.highlight for hit in results.hits}
    assert "<mark>" in highlights["TEA-01"].lower() or "<mark>oolong</mark>" in highlights["TEA-01"].lower()
    assert all("<script>" not in text for text in highlights.values())
    assert any("&lt;script&gt;" in text for text in highlights.values())


def test_buyer_language_decides_the_name_shown(catalogue):
    assert product_search("鳳梨酥禮盒", locale="th").hits[0].name == "ขนมพายสับปะรด กล่องของขวัญ"
    assert product_search("鳳梨酥禮盒", locale="vi").hits[0].name == "Pineapple cake gift box"


@pytest.mark.parametrize("text", ['"', "*", "(", "\\", 'tea" OR (cake*', "AND", "a" * 5000, "{{ }} [] ~ ^ : /"])
def test_query_syntax_and_huge_queries_never_fail(catalogue, text):
    """Syntax characters and a 5,000-character query give results (maybe none), never an error."""
    results = product_search(text, locale="en")
    assert results.total >= 0
    assert results.engine in ("database", "elasticsearch") and not results.degraded


def test_autocomplete(catalogue, engine):
    from search.selectors import product_autocomplete

    names = [hit.name for hit in product_autocomplete("pineapple", "en")]
    assert "Pineapple cake gift box" in names
    assert len(product_autocomplete("a", "en")) <= 10


def test_typo_tolerance_for_latin_words(catalogue, engine):
    """Both engines forgive a typo in a Latin word and suggest the spelling ("did you mean")."""
    results = product_search("pinapple cake", locale="en")
    assert set(skus(results)[:2]) == {"PC-01", "PC-02"}
    assert results.suggestion == "pineapple cake"
