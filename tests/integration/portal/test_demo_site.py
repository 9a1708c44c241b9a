"""The demo site as its three kinds of visitors meet it: every page they can reach answers.

`seed_demo` on an empty database gives the catalog content it gave before the catalog was split into four
apps (the counts were taken at f6393ac, before the split), now with every page and provider in all six
languages instead of two; and a walk through the links of the public site, the demo SME's pages and the
staff admin listings finds no broken page.
"""

import io
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from catalog.readiness.selectors import ready_markets
from catalog.showcase.models import Product
from portal.companies.demo import SME_EMAIL, STAFF_EMAIL
from portal.management.commands import seed_demo
from tests.demo_content import load_demo

pytestmark = pytest.mark.django_db

LANGUAGES = 6
# Rows `seed_demo` makes in the catalog's apps: what the single catalog app had before the split, with the
# translated pages and providers in six languages (they were in zh-hant and en: 9 providers, 1 index, 7
# categories and 15 offerings per language). Products, certificates and orders are language-independent.
CATALOG_COUNTS = {
    "solutions.Provider": 9 * LANGUAGES,
    "solutions.SolutionIndexPage": 1 * LANGUAGES,
    "solutions.SolutionCategoryPage": 7 * LANGUAGES,
    "solutions.SolutionPage": 15 * LANGUAGES,
    "solutions.ConsultationRequest": 0,
    "solutions.ProviderRating": 0,
    "showcase.ShowcasePage": 1 * LANGUAGES,
    "showcase.SupplierProfile": 60,
    "showcase.ProductCategory": 12,
    "showcase.Product": 600,
    "showcase.PriceTier": 1200,
    "showcase.ProductImage": 600,
    "showcase.Certificate": 105,
    "showcase.Collection": 3,
    "showcase.CollectionItem": 36,
    "inquiries.Inquiry": 4,
    "inquiries.InquiryMessage": 4,
    "orders.SampleOrder": 4,
    "orders.SampleOrderItem": 6,
    "companies.Company": 73,
    "wagtailcore.Page": 229,
}
HREF = re.compile(r'href="(/[^"#]*)"')
# Links a walk must not follow: they sign out, leave the HTML site or change data on GET.
NOT_FOLLOWED = re.compile(r"^/(admin/logout|[\w-]+/accounts/logout|static/|media/|documents/|i18n/)|/delete/")
ADMIN_LISTINGS = [
    "/admin/",
    "/admin/pages/",
    "/admin/snippets/showcase/product/",
    "/admin/snippets/showcase/productcategory/",
    "/admin/snippets/showcase/collection/",
    "/admin/snippets/showcase/certificate/",
    "/admin/snippets/solutions/provider/",
    "/admin/consultationrequest/",
    "/admin/inquiry/",
    "/admin/sample_order/",
    "/admin/coaching/applications/",
    "/admin/payment/",
    "/admin/companies/",
    "/admin/sourcing_quoterequest/",
]


@pytest.fixture
def demo_site(db):
    load_demo()


def walk(client, starts, *, allow, limit):
    """Status of every page reached from ``starts`` through same-site links that ``allow`` accepts."""
    seen, queue, statuses = set(), list(starts), {}
    while queue and len(statuses) < limit:
        path = queue.pop(0)
        if path in seen or NOT_FOLLOWED.search(path) or not allow(path):
            continue
        seen.add(path)
        response = client.get(path)
        statuses[path] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(link.replace("&amp;", "&") for link in HREF.findall(response.content.decode()))
    return statuses


def broken(statuses):
    return {path: status for path, status in statuses.items() if status >= 400}


def test_seed_demo_gives_the_catalog_content_in_six_languages(demo_site):
    """Every catalog model has the rows the demo had before the split, translated pages in six languages,
    and a second run adds none."""
    counts = seed_demo.summary_counts()
    assert {label: counts[label] for label in CATALOG_COUNTS} == CATALOG_COUNTS
    ready = Counter(
        market
        for markets in ready_markets(Product.objects.public().values_list("pk", flat=True)).values()
        for market in markets
    )
    assert all(ready[market] for market in ("TH", "MY", "ID", "VN", "SG")), ready
    call_command("seed_demo", stdout=io.StringIO())
    assert seed_demo.summary_counts() == counts


def test_every_public_page_a_visitor_reaches_answers(demo_site):
    """From both home pages: programs, solutions, showcase, categories, products, suppliers, search, news."""
    statuses = walk(
        Client(),
        [
            "/th/showcase/",
            "/zh-hant/",
            "/en/",
            "/th/",
            "/vi/",
            "/en/search/products/?q=tea",
            "/zh-hant/search/?q=鳳梨酥",
        ],
        allow=lambda path: not path.startswith("/admin") and "/product/" not in path or path.count("-") < 8,
        limit=400,
    )
    assert not broken(statuses)
    kinds = Counter(
        kind
        for path in statuses
        for kind in ("/programs/", "/solutions/", "/showcase/category/", "/showcase/product/", "/showcase/supplier/")
        if kind in path and statuses[path] == 200
    )
    assert set(kinds) == {
        "/programs/",
        "/solutions/",
        "/showcase/category/",
        "/showcase/product/",
        "/showcase/supplier/",
    }, kinds


def test_every_page_of_the_demo_sme_answers(demo_site):
    """The demo SME's dashboard (products, certificates, import, sample orders, requests for quotation), inbox,
    applications, requests."""
    client = Client()
    client.force_login(get_user_model().objects.get(email=SME_EMAIL))
    own = ("/en/dashboard", "/en/inbox", "/en/applications", "/en/my/", "/en/company", "/en/rfq/supplier/")
    statuses = walk(
        client,
        ["/en/dashboard/", "/en/inbox/", "/en/applications/", "/en/my/consultations/"],
        allow=lambda path: path.startswith(own),
        limit=120,
    )
    assert not broken(statuses)
    assert any("/orders/" in path for path in statuses) and any("/certificates/" in path for path in statuses)
    assert (
        sum(path.startswith("/en/inbox/") and path[len("/en/inbox/") :].rstrip("/").isdigit() for path in statuses) == 4
    )
    assert sum(path.startswith("/en/rfq/supplier/") for path in statuses) > 1, "the RFQ list and a request"


def test_every_admin_listing_answers_for_staff(demo_site):
    """Staff reach every admin listing of the catalog apps, coaching, payments and companies."""
    client = Client()
    client.force_login(get_user_model().objects.get(email=STAFF_EMAIL))
    statuses = {path: client.get(path).status_code for path in ADMIN_LISTINGS}
    assert statuses == dict.fromkeys(ADMIN_LISTINGS, 200)
