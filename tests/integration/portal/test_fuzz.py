"""Hostile and careless input to every public GET endpoint and every public form: quotes, NUL bytes, 10,000
characters, unicode oddities, negative and huge numbers, unknown choices. The site answers each with a page,
a message or a 4xx; never a server error. Runs on the database of the test run: `make test` runs it on
PostgreSQL and once more on SQLite (scripts/test.sh)."""

import html.parser
import re
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from catalog.showcase.models import Product
from tests.factories.inquiries import build_showcase

pytestmark = pytest.mark.django_db

HOSTILE = [
    '5" tablet',
    "'; DROP TABLE x; --",
    "tea\x00cake",
    "x" * 10_000,
    "\u202eevil\u200b\u0301\ufeff🍍",
    "-1",
    "99999999999999999999999999999999",
    "1e309",
    "zz-unknown-choice",
    "",
]
# Query parameters the public pages read, plus whatever their GET forms name.
QUERY_NAMES = [
    "q",
    "page",
    "sort",
    "category",
    "certificate",
    "market",
    "price_min",
    "price_max",
    "moq",
    "lang",
    "currency",
    "next",
    "sample",
    "per_page",
    "checkout",
]
MAX_PAGES = 150
# The crawl stays in two languages: the other four have the same views and forms.
OTHER_LANGUAGES = ("/th/", "/ms/", "/id/", "/vi/")
CONVERTER = re.compile(r"<(?:\w+:)?\w+>")


class Forms(html.parser.HTMLParser):
    """Links and forms of a page: each form as (method, action, {field: value}, {select: [options]})."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form, self._select = [], [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = [attrs.get("method", "get").lower(), attrs.get("action") or "", {}, {}]
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select") and attrs.get("name"):
            self._form[2][attrs["name"]] = attrs.get("value") or ""
            if tag == "select":
                self._select = attrs["name"]
                self._form[3][attrs["name"]] = []
        elif tag == "option" and self._select is not None:
            self._form[3][self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def public_routes():
    """The English public routes without parameters, and the site-wide ones (feeds, health, API schema)."""
    routes = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and not re.search(r"[(<\\]", route):
                routes.append("/" + route)

    walk(get_resolver().url_patterns, "")
    return [
        r
        for r in routes
        if not r.startswith(("/admin/", "/zh-hant/", "/th/", "/ms/", "/id/", "/vi/")) and "logout" not in r
    ]


def crawl(client, start):
    """Same-site pages reachable from the start pages (GET, at most MAX_PAGES), with their HTML."""
    seen, queue, pages = set(), list(start), {}
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, f"{path}: {response.status_code}"
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        pages[path] = response.content.decode()
        parser = Forms()
        parser.feed(pages[path])
        for link in parser.links:
            url = urlsplit(urljoin(path, link))
            if (
                not url.netloc
                and url.path.startswith("/")
                and not url.path.startswith(("/admin/", "/media/", "/static/"))
            ):
                queue.append(url.path)
    return pages


@pytest.fixture
def site(settings):
    """The showcase, its cake offering samples, Stripe keys set so that the sample forms are shown (no
    request reaches Stripe: no fuzzed form is ever valid enough to pay)."""
    settings.STRIPE_SECRET_KEY = "sk_test_fuzz"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fuzz"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_fuzz"
    site = build_showcase()
    Product.objects.filter(pk=site.cake.pk).update(sample_available=True, sample_price_twd="150.00", sample_limit=2)
    return site


@pytest.fixture
def pages(site):
    client = Client()
    client.post(f"/en/samples/cart/add/{site.cake.pk}/", {"quantity": 1})
    start = [
        *public_routes(),
        "/en/",
        "/zh-hant/",
        f"/en/showcase/product/{site.cake.pk}-pineapple-cake/",
        "/en/samples/cart/",
        f"/en/samples/checkout/{site.supplier.pk}/",
    ]
    return crawl(client, start)


def distinct_post_forms(pages):
    """(page, target, fields) of each POST form, once per target and set of fields whatever the language."""
    forms = {}
    for path, content in pages.items():
        parser = Forms()
        parser.feed(content)
        for method, action, fields, _selects in parser.forms:
            if method != "post":
                continue
            target = urlsplit(urljoin(path, action or path)).path
            key = (re.sub(r"^/(en|zh-hant)/", "/", target), frozenset(fields))
            forms.setdefault(key, (path, target, fields))
    return list(forms.values())


def server_errors(responses):
    return [f"{label}: {response.status_code}" for label, response in responses if response.status_code >= 500]


def test_the_fuzz_reaches_the_public_site(pages):
    """The crawl finds the home pages, the showcase, a product, search and the account forms."""
    assert {"/en/", "/en/accounts/login/", "/en/accounts/signup/", "/en/search/"} <= set(pages)
    assert any("/showcase/product/" in path for path in pages)


def test_every_public_get_endpoint_survives_hostile_query_strings(pages):
    """Every crawled page and public route with each hostile value in each query parameter it could read:
    no server error."""
    client = Client(raise_request_exception=False)
    responses = []
    for path, content in pages.items():
        parser = Forms()
        parser.feed(content)
        names = set(QUERY_NAMES) | {
            name for method, _a, fields, _s in parser.forms if method == "get" for name in fields
        }
        for value in HOSTILE:
            query = urlencode(dict.fromkeys(sorted(names), value))
            responses.append((f"GET {path}?… ({value[:20]!r})", client.get(f"{path}?{query}")))
    assert server_errors(responses) == []


def test_every_public_form_survives_hostile_values(pages):
    """Every POST form on the crawled pages (account forms, inquiry, sample cart and checkout, currency), each
    field filled with each hostile value, the CSRF token kept: a message or a 4xx, never a server error."""
    client = Client(raise_request_exception=False)
    forms = distinct_post_forms(pages)
    responses = []
    for path, target, fields in forms:
        for value in HOSTILE:
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(path).content.decode())
            data = {name: value for name in fields if name != "csrfmiddlewaretoken"}
            if token:
                data["csrfmiddlewaretoken"] = token.group(1)
            responses.append((f"POST {target} from {path} ({value[:20]!r})", client.post(target, data)))
    assert len(forms) >= 6, [target for _path, target, _fields in forms]
    assert server_errors(responses) == []
