"""Playwright driving Debian's Chromium (never a downloaded browser) against pytest-django's live_server."""

import os
import re
from pathlib import Path

import pytest
from django.db import connections

from tests.conftest import require_service

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from it otherwise.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def _keep_serialized_test_databases(start):
    """Run `start()` and keep Django's serialized test databases visible afterwards.

    Starting Playwright switches the context that Django's per-context database connections live in, so
    connections made afterwards lack the snapshot that the test database setup stored on the first ones,
    and serialized rollback (which restores migrated rows after a transactional test) would be skipped.
    """
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    result = start()
    for alias, contents in snapshots.items():
        if not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents
    return result


@pytest.fixture(scope="session")
def browser():
    require_service("Chromium", CHROMIUM.exists(), "`make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    playwright = _keep_serialized_test_databases(sync_playwright().start)
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context per test; `page.base_url` is the live server."""
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def screenshot(page, request):
    """Call `screenshot("step")` to save test-results/screenshots/<test>-<step>.png."""

    def take(step):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{request.node.name}-{step}")
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
