"""The enforced Content Security Policy breaks nothing: Chromium reports no violation and no script error on
public pages (home, showcase, product with its JSON-LD, search, login) and on admin pages whose widgets write
inline scripts (page editor, snippet and image listings)."""

import pytest
from django.test import Client
from wagtail.models import Page

from tests.factories.accounts import StaffFactory
from tests.factories.inquiries import build_showcase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def collect_problems(page):
    problems = []
    page.on(
        "console", lambda message: problems.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def visit(page, path):
    response = page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    return response


def test_public_pages_load_without_a_violation(page, settings):
    """Under the enforced policy the public pages show no CSP violation and no script error."""
    settings.CSP_REPORT_ONLY = False
    shop = build_showcase()
    problems = collect_problems(page)
    for path in (
        "/en/",
        "/en/showcase/",
        f"/en/showcase/product/{shop.cake.pk}-pineapple-cake/",
        "/en/search/?q=cake",
        "/en/accounts/login/",
    ):
        response = visit(page, path)
        assert "content-security-policy" in response.headers
    assert problems == []


def test_admin_pages_load_without_a_violation(page, settings):
    """Staff in the admin (page editor with its date and inline-panel widgets, listings): no violation."""
    settings.CSP_REPORT_ONLY = False
    settings.REQUIRE_STAFF_MFA = False
    build_showcase()
    client = Client()
    client.force_login(StaffFactory(is_superuser=True))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": page.base_url,
            }
        ]
    )
    problems = collect_problems(page)
    home = Page.objects.filter(depth=2).first()
    for path in ("/admin/", f"/admin/pages/{home.pk}/edit/", "/admin/images/", "/admin/snippets/", "/admin/pages/"):
        response = visit(page, path)
        assert response.status == 200, path
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
    assert problems == []
