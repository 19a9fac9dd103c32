"""An admin uploads a report in the browser, reviews it, publishes it, and the public sees it."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from inspections.models import Inspection
from tests.samples import REPO_ROOT, sample_path

REPORT = sample_path("pdf-original/knowsley-2021-ilacs.pdf")
HTML_AS_PDF = REPO_ROOT / "tests" / "fixtures" / "bad_input" / "birmingham-2012-not-a-pdf.pdf"
PASSWORD = "a-long-browser-test-password"


@pytest.fixture
def admin_login(page, reference_data):
    get_user_model().objects.create_superuser("ada", "ada@example.org", PASSWORD)
    page.goto(f"{page.base_url}/admin/login/?next=/admin/inspections/inspection/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/inspections/inspection/$"))
    return page


def test_admin_uploads_reviews_and_publishes_a_report(admin_login, screenshot):
    page = admin_login
    expect = pytest.importorskip("playwright.sync_api").expect

    screenshot(page, "admin-inspection-list-empty")
    page.get_by_role("link", name="Upload report").click()
    page.wait_for_url(re.compile(r"/admin/inspections/inspection/upload/$"))
    page.set_input_files("input[type=file]", [str(REPORT), str(HTML_AS_PDF)])
    expect(page.locator("#id_publish")).not_to_be_checked()  # drafts by default
    screenshot(page, "admin-upload-form")

    page.get_by_role("button", name="Upload and read").click()
    results = page.locator("#upload-results")
    expect(results).to_be_visible(timeout=60_000)
    expect(page.locator(".upload-summary")).to_contain_text(
        "1 created, 0 already present, 1 refused"
    )
    created_row = results.locator("tr", has_text=REPORT.name)
    expect(created_row).to_contain_text("Created")
    expect(created_row).to_contain_text("held as a draft")
    refused_row = results.locator("tr", has_text=HTML_AS_PDF.name)
    expect(refused_row).to_contain_text("Refused")
    expect(refused_row).to_contain_text("This file is an HTML page, not a PDF")
    screenshot(page, "admin-upload-result")

    link = created_row.get_by_role("link")
    inspection_id = re.search(r"/inspection/(\d+)/change/", link.get_attribute("href")).group(1)
    public_path = Inspection.objects.get(pk=inspection_id).get_absolute_url()
    public_link = f'a[href="{public_path}"]'
    link.click()
    page.wait_for_url(re.compile(rf"/admin/inspections/inspection/{inspection_id}/change/$"))
    expect(page.locator("#judgements-group")).to_be_visible()
    expect(page.locator("#recommendations-group")).to_be_visible()
    expect(page.locator(".field-source_file_link a")).to_have_text(REPORT.name)
    screenshot(page, "admin-inspection-review")

    page.goto(f"{page.base_url}/authorities/knowsley/")
    expect(page.locator(public_link)).to_have_count(0)  # a draft is not public

    page.goto(f"{page.base_url}/admin/inspections/inspection/{inspection_id}/change/")
    page.check("#id_is_published")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/admin/inspections/inspection/(\?.*)?$"))
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    screenshot(page, "admin-inspection-list")

    page.goto(f"{page.base_url}/authorities/knowsley/")
    expect(page.locator(public_link).first).to_be_visible()
    expect(page.locator("main")).to_contain_text("2021")
    screenshot(page, "authority-timeline-after-publishing")
