"""The trade glossary: the shipped file, and `manage.py search_glossary` loading it into the synonym sets."""

import io

import pytest
from django.core.management import CommandError, call_command

from search import glossary
from search.documents import LANGUAGE_FIELDS
from search.models import SpellingWord, SynonymSet

pytestmark = pytest.mark.django_db
HEADER = "key\tcategory\tzh_hant\ten\tth\tms\tid\tvi\n"
TEA = "tea\tfood-beverage/tea\t茶|茶葉\ttea\tชา\tteh\tteh\ttrà|chè\n"
HONEY = "honey\tfood-beverage/tea\t蜂蜜\thoney\tน้ำผึ้ง\tmadu\tmadu\tmật ong\n"


def _file(tmp_path, *rows, header=HEADER):
    path = tmp_path / "glossary.tsv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return str(path)


def _load(*args):
    out = io.StringIO()
    call_command("search_glossary", *args, stdout=out)
    return out.getvalue()


def test_the_shipped_glossary_has_300_concepts_in_six_languages():
    """At least 300 concepts, each with a term in every language of the portal and a unique key."""
    concepts = glossary.read()
    assert len(concepts) >= 300
    assert all(set(concept.terms) == set(LANGUAGE_FIELDS.values()) for concept in concepts)
    assert all(all(concept.terms.values()) for concept in concepts)


@pytest.mark.parametrize(
    ("key", "language", "term"),
    [
        ("tea", "ms", "teh"),
        ("tea", "vi", "trà"),
        ("coffee", "ms", "kopi"),
        ("coffee", "vi", "cà phê"),
        ("honey", "id", "madu"),
        ("honey", "vi", "mật ong"),
        ("soy-sauce", "ms", "kicap"),
        ("soy-sauce", "id", "kecap"),
        ("soy-sauce", "vi", "nước tương"),
        ("noodles", "ms", "mi"),
        ("noodles", "id", "mie"),
        ("noodles", "vi", "mì"),
        ("bicycle", "ms", "basikal"),
        ("bicycle", "id", "sepeda"),
        ("bicycle", "vi", "xe đạp"),
        ("face-mask", "ms", "topeng muka"),
        ("face-mask", "id", "masker wajah"),
    ],
)
def test_the_everyday_words_of_the_issue_are_in_it(key, language, term):
    """The words buyers type, as the issue lists them."""
    concepts = {concept.key: concept for concept in glossary.read()}
    assert term in concepts[key].terms[language]


def test_every_showcase_category_has_concepts():
    """Each top-level showcase category of the demo (food, beauty, stationery, bicycles) is covered."""
    categories = {concept.category.split("/")[0] for concept in glossary.read()}
    assert {"food-beverage", "beauty", "stationery", "bicycles", "general"} <= categories


def test_loading_creates_one_set_per_concept_and_again_changes_nothing():
    """The first load creates a set per concept; a second load reports every set unchanged."""
    first = _load()
    assert SynonymSet.objects.exclude(glossary_key="").count() == len(glossary.read())
    assert f"{len(glossary.read())} created" in first
    assert f"0 created, 0 updated, {len(glossary.read())} unchanged" in _load()
    tea = SynonymSet.objects.get(glossary_key="tea")
    assert tea.name == "tea" and tea.term_list()[:4] == ["茶", "茶叶", "tea", "ชา"]
    assert SpellingWord.objects.filter(word__in=["basikal", "sepeda", "kopi"]).count() == 3


def test_a_staff_edited_file_updates_its_sets_and_leaves_staff_sets_alone(tmp_path):
    """Loading an edited copy rewrites the glossary's sets; sets staff made by hand are never touched."""
    own = SynonymSet.objects.create(name="Taro", terms="芋頭\ntaro")
    _load("--file", _file(tmp_path, TEA, HONEY))
    edited = TEA.replace("trà|chè", "trà|chè|trà đá")
    output = _load("--file", _file(tmp_path, edited, HONEY))
    assert "0 created, 1 updated, 1 unchanged" in output and "updated: tea" in output
    assert "trà đá" in SynonymSet.objects.get(glossary_key="tea").terms
    own.refresh_from_db()
    assert own.terms == "芋頭\ntaro"


def test_dry_run_writes_nothing(tmp_path):
    """--dry-run reports what would change and leaves the sets as they were."""
    output = _load("--file", _file(tmp_path, TEA), "--dry-run")
    assert "1 would be created" in output
    assert not SynonymSet.objects.exists()


def test_concepts_left_out_of_the_file_are_kept_unless_pruned(tmp_path):
    """A concept missing from the loaded file keeps its set; --prune deletes it."""
    _load("--file", _file(tmp_path, TEA, HONEY))
    assert "kept (--prune deletes them): honey" in _load("--file", _file(tmp_path, TEA))
    assert SynonymSet.objects.filter(glossary_key="honey").exists()
    assert "deleted: honey" in _load("--file", _file(tmp_path, TEA), "--prune")
    assert not SynonymSet.objects.filter(glossary_key="honey").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEADER.replace("\tvi", "") + TEA, "missing column(s) vi"),
        (HEADER + TEA.replace("\ttrà|chè", "\t"), "line 2: 'tea' has no vi term"),
        (HEADER + TEA + TEA, "line 3: the key 'tea' appears twice"),
        (HEADER + TEA.replace("tea\t", "t e a\t", 1), "line 2: the key must be"),
    ],
)
def test_a_broken_file_is_refused_with_the_line_and_nothing_is_loaded(tmp_path, content, message):
    """A missing column or term, a repeated or malformed key: a clear error naming the line, no set written."""
    path = tmp_path / "broken.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _load("--file", str(path))
    assert not SynonymSet.objects.exists()


def test_a_missing_or_binary_file_is_refused(tmp_path):
    """No file, or a file that is not UTF-8 text: a clear error."""
    with pytest.raises(CommandError, match="No such file"):
        _load("--file", str(tmp_path / "nope.tsv"))
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(HEADER.encode() + b"\xff\xfe\x00tea\n")
    with pytest.raises(CommandError, match="not UTF-8"):
        _load("--file", str(binary))
