"""The Nu Html Checker (npm ``vnu-jar``, run with Java from ./node_modules, nothing downloaded) finds no error
in the HTML of the ten pages Lighthouse measures (bench/lighthouse.py): home, showcase, category, product,
supplier, product search results, a program, the solution catalog, sign-up and an application step."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from catalog.showcase.models import Product, ShowcasePage
from catalog.showcase.templatetags.showcase_tags import product_url
from catalog.solutions.models import SolutionIndexPage
from coaching.models import ProgramPage
from coaching.services import application_start
from portal.companies.demo import SME_EMAIL
from portal.companies.models import Membership
from tests.conftest import require_service
from tests.demo_content import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# node_modules/vnu-jar as `make test` installs it; VNU_JAR names another copy of the jar.
VNU = Path(os.environ.get("VNU_JAR", Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"))


def measured_pages(language):
    """{name: path} of the pages bench/lighthouse.py measures, in ``language``."""
    locale = Locale.objects.get(language_code=language)
    showcase = ShowcasePage.objects.live().filter(locale=locale).first()
    product = Product.objects.public().order_by("-sample_available", "pk").first()
    program = ProgramPage.objects.live().filter(locale=locale).order_by("-first_published_at").first()
    solutions = SolutionIndexPage.objects.live().filter(locale=locale).first()
    with translation.override(language):
        return {
            "home": reverse("wagtail_serve", args=[""]),
            "showcase": showcase.url,
            "category": showcase.url + "category/" + product.category.path + "/",
            "product": product_url(showcase, product),
            "supplier": showcase.url + showcase.reverse_subpage("supplier", kwargs={"company_id": product.company_id}),
            "search": reverse("search:products") + "?q=tea",
            "program": program.url,
            "solutions": solutions.url,
            "signup": reverse("account_signup"),
        }


def nu_errors(files):
    """{file name: ["line N: message", …]} of the Nu checker's errors (warnings and info are left out)."""
    result = subprocess.run(  # noqa: S603 (java and the pinned vnu.jar, fixed arguments)
        [shutil.which("java") or "java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = {}
    for message in report["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            name = Path(message.get("url", "")).stem
            errors.setdefault(name, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


@pytest.mark.parametrize("language", ["zh-hant", "th"])
def test_measured_pages_have_no_html_errors(tmp_path, stripe_settings, language):
    """Every page that Lighthouse measures, and a draft application's company step for its member, is valid
    HTML for the Nu Html Checker: no error at all (the failure lists each page's errors with their line)."""
    require_service("vnu-jar", VNU.exists() and shutil.which("java"), "`make test` installs it (npm ci) with Java")
    load_demo()
    pages = measured_pages(language)
    anonymous, member = Client(), Client()
    user = get_user_model().objects.get(email=SME_EMAIL)
    company = Membership.objects.filter(user=user).first().company
    program = next(p for p in ProgramPage.objects.live().filter(locale=Locale.get_default()) if p.is_open)
    draft, _created = application_start(program=program, company=company, user=user, language=language)
    member.force_login(user)
    with translation.override(language):
        pages["application"] = reverse("coaching:company", args=[draft.pk])
    files = []
    for name, path in pages.items():
        response = (member if name == "application" else anonymous).get(path)
        assert response.status_code == 200, f"{name}: {path} answered {response.status_code}"
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)
    errors = nu_errors(files)
    assert not errors, "\n".join(f"{name}:\n" + "\n".join(f"    {e}" for e in lines) for name, lines in errors.items())
