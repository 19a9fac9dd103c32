"""Uploading reports in the admin: each file created, already present, or refused unchanged."""

from __future__ import annotations

import html
import time

import pytest

from ingest import sandbox, upload
from ingest.load import prepare
from inspections.models import Inspection
from tests.pdfgen import make_pdf
from tests.samples import SAMPLE_REPORTS

from .factories import (
    CHANGELIST_URL,
    HTML_AS_PDF,
    K2006_TEXT,
    K2017_ORIGINAL,
    K2017_TEXT,
    UPLOAD_URL,
    atlantis_report,
    change_url,
    db_snapshot,
    ingest_sample,
    make_user,
    read_sample,
    sample_upload,
    upload_file,
)

pytestmark = pytest.mark.django_db

# Every sample PDF: the renderings first, then Ofsted's originals. The original Knowsley 2017
# report is the same inspection as its rendering, so it must come back "already present".
SAMPLE_PDFS = sorted((SAMPLE_REPORTS / "pdf").glob("*.pdf")) + sorted(
    (SAMPLE_REPORTS / "pdf-original").glob("*.pdf")
)
SAME_INSPECTION_AS_AN_EARLIER_FILE = {"knowsley-2017-sif-reinspection.pdf"}


def results_of(response):
    assert response.status_code == 200, response.content[:500]
    assert response.templates[0].name == "admin/inspections/inspection/upload_result.html"
    return {result.name: result for result in response.context["results"]}


def post_files(client, *files, **fields):
    return client.post(UPLOAD_URL, {"files": list(files), **fields})


def test_changelist_offers_upload_to_those_who_may_upload(client, editor, viewer):
    client.force_login(editor)
    assert (
        'href="/admin/inspections/inspection/upload/"'
        in client.get(CHANGELIST_URL).content.decode()
    )

    client.force_login(viewer)
    assert "Upload report" not in client.get(CHANGELIST_URL).content.decode()


def test_upload_page_shows_a_multiple_file_form(editor_client):
    page = editor_client.get(UPLOAD_URL).content.decode()

    assert 'type="file"' in page and "multiple" in page
    assert 'enctype="multipart/form-data"' in page
    assert "20.0\xa0MB" in page or "20.0 MB" in page  # the size limit is stated


def test_uploading_every_sample_pdf(editor_client, editor):
    files = [upload_file(path.name, path.read_bytes()) for path in SAMPLE_PDFS]

    results = results_of(post_files(editor_client, *files))

    assert list(results) == [path.name for path in SAMPLE_PDFS]
    page = editor_client.get(CHANGELIST_URL)  # the new inspections are listed
    assert page.status_code == 200
    for path in SAMPLE_PDFS:
        result = results[path.name]
        if path.name in SAME_INSPECTION_AS_AN_EARLIER_FILE:
            assert result.outcome == upload.Outcome.PRESENT, result.reason
            continue
        assert result.outcome == upload.Outcome.CREATED, f"{path.name}: {result.reason}"
        inspection = Inspection.objects.get(pk=result.inspection.pk)
        # The authority is the one the file is named after.
        assert path.name.startswith(inspection.authority.slug + "-"), path.name
        assert result.judgement_count == inspection.judgements.count() > 0
        assert result.recommendation_count == inspection.recommendations.count()
        assert result.warnings == inspection.parse_warnings
        assert inspection.source_filename == path.name
        assert inspection.source_file.read() == path.read_bytes()
        assert inspection.uploaded_by == editor
        assert not inspection.is_published, "admin uploads are drafts by default"
    created = [r for r in results.values() if r.outcome == upload.Outcome.CREATED]
    assert Inspection.objects.count() == len(created)
    present = results["knowsley-2017-sif-reinspection.pdf"].inspection
    assert present == results["knowsley-2017-services-for-children-reinspection.pdf"].inspection


def test_upload_stores_what_the_ingest_command_would(editor_client):
    data = read_sample(K2017_TEXT)

    result = results_of(post_files(editor_client, upload_file("k.txt", data, "text/plain")))[
        "k.txt"
    ]

    parsed = prepare(data, "k.txt").report
    stored = result.inspection
    assert (stored.framework, stored.start_date, stored.end_date, stored.lead_inspector) == (
        parsed.framework,
        parsed.start_date,
        parsed.end_date,
        parsed.lead_inspector,
    )
    assert [(j.label, j.grade_as_printed, j.grade, j.area) for j in stored.judgements.all()] == [
        (j.label, j.grade_as_printed, j.grade or "", j.area) for j in parsed.judgements
    ]
    assert [r.text for r in stored.recommendations.all()] == [
        r.text for r in parsed.recommendations
    ]


def test_result_page_links_the_new_inspection_with_its_counts(editor_client):
    response = post_files(editor_client, sample_upload(K2017_TEXT))

    inspection = Inspection.objects.get()
    page = response.content.decode()
    assert f'href="{change_url(inspection)}"' in page
    counts = (
        f"{inspection.judgements.count()} judgements, "
        f"{inspection.recommendations.count()} recommendations"
    )
    assert counts in " ".join(page.split())
    assert "held as a draft" in page
    assert "1 created, 0 already present, 0 refused" in " ".join(page.split())


