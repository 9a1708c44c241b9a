"""Query-time synonym expansion."""

from search.synonyms import expand

SETS = [["鳳梨酥", "pineapple cake", "ขนมพายสับปะรด", "kek nanas"], ["tea", "teh", "ชา"]]


def test_a_whole_query_expands_to_every_term_of_its_set():
    assert expand("Kek  Nanas", SETS) == ["kek nanas", "鳳梨酥", "pineapple cake", "ขนมพายสับปะรด"]


def test_a_term_inside_a_longer_query_is_swapped_in_place():
    assert "halal pineapple cake" in expand("halal kek nanas", SETS)


def test_latin_terms_match_whole_words_only():
    """'tea' must not fire inside 'steak'."""
    assert expand("steak", SETS) == ["steak"]


def test_chinese_terms_match_inside_text():
    assert "土pineapple cake" in expand("土鳳梨酥", SETS)


def test_no_sets_or_empty_query():
    assert expand("anything", []) == ["anything"]
    assert expand("  ", SETS) == []
