"""The measure behind the buyer-language test finds foreign text and links that leave the language."""

from tests.language_share import foreign_share, links_leaving, read

ENGLISH = frozenset({"send", "an", "inquiry", "to", "the", "supplier"})


def test_english_words_on_a_malay_page_are_foreign():
    """Every letter of an English sentence on a Malay page counts; Malay words and codes do not."""
    share, foreign = foreign_share("Send an inquiry to the supplier", "ms", english_only=ENGLISH)
    assert share == 1.0 and foreign == ["Send", "an", "inquiry", "to", "the", "supplier"]
    assert foreign_share("Hantar pertanyaan kepada pembekal MOQ 50 THB", "ms", english_only=ENGLISH)[0] == 0.0


def test_chinese_and_latin_words_on_a_thai_page_are_foreign():
    """On a Thai page Chinese characters and Latin words the Thai texts never use are foreign."""
    share, foreign = foreign_share("ส่งคำถาม 鳳梨酥 Pineapple", "th")
    assert foreign == ["鳳梨酥", "Pineapple"] and 0 < share < 1
    assert foreign_share("ส่งคำถาม Shopee", "th", own=frozenset({"shopee"}))[0] == 0.0


def test_the_switcher_and_proper_names_are_not_counted_but_fallbacks_are():
    """The switcher's other languages and translate="no" names are left out; a lang-marked fallback is not."""
    html = (
        '<html><head><title>x</title></head><body><a href="/zh-hant/" hreflang="zh-Hant">繁體中文</a>'
        '<span translate="no">Songshan Tea Co.</span><p lang="zh-Hant">鳳梨酥</p><p>ชา</p></body></html>'
    )
    text, links = read(html, "th")
    assert "繁體中文" not in text and "Songshan" not in text and "鳳梨酥" in text
    assert links_leaving(links, "th") == []


def test_links_out_of_the_language_are_reported():
    """A menu link to /zh-hant/ or to an unprefixed page leaves the Thai site; static files and the API do not."""
    links = [("/zh-hant/showcase/", None), ("/showcase/", None), ("/static/app.css", None), ("/th/x/", None)]
    links += [("/api/v1/products", None), ("https://testserver/en/", None), ("https://shopee.co.th/", None)]
    assert links_leaving(links, "th") == ["/zh-hant/showcase/", "/showcase/", "https://testserver/en/"]
