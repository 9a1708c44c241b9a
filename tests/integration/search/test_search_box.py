"""Autocomplete on every search box (header, showcase, category, results): the boxes, the one script every
page loads, and the API behind it."""

import pytest

from search import glossary, services
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.inquiries import build_showcase
from tests.factories.search import PublicProductFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/products/autocomplete"
SCRIPT = '<script src="/static/search/autocomplete.js" defer></script>'


@pytest.fixture
def products(use_database, db):
    from .conftest import rebuild

    PublicProductFactory.create_batch(3, name_en="Native pineapple cake", name_zh_hant="土鳳梨酥")
    PublicProductFactory(name_en="Carbon bicycle frame", name_zh_hant="碳纖維自行車車架")
    services.glossary_load(concepts=glossary.read())
    rebuild()


@pytest.mark.parametrize("path", ["/en/showcase/", "/en/showcase/category/food-beverage/"])
def test_showcase_search_box_has_autocomplete(client, db, path):
    """The showcase's own search box carries the suggestion list, the API address in its language and the
    script, so suggestions work there as on the results page."""
    build_showcase()
    html = client.get(path).content.decode()
    assert 'data-autocomplete-url="/api/v1/products/autocomplete?lang=en"' in html
    assert 'list="search-box-suggestions"' in html and '<datalist id="search-box-suggestions">' in html
    assert html.count(SCRIPT) == 1


def test_results_page_loads_the_script_once(client, products):
    """The results page has two boxes (header and results) and loads the script once."""
    html = client.get("/vi/search/products/", {"q": "bánh dứa"}).content.decode()
    assert html.count(SCRIPT) == 1
    assert 'data-autocomplete-url="/api/v1/products/autocomplete?lang=vi"' in html


@pytest.mark.parametrize("path", ["/th/search/", "/zh-hant/search/products/", "/en/no-such-page/"])
def test_the_header_search_box_has_autocomplete_on_every_page(client, db, path):
    """The header's site search box suggests product names in the page's language, on any page (a 404 too)."""
    html = client.get(path).content.decode()
    language = path.split("/")[1]
    assert f'data-autocomplete-url="/api/v1/products/autocomplete?lang={language}"' in html
    assert 'list="site-search-suggestions"' in html and '<datalist id="site-search-suggestions">' in html
    assert html.count(SCRIPT) == 1


@pytest.mark.parametrize("who", ["anonymous", "user", "member of a supplier", "staff"])
def test_autocomplete_api_is_public_and_lists_a_name_once(client, products, who):
    """Anyone gets suggestions; three suppliers' "Native pineapple cake" is one suggestion."""
    if who == "user":
        client.force_login(UserFactory())
    elif who == "member of a supplier":
        client.force_login(MembershipFactory().user)
    elif who == "staff":
        client.force_login(StaffFactory())
    response = client.get(API, {"q": "native", "lang": "en"})
    assert response.status_code == 200
    assert [item["name"] for item in response.json()] == ["Native pineapple cake"]


@pytest.mark.parametrize(
    ("lang", "typed"), [("ms", "basik"), ("id", "sepeda"), ("vi", "xe đạp"), ("zh-hant", "碳纤维")]
)
def test_autocomplete_api_suggests_for_glossary_words(client, products, lang, typed):
    """A Malay, Indonesian or Vietnamese word (or the start of one), or Simplified Chinese, finds the frame
    named only in Chinese and English."""
    names = [item["name"] for item in client.get(API, {"q": typed, "lang": lang}).json()]
    assert names and names[0] in ("Carbon bicycle frame", "碳纖維自行車車架")


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "tea", "lang": "xx"}, 400),
        ({"q": "", "lang": "en"}, 200),
        ({"q": "\x00\x1b", "lang": "en"}, 200),
        ({"q": '"' * 500, "lang": "en"}, 200),
        ({"lang": "en"}, 200),
    ],
)
def test_autocomplete_api_bad_input(client, products, params, status):
    """An unknown language is a 400 with a message; empty, control-character or oversized text gives []."""
    response = client.get(API, params)
    assert response.status_code == status
    if status == 400:
        assert "Unknown lang" in response.json()["detail"]
    else:
        assert response.json() == []
