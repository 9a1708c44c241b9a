"""A buyer in Thailand, Malaysia, Indonesia or Vietnam reads the demo site in their own language, and its links
keep them there.

On the seeded demo site, each buyer page (home, showcase, category, product, supplier, search results, inquiry
form, sample cart, login, sign-up) is rendered in th, ms, id and vi. The test fails when more than 2 % of the
page's visible text is in another language (measured in letters, see ``tests/language_share.py``) or when any
same-site link other than the language switcher leads out of the language. The share per page is written to
``test-results/buyer-language.txt``.
"""

import re

import polib
import pytest
from django.conf import settings
from django.utils import translation

from catalog.showcase.models import Product
from tests.demo_content import load_demo
from tests.language_share import TOKEN, foreign_share, links_leaving, read

pytestmark = pytest.mark.django_db

BUYER_LANGUAGES = ("th", "ms", "id", "vi")
MAX_FOREIGN = 0.02
# What a buyer types into the search box in each language (products whose names exist in the language).
QUERIES = {"th": "ชา", "ms": "teh", "id": "teh", "vi": "trà"}
RESULTS = settings.BASE_DIR / "test-results"
CATALOG = settings.BASE_DIR / "portal" / "locale" / "{}" / "LC_MESSAGES" / "django.po"


def words(texts):
    return {token.lower() for text in texts if text for token in TOKEN.findall(text)}


def catalog_words(code):
    po = polib.pofile(str(CATALOG).format(code))
    return words(entry.msgstr or " ".join(entry.msgstr_plural.values()) for entry in po)


def product_words(code):
    suffix = code.replace("-", "_")
    texts = Product.objects.values_list(f"name_{suffix}", f"description_{suffix}")
    return words(text for row in texts for text in row)


@pytest.fixture
def demo_site(db):
    load_demo()


def first_link(html, pattern):
    for href in re.findall(r'<a [^>]*href="([^"]+)"', html):
        if re.search(pattern, href):
            return href
    raise AssertionError(f"no link matching {pattern}")


def buyer_pages(client, language):
    """Path of every buyer page in ``language``, found the way a buyer finds them: by following links."""
    home = client.get(f"/{language}/").content.decode()
    showcase = first_link(home, rf"^/{language}/[^?]*showcase/$")
    landing = client.get(showcase).content.decode()
    category = first_link(landing, r"/category/")
    product = first_link(client.get(category).content.decode(), r"/product/\d+-")
    product_html = client.get(product).content.decode()
    return {
        "home": f"/{language}/",
        "showcase": showcase,
        "category": category,
        "product": product,
        "supplier": first_link(product_html, r"/supplier/\d+/$"),
        "inquiry form": first_link(product_html, r"/product/\d+/inquire/"),
        "search results": f"/{language}/search/products/?q={QUERIES[language]}",
        "sample cart": f"/{language}/samples/cart/",
        "login": f"/{language}/accounts/login/",
        "sign-up": f"/{language}/accounts/signup/",
    }


def test_buyer_pages_are_in_the_buyers_language_and_stay_there(client, demo_site):
    english = catalog_words("en") | product_words("en")
    report, failures = [], []
    for language in BUYER_LANGUAGES:
        own = catalog_words(language) | product_words(language)
        with translation.override(language):
            pages = buyer_pages(client, language)
        for name, path in pages.items():
            response = client.get(path)
            assert response.status_code == 200, (language, name, path)
            text, links = read(response.content.decode(), language)
            share, foreign = foreign_share(text, language, english_only=english - own, own=own)
            leaving = links_leaving(links, language)
            report.append(f"{language} {name:15} {share:6.1%}  {' '.join(foreign[:12])}")
            if share > MAX_FOREIGN:
                failures.append(f"{language} {name} {path}: {share:.1%} foreign: {foreign[:30]}")
            if leaving:
                failures.append(f"{language} {name} {path}: links leave the language: {leaving[:10]}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "buyer-language.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    assert failures == [], "\n".join(failures)
