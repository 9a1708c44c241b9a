"""Query-time synonym expansion, over term lists in their folded form (SynonymSet.term_list())."""

from search.synonyms import expand
from search.text import fold

SETS = [
    [fold(term) for term in terms]
    for terms in (["鳳梨酥", "pineapple cake", "ขนมพายสับปะรด", "kek nanas"], ["tea", "teh", "ชา", "trà"])
]


def test_a_whole_query_expands_to_every_term_of_its_set():
    """The query comes first, then each other term of its set (Chinese in its folded, Simplified form)."""
    assert expand("Kek  Nanas", SETS) == ["kek nanas", "凤梨酥", "pineapple cake", "ขนมพายสับปะรด"]


def test_a_term_inside_a_longer_query_is_swapped_in_place():
    """Only the matching words change; the rest of the query stays."""
    assert "halal pineapple cake" in expand("halal kek nanas", SETS)


def test_latin_terms_match_whole_words_only():
    """'tea' must not fire inside 'steak'."""
    assert expand("steak", SETS) == ["steak"]


def test_chinese_terms_match_inside_text():
    """A Chinese term fires inside a longer word: 土鳳梨酥 also searches 土pineapple cake."""
    assert "土pineapple cake" in expand("土鳳梨酥", SETS)


def test_simplified_and_traditional_queries_expand_alike():
    """凤梨酥 (Simplified) finds the set written in Traditional."""
    assert expand("凤梨酥", SETS) == expand("鳳梨酥", SETS)
    assert "pineapple cake" in expand("凤梨酥", SETS)


def test_vietnamese_without_diacritics_expands():
    """'tra' typed without the grave accent is the same word as trà."""
    assert "tea" in expand("tra", SETS)


def test_no_sets_or_empty_query():
    """Without sets the query stands alone; a blank query gives nothing to search."""
    assert expand("anything", []) == ["anything"]
    assert expand("  ", SETS) == []


def test_the_longest_term_wins_and_matches_do_not_overlap():
    """'oolong tea' expands as a whole (烏龍茶), not through 'tea' inside it."""
    sets = [[fold(t) for t in terms] for terms in (["烏龍茶", "oolong tea", "teh oolong"], ["tea", "teh", "茶"])]
    alternatives = expand("oolong tea", sets)
    assert alternatives[:3] == ["oolong tea", "乌龙茶", "teh oolong"]
    assert "oolong teh" not in alternatives


def test_words_of_two_sets_are_also_swapped_together():
    """'lampu hadapan basikal' also searches 前燈 自行車 and headlight bicycle (the product has no Malay name)."""
    sets = [
        [fold(t) for t in terms]
        for terms in (["前燈", "headlight", "lampu hadapan"], ["自行車", "bicycle", "basikal", "xe đạp"])
    ]
    alternatives = expand("lampu hadapan basikal", sets)
    assert alternatives[1:3] == ["前灯 自行车", "headlight bicycle"]
    assert "lampu hadapan bicycle" in alternatives and "headlight basikal" in alternatives
    assert len(alternatives) <= 9
