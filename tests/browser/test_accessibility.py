"""axe-core checks the public, account and supplier pages in the browser: no serious or critical WCAG 2.1 A/AA
violation on any of them, in English and in Traditional Chinese; the buyer pages also in Thai, Malay,
Indonesian and Vietnamese.

axe-core comes from ./node_modules (pinned in package-lock.json, installed by `make test` with `npm ci`); the
script is injected from disk, nothing is downloaded while the tests run.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale

from catalog.orders.models import SampleOrder
from catalog.showcase.models import Product, ShowcasePage
from catalog.solutions.models import SolutionCategoryPage, SolutionIndexPage, SolutionPage
from coaching.models import Application, ProgramIndexPage, ProgramPage
from portal.companies.demo import SME_EMAIL
from portal.home.models import AlliancePage, NewsIndexPage, NewsPage, StandardPage
from tests.conftest import require_service
from tests.demo_content import load_demo
from tests.factories.coaching import ApplicationFactory, ProgramPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
AXE_RUN = """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
    .then((results) => results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 3).map((node) => node.target.join(" ")),
        count: v.nodes.length,
    })))"""


def _axe_violations(page):
    """Serious and critical violations of the page now in the browser, as readable lines."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(AXE_RUN, WCAG_TAGS)
    return [
        f"{v['id']} ({v['impact']}, {v['count']} nodes): {v['help']} — {', '.join(v['targets'])}"
        for v in found
        if v["impact"] in BLOCKING
    ]


class Audit:
    """Visits pages and collects each one's blocking violations, so a run reports every page at once."""

    def __init__(self, page):
        self.page = page
        self.failures = {}

    def check(self, name):
        """Run axe on what the browser shows now and keep the violations found under `name`."""
        assert self.page.locator("html").get_attribute("lang"), f"{name}: <html> has no lang"
        if violations := _axe_violations(self.page):
            self.failures[name] = violations

    def visit(self, name, path, *, expect_status=200, showing=None):
        """Open `path`, check its status, that no redirect led elsewhere and that the `showing` selector is
        there, then run axe."""
        response = self.page.goto(self.page.base_url + path)
        assert response.status == expect_status, f"{name}: {path} answered {response.status}"
        assert urlsplit(self.page.url).path == urlsplit(path).path, f"{name}: {path} ended on {self.page.url}"
        if showing:
            self.page.locator(showing).first.wait_for()
        self.check(name)

    def report(self):
        return "\n".join(
            f"{name}:\n" + "\n".join(f"    {line}" for line in lines) for name, lines in self.failures.items()
        )


def _log_in(page, email):
    """Give the browser the session of a logged-in `email` (the login form itself is checked anonymously)."""
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def _in(language, pages):
    return pages.filter(locale=Locale.objects.get(language_code=language)).live().first()


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_pages_have_no_serious_accessibility_violations(page, stripe_settings, language):
    """42 pages: home, news (index, item), alliance and standard pages, solutions (index, category, solution),
    programs, a program, the showcase (landing, category, product with its sample box, supplier, inquiry form),
    the sample cart, the checkout with validation errors, a buyer's order page, login with and without an
    error, signup, site and product search results, a 404; logged in as the demo SME: the supplier dashboard
    (products, product forms, import, certificates, sample orders), the inquiry inbox, consultation requests
    and their form, company registration, my applications, an application, the company, and a draft
    application's task list and steps. axe-core (WCAG 2.0/2.1 A and AA rules) finds no serious or critical
    violation on any of them."""
    require_service("axe-core", AXE.exists(), "`make test` installs it (scripts/node-packages.sh runs npm ci)")
    load_demo()
    prefix = f"/{language}"
    showcase = _in(language, ShowcasePage.objects)
    product = Product.objects.filter(sample_available=True, company__memberships__user__email=SME_EMAIL).first()
    category = product.category
    supplier = product.company
    applications = Application.objects.filter(company__memberships__user__email=SME_EMAIL).order_by("pk")
    application = applications.exclude(status=Application.Status.DRAFT).first()
    draft = ApplicationFactory(
        program=ProgramPageFactory(parent=ProgramIndexPage.objects.get(locale=Locale.get_default()), slug="a11y"),
        company=application.company,
    )
    audit = Audit(page)

    audit.visit("home", f"{prefix}/")
    audit.visit("news index", _in(language, NewsIndexPage.objects).url)
    audit.visit("news item", _in(language, NewsPage.objects).url)
    audit.visit("alliance page", _in(language, AlliancePage.objects).url)
    audit.visit("standard page", _in(language, StandardPage.objects).url)
    audit.visit("solutions index", _in(language, SolutionIndexPage.objects).url)
    audit.visit("solution category", _in(language, SolutionCategoryPage.objects).url)
    audit.visit("solution", _in(language, SolutionPage.objects).url)
    audit.visit("programs index", _in(language, ProgramIndexPage.objects).url)
    audit.visit("program page", _in(language, ProgramPage.objects).url)
    audit.visit("showcase landing", showcase.url)
    audit.visit(
        "category", showcase.url + showcase.reverse_subpage("category_view", kwargs={"slug_path": category.path})
    )
    product_path = showcase.url + showcase.reverse_subpage("product", kwargs={"pk": product.pk, "slug": product.slug})
    audit.visit("product with sample box", product_path)
    page.locator("form[action*='/samples/cart/add/'] button[type=submit]").click()
    page.wait_for_url(f"**{prefix}/samples/cart/")
    audit.check("sample cart with an item")
    page.locator(f"a[href*='{prefix}/samples/checkout/']").first.click()
    page.wait_for_url(f"**{prefix}/samples/checkout/*/")
    page.locator("button[name=review]").click()
    page.locator("[aria-invalid=true]").first.wait_for()
    audit.check("checkout with validation errors")
    order = SampleOrder.objects.filter(company=supplier).order_by("pk").first()
    audit.visit("sample order (buyer's link)", f"{prefix}/samples/orders/{order.token}/")
    audit.visit(
        "supplier storefront", showcase.url + showcase.reverse_subpage("supplier", kwargs={"company_id": supplier.pk})
    )
    audit.visit(
        "product inquiry form", showcase.url + showcase.reverse_subpage("product_inquiry", kwargs={"pk": product.pk})
    )
    audit.visit("login", f"{prefix}/accounts/login/")
    page.locator("input[name=login]").fill(SME_EMAIL)
    page.locator("input[name=password]").fill("not-the-password")
    page.locator("form").filter(has=page.locator("input[name=password]")).locator("button[type=submit]").click()
    page.locator(".govuk-error-summary, [aria-invalid=true]").first.wait_for()
    audit.check("login with a wrong password")
    audit.visit("signup", f"{prefix}/accounts/signup/")
    program = _in(language, ProgramPage.objects)
    audit.visit("site search results", f"{prefix}/search/?q={program.title}", showing=".site-search__result")
    audit.visit("product search results", f"{prefix}/search/products/?q={product.sku}", showing=".product-result")
    audit.visit("404", f"{prefix}/no-such-page/", expect_status=404)

    _log_in(page, SME_EMAIL)
    audit.visit("dashboard products", f"{prefix}/dashboard/{supplier.pk}/products/")
    audit.visit("dashboard sample orders", f"{prefix}/dashboard/{supplier.pk}/orders/")
    audit.visit("dashboard", f"{prefix}/dashboard/")
    audit.visit("dashboard new product form", f"{prefix}/dashboard/{supplier.pk}/products/new/")
    audit.visit("dashboard product edit form", f"{prefix}/dashboard/{supplier.pk}/products/{product.pk}/edit/")
    audit.visit("dashboard certificates", f"{prefix}/dashboard/{supplier.pk}/certificates/")
    audit.visit("dashboard product import", f"{prefix}/dashboard/{supplier.pk}/products/import/")
    audit.visit("inquiry inbox", f"{prefix}/inbox/")
    audit.visit("consultation requests", f"{prefix}/my/consultations/")
    solution = _in(language, SolutionPage.objects)
    audit.visit("consultation request form", f"{prefix}/my/consultations/new/{solution.pk}/")
    audit.visit("company registration form", f"{prefix}/company/register/")
    audit.visit("my applications", f"{prefix}/applications/")
    audit.visit("application", f"{prefix}/applications/{application.pk}/")
    audit.visit("company", f"{prefix}/company/{application.company_id}/")
    audit.visit("draft application: task list", f"{prefix}/applications/{draft.pk}/")
    audit.visit("draft application: company step", f"{prefix}/applications/{draft.pk}/company/")
    audit.visit("draft application: documents step", f"{prefix}/applications/{draft.pk}/documents/")
    audit.visit("draft application: check answers", f"{prefix}/applications/{draft.pk}/check/")

    assert not audit.failures, f"axe found serious violations ({language}):\n{audit.report()}"


