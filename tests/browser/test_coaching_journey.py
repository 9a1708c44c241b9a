"""The demo SME applies to an open coaching program in English and follows the application."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from coaching.models import Application, ProgramIndexPage
from portal.companies.demo import COMPANIES, SME_EMAIL, SME_PASSWORD
from tests.demo_content import load_demo
from tests.factories.coaching import PDF_BYTES, ProgramPageFactory
from tests.factories.home import publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROGRAM_EN = "Live-commerce coaching for Southeast Asia"
COMPANY_ZH = COMPANIES[0]["name_zh"]


def _open_program_without_application():
    """The demo gives the SME's companies an application to every open program, so add a fresh open one
    (zh-hant original and its English translation) under the demo's program index."""
    index = ProgramIndexPage.objects.get(locale=Locale.get_default())
    program = ProgramPageFactory(parent=index, title="東南亞直播電商輔導", slug="live-commerce")
    publish_translation(program, Locale.objects.get(language_code="en"), title=PROGRAM_EN, slug="live-commerce")
    return program


def test_demo_sme_applies_to_an_open_program_and_follows_it(page, screenshot, tmp_path):
    """Log in through the form → "Coaching programs" in the English nav → an open program → task list:
    company details, both question sections, a PDF upload, the declaration → check answers → submit →
    a CB-yyyy-nnnnnn reference → "My applications" lists it as "Submitted" with its timeline."""
    load_demo()
    program = _open_program_without_application()
    pdf = tmp_path / "company-registration.pdf"
    pdf.write_bytes(PDF_BYTES)

    page.goto(page.base_url + "/en/accounts/login/?next=/en/")
    page.get_by_label("Email").fill(SME_EMAIL)
    page.get_by_label("Password").fill(SME_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    page.locator("nav.main-nav").get_by_role("link", name="Coaching programs", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/programs/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot("program-index")

    page.get_by_role("link", name="Open for applications").click()
    page.get_by_role("link", name=PROGRAM_EN).click()
    expect(page.locator("h1")).to_have_text(PROGRAM_EN)
    apply = page.get_by_role("region", name="Apply")
    apply.get_by_label("Apply for").select_option(label=COMPANY_ZH)
    screenshot("program")
    apply.get_by_role("button", name="Start your application").click()
    expect(page.locator("h1")).to_have_text(f"Application to {PROGRAM_EN}")
    tasks = page.locator("ol.task-list")

    tasks.get_by_role("link", name="Company and contact details").click()
    page.get_by_label("Contact person").fill("Lin Mei-Ling")
    page.get_by_label("Job title").fill("Export manager")
    page.get_by_label("Contact phone").fill("02-2720-8889")
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.get_by_text("Company and contact details saved.")).to_be_visible()

    tasks.get_by_role("link", name="Your business").click()
    page.get_by_label("Main product").fill("Pineapple cakes")
    page.get_by_label("Export plan (optional)").fill("Open a Shopee Thailand store this year.")
    page.get_by_label("Thailand").check()
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.get_by_text("Your answers to “Your business” are saved.")).to_be_visible()

    tasks.get_by_role("link", name="Numbers").click()
    page.get_by_label("Annual revenue (TWD)").fill("1200000")
    page.get_by_label("Shopee").check()
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.get_by_text("Your answers to “Numbers” are saved.")).to_be_visible()

    tasks.get_by_role("link", name="Supporting documents").click()
    page.get_by_label("File (PDF, JPEG or PNG, up to 10 MB)").set_input_files(str(pdf))
    page.get_by_label("This document is").select_option(label="Company registration")
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_text("Document uploaded.")).to_be_visible()
    expect(page.get_by_role("link", name="company-registration.pdf")).to_be_visible()
    screenshot("documents")
    page.get_by_role("link", name="Return to the task list").click()

    tasks.get_by_role("link", name="Declaration and personal-data consent").click()
    page.get_by_label(re.compile("^I declare that the information in this application is true")).check()
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.get_by_text("Your declaration and consent are recorded.")).to_be_visible()
    for step in range(1, 6):
        expect(page.locator(f"#task-status-{step}")).to_have_text("Completed")
    screenshot("task-list")

    tasks.get_by_role("link", name="Check your answers and submit").click()
    expect(page.locator("h1")).to_have_text("Check your answers before submitting")
    expect(page.get_by_text("Some required answers are missing")).to_have_count(0)
    expect(page.get_by_text("Pineapple cakes")).to_be_visible()
    expect(page.get_by_text("Consent given.")).to_be_visible()
    screenshot("check-answers")
    page.get_by_role("button", name="Submit application").click()

    expect(page.locator("h1")).to_have_text("Application submitted")
    reference = page.locator("strong.reference")
    expect(reference).to_have_text(re.compile(r"^CB-\d{4}-\d{6}$"))
    reference_number = reference.inner_text().strip()
    screenshot("submitted")

    page.get_by_role("main").get_by_role("link", name="My applications").click()
    expect(page.locator("h1")).to_have_text("My applications")
    card = page.locator("article.card").filter(has=page.get_by_role("link", name=PROGRAM_EN))
    expect(card).to_have_count(1)
    expect(card.get_by_text(reference_number)).to_be_visible()
    expect(card.locator(".tag")).to_have_text("Submitted")
    timeline = card.get_by_role("list", name="Status history")
    expect(timeline.get_by_role("listitem")).to_have_count(1)
    expect(timeline.get_by_role("listitem")).to_contain_text("Submitted")
    screenshot("my-applications")

    application = Application.objects.get(program=program, reference=reference_number)
    assert application.status == Application.Status.SUBMITTED
    assert application.company.name_zh == COMPANY_ZH
    assert application.documents.get().original_name == "company-registration.pdf"