def test_a_duplicate_is_already_present_and_links_the_existing_inspection(editor_client):
    existing = ingest_sample(K2017_TEXT)
    before = db_snapshot()

    response = post_files(editor_client, sample_upload(K2017_ORIGINAL))

    result = results_of(response)["knowsley-2017-sif-reinspection.pdf"]
    assert result.outcome == upload.Outcome.PRESENT
    assert result.inspection == existing
    assert f'href="{change_url(existing)}"' in response.content.decode()
    assert db_snapshot() == before


REFUSALS = {
    "html-as-pdf": (
        lambda: upload_file(HTML_AS_PDF.name, HTML_AS_PDF.read_bytes()),
        "this file is an HTML page, not a PDF",
    ),
    "corrupt-pdf": (
        lambda: upload_file(
            "truncated.pdf", read_sample(K2017_ORIGINAL)[: len(read_sample(K2017_ORIGINAL)) // 3]
        ),
        "the PDF is damaged or incomplete",
    ),
    "unknown-authority": (
        lambda: upload_file("atlantis.txt", atlantis_report(), "text/plain"),
        "authority 'Atlantis Council' is not known: add it under Authorities",
    ),
    "not-an-inspection-report": (
        lambda: upload_file("newsletter.pdf", make_pdf(["Parish newsletter", "Summer fete"])),
        "no inspection judgements found: is this an Ofsted children's services",
    ),
    "empty": (lambda: upload_file("empty.pdf", b""), "the file is empty"),
    "word-document": (
        lambda: upload_file("report.docx", b"PK\x03\x04 not really"),
        "this is a .docx file; upload the report as a PDF",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_refused_file_changes_nothing_and_says_why(editor_client, case):
    ingest_sample(K2006_TEXT)  # something already stored must survive untouched
    before = db_snapshot()
    make_file, reason = REFUSALS[case]
    uploaded = make_file()

    response = post_files(editor_client, uploaded)

    result = results_of(response)[uploaded.name]
    assert result.outcome == upload.Outcome.REFUSED
    assert reason in result.reason
    assert not result.reason.startswith(uploaded.name)  # the name is shown in its own column
    assert reason.lower() in html.unescape(response.content.decode()).lower()
    assert db_snapshot() == before


def test_an_oversized_file_is_refused_before_it_is_read(editor_client, settings, monkeypatch):
    settings.INGEST_MAX_UPLOAD_BYTES = 10_000
    monkeypatch.setattr(sandbox.IsolatedReader, "prepare", _must_not_parse)
    before = db_snapshot()

    response = post_files(editor_client, sample_upload(K2017_TEXT))

    result = results_of(response)["knowsley-2017-services-for-children-reinspection.txt"]
    assert result.outcome == upload.Outcome.REFUSED
    # Dropped as it streamed in, past the limit (ingest.upload_handlers).
    assert result.reason == "the file is larger than the limit of 9.8\xa0KB", result.reason
    assert db_snapshot() == before


def _must_not_parse(*args, **kwargs):
    raise AssertionError("an oversized file must be refused before parsing")


def test_a_parse_past_the_time_limit_is_refused(editor_client, settings, monkeypatch):
    settings.INGEST_PARSE_TIMEOUT_SECONDS = 0.5
    monkeypatch.setattr(sandbox, "PREPARE_FUNCTION", "tests.ingest.workers:sleep_forever")
    before = db_snapshot()

    response = post_files(editor_client, sample_upload(K2017_TEXT))

    result = results_of(response)["knowsley-2017-services-for-children-reinspection.txt"]
    assert result.outcome == upload.Outcome.REFUSED
    assert result.reason.startswith("this file could not be read within 0.5 seconds")
    assert db_snapshot() == before


def test_a_batch_keeps_the_good_files_and_refuses_the_bad(editor_client):
    response = post_files(
        editor_client,
        sample_upload(K2017_TEXT),
        upload_file(HTML_AS_PDF.name, HTML_AS_PDF.read_bytes()),
        sample_upload(K2006_TEXT),
    )

    outcomes = {name: r.outcome for name, r in results_of(response).items()}
    assert list(outcomes.values()) == [
        upload.Outcome.CREATED,
        upload.Outcome.REFUSED,
        upload.Outcome.CREATED,
    ]
    assert Inspection.objects.count() == 2


def test_too_many_files_at_once_is_a_form_error(editor_client):
    files = [upload_file(f"f{i}.txt", b"x", "text/plain") for i in range(21)]

    response = post_files(editor_client, *files)

    assert response.templates[0].name == "admin/inspections/inspection/upload.html"
    assert "Upload at most 20 files at a time" in response.content.decode()


def test_staff_without_upload_permission_are_refused(viewer_client):
    before = db_snapshot()

    assert viewer_client.get(UPLOAD_URL).status_code == 403
    assert viewer_client.post(UPLOAD_URL, {"files": [sample_upload(K2017_TEXT)]}).status_code == 403
    assert db_snapshot() == before


def test_a_user_who_is_not_staff_is_sent_to_log_in(client):
    user = make_user("member", "inspections.upload_report", staff=False)
    client.force_login(user)
    before = db_snapshot()

    response = client.post(UPLOAD_URL, {"files": [sample_upload(K2017_TEXT)]})

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert db_snapshot() == before


def test_anonymous_visitors_are_sent_to_log_in(client):
    before = db_snapshot()

    response = client.post(UPLOAD_URL, {"files": [sample_upload(K2017_TEXT)]})

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert db_snapshot() == before


def test_an_editor_without_publish_permission_can_only_make_drafts(editor_client):
    assert 'name="publish"' not in editor_client.get(UPLOAD_URL).content.decode()

    post_files(editor_client, sample_upload(K2017_TEXT), publish="on")

    assert not Inspection.objects.get().is_published


def test_a_publisher_may_publish_at_once(publisher_client):
    assert 'name="publish"' in publisher_client.get(UPLOAD_URL).content.decode()

    post_files(publisher_client, sample_upload(K2017_TEXT), publish="on")

    assert Inspection.objects.get().is_published


def test_a_publisher_may_publish_the_new_drafts_from_the_result_page(publisher_client):
    response = post_files(publisher_client, sample_upload(K2017_TEXT), sample_upload(K2006_TEXT))
    assert "Publish the 2 new inspections" in response.content.decode()
    ids = [str(pk) for pk in response.context["new_drafts"]]

    publisher_client.post(CHANGELIST_URL, {"action": "publish_selected", "_selected_action": ids})

    assert Inspection.objects.filter(is_published=True).count() == 2


def test_listing_date_and_address_are_kept_where_the_report_prints_no_date(editor_client):
    ilacs = sample_upload("pdf-original/liverpool-2023-ilacs.pdf")
    response = post_files(
        editor_client,
        ilacs,
        published_on="2023-04-05",
        ofsted_url="https://files.ofsted.gov.uk/v1/file/50212345",
    )

    result = results_of(response)["liverpool-2023-ilacs.pdf"]
    inspection = Inspection.objects.get(pk=result.inspection.pk)
    assert str(inspection.published_on) == "2023-04-05"
    assert inspection.published_on_source == "listing"
    assert inspection.ofsted_url == "https://files.ofsted.gov.uk/v1/file/50212345"


def test_a_date_printed_in_the_report_wins_over_the_listing(editor_client):
    response = post_files(editor_client, sample_upload(K2017_TEXT), published_on="2001-01-01")

    inspection = Inspection.objects.get(pk=next(iter(results_of(response).values())).inspection.pk)
    assert str(inspection.published_on) == "2017-06-13"
    assert inspection.published_on_source == "report"


def test_an_invalid_listing_date_is_a_form_error_and_stores_nothing(editor_client):
    before = db_snapshot()
    response = post_files(editor_client, sample_upload(K2017_TEXT), published_on="13/45/2023")

    assert response.status_code == 200
    assert response.context["form"].errors["published_on"]
    assert db_snapshot() == before


def test_a_refusal_reads_as_one_sentence_without_doubled_punctuation(editor_client):
    response = post_files(
        editor_client, upload_file("newsletter.pdf", make_pdf(["Parish newsletter"]))
    )
    page = response.content.decode()
    assert "inspection report? Nothing was stored." in page
    assert "?." not in page and ".." not in page.replace("...", "")


def test_an_upload_answers_within_its_deadline_refusing_what_it_could_not_read(
    editor_client, settings, monkeypatch
):
    settings.INGEST_UPLOAD_DEADLINE_SECONDS = 2.5
    settings.INGEST_PARALLEL_PARSES = 1
    monkeypatch.setattr(sandbox, "PREPARE_FUNCTION", "tests.ingest.workers:sleep_forever")
    files = [upload_file(f"slow{n}.pdf", b"%PDF-1.4 slow") for n in range(4)]

    started = time.perf_counter()
    response = post_files(editor_client, *files)

    assert time.perf_counter() - started < 10
    results = results_of(response)
    assert results["slow0.pdf"].reason.startswith("this file could not be read within")
    late = [results[f"slow{n}.pdf"].reason for n in (2, 3)]
    assert all(reason.startswith("not read: this upload took all the time") for reason in late)
    assert all(result.refused for result in results.values())


def test_uploading_with_no_file_chosen_is_a_form_error(editor_client):
    before = db_snapshot()
    response = editor_client.post(UPLOAD_URL, {"files": ""})
    assert response.status_code == 200
    assert response.templates[0].name == "admin/inspections/inspection/upload.html"
    assert response.context["form"].errors["files"]
    assert db_snapshot() == before