@pytest.mark.parametrize("language", ["th", "ms", "id", "vi"])
def test_buyer_pages_have_no_serious_accessibility_violations(page, stripe_settings, language):
    """The pages a buyer in Thailand, Malaysia, Indonesia or Vietnam meets: home, showcase (landing, category,
    product, supplier, inquiry form), the sample cart with an item, product search results, login and sign-up.
    axe-core finds no serious or critical violation in the buyer's language."""
    require_service("axe-core", AXE.exists(), "`make test` installs it (scripts/node-packages.sh runs npm ci)")
    load_demo()
    prefix = f"/{language}"
    showcase = _in(language, ShowcasePage.objects)
    product = Product.objects.filter(sample_available=True, company__memberships__user__email=SME_EMAIL).first()
    audit = Audit(page)

    audit.visit("home", f"{prefix}/")
    audit.visit("showcase landing", showcase.url)
    audit.visit(
        "category",
        showcase.url + showcase.reverse_subpage("category_view", kwargs={"slug_path": product.category.path}),
    )
    audit.visit(
        "product", showcase.url + showcase.reverse_subpage("product", kwargs={"pk": product.pk, "slug": product.slug})
    )
    page.locator("form[action*='/samples/cart/add/'] button[type=submit]").click()
    page.wait_for_url(f"**{prefix}/samples/cart/")
    audit.check("sample cart with an item")
    audit.visit(
        "supplier storefront",
        showcase.url + showcase.reverse_subpage("supplier", kwargs={"company_id": product.company_id}),
    )
    audit.visit(
        "product inquiry form", showcase.url + showcase.reverse_subpage("product_inquiry", kwargs={"pk": product.pk})
    )
    audit.visit("product search results", f"{prefix}/search/products/?q={product.sku}", showing=".product-result")
    audit.visit("login", f"{prefix}/accounts/login/")
    audit.visit("signup", f"{prefix}/accounts/signup/")

    assert not audit.failures, f"axe found serious violations ({language}):\n{audit.report()}"


def test_the_check_reports_violations(page):
    """The harness is not blind: a page with an unnamed image, an unlabelled field and an empty button gives
    serious or critical violations with their rule ids and targets."""
    require_service("axe-core", AXE.exists(), "`make test` installs it (scripts/node-packages.sh runs npm ci)")
    page.set_content(
        '<html lang="en"><title>Test</title><body><main>'
        '<img src="x.png"><input id="q"><button></button>'
        "</main></body></html>"
    )

    found = _axe_violations(page)

    assert {line.split(" ")[0] for line in found} == {"image-alt", "label", "button-name"}
    assert any("#q" in line for line in found)
