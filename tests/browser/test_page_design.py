"""The ten pages of the design issue at a desktop (1280 px) and a phone (390 px) width, in Chinese and Thai:
axe-core finds no serious or critical violation at either width, none scrolls sideways on the phone, and a
full-page screenshot of each is kept in test-results/design/ for people to look at.

Pages: home, showcase, category, product, supplier storefront, product search results, a program page, the
solution catalog, sign-up, and a step of an application (logged in as the demo SME)."""

import pytest
from django.utils.text import slugify
from wagtail.models import Locale

from catalog.showcase.models import Product, ShowcasePage
from catalog.solutions.models import SolutionIndexPage
from coaching.models import Application, ProgramIndexPage, ProgramPage
from portal.companies.demo import SME_EMAIL
from tests.conftest import require_service
from tests.demo_content import load_demo
from tests.factories.coaching import ApplicationFactory, ProgramPageFactory

from .conftest import SCREENSHOTS
from .test_accessibility import AXE, Audit, _in, _log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
DESIGN_SHOTS = SCREENSHOTS.parent / "design"
# How far the page is wider than the window: 0 when nothing scrolls sideways.
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The elements sticking out past the right edge, to say which one is at fault.
CULPRITS = """() => [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(-3).map((e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : ""))"""


def _pages(language):
    """(name, path, needs login) of the ten pages, in the demo content."""
    prefix = f"/{language}"
    showcase = _in(language, ShowcasePage.objects)
    product = Product.objects.filter(sample_available=True, company__memberships__user__email=SME_EMAIL).first()
    company = Application.objects.filter(company__memberships__user__email=SME_EMAIL).first().company
    draft = ApplicationFactory(
        program=ProgramPageFactory(parent=ProgramIndexPage.objects.get(locale=Locale.get_default()), slug="design"),
        company=company,
    )
    return [
        ("home", f"{prefix}/", False),
        ("showcase", showcase.url, False),
        (
            "category",
            showcase.url + showcase.reverse_subpage("category_view", kwargs={"slug_path": product.category.path}),
            False,
        ),
        (
            "product",
            showcase.url + showcase.reverse_subpage("product", kwargs={"pk": product.pk, "slug": product.slug}),
            False,
        ),
        (
            "supplier",
            showcase.url + showcase.reverse_subpage("supplier", kwargs={"company_id": product.company_id}),
            False,
        ),
        ("search results", f"{prefix}/search/products/?q=tea", False),
        ("program page", _in(language, ProgramPage.objects).url, False),
        ("solution catalog", _in(language, SolutionIndexPage.objects).url, False),
        ("sign-up", f"{prefix}/accounts/signup/", False),
        ("application step", f"{prefix}/applications/{draft.pk}/company/", True),
    ]


@pytest.mark.parametrize("language", ["zh-hant", "th"])
def test_design_pages_are_accessible_and_fit_a_phone_at_both_widths(page, language):
    require_service("axe-core", AXE.exists(), "`make test` installs it (scripts/node-packages.sh runs npm ci)")
    load_demo()
    DESIGN_SHOTS.mkdir(parents=True, exist_ok=True)
    pages = _pages(language)
    audit = Audit(page)
    sideways = []
    logged_in = False
    for name, path, needs_login in pages:
        if needs_login and not logged_in:
            _log_in(page, SME_EMAIL)
            logged_in = True
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            audit.visit(f"{name} at {width} px", path)
            page.screenshot(path=str(DESIGN_SHOTS / f"{language}-{slugify(name)}-{width}.png"), full_page=True)
            if width < 400 and page.evaluate(OVERFLOW) > 0:
                sideways.append(f"{name} ({path}): {page.evaluate(OVERFLOW)} px too wide, {page.evaluate(CULPRITS)}")
    assert not audit.failures, f"axe found serious violations ({language}):\n{audit.report()}"
    assert not sideways, "pages that scroll sideways at 390 px:\n" + "\n".join(sideways)
    assert len(list(DESIGN_SHOTS.glob(f"{language}-*.png"))) >= len(pages) * len(WIDTHS)


def test_the_sideways_check_sees_a_page_that_is_too_wide(page):
    """The overflow measure is not blind: a 600 px wide box in a 390 px window is 210 px too wide."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.set_content('<html lang="en"><body style="margin:0"><div style="width:600px">x</div></body></html>')
    assert page.evaluate(OVERFLOW) == 210
    assert page.evaluate(CULPRITS) == ["div"]
