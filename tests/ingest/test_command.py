"""The `ingest` management command: per-file lines, summary, exit status, options."""

from __future__ import annotations

import hashlib
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils.timezone import now

from ingest.corrections import record_deleted
from inspections.models import Inspection
from tests.samples import REPO_ROOT, sample_path

pytestmark = pytest.mark.django_db

HTML_AS_PDF = REPO_ROOT / "tests" / "fixtures" / "bad_input" / "birmingham-2012-not-a-pdf.pdf"


def ingest(*args) -> tuple[str, int]:
    out = StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out)
    except SystemExit as exit_:
        return out.getvalue(), exit_.code
    return out.getvalue(), 0


@pytest.fixture
def folder(tmp_path):
    reports = tmp_path / "reports" / "nested"
    reports.mkdir(parents=True)
    shutil.copy(sample_path("text/knowsley-2017-services-for-children-reinspection.txt"), reports)
    shutil.copy(
        sample_path("text/knowsley-2006-annual-performance-assessment.txt"), tmp_path / "reports"
    )
    (tmp_path / "reports" / "notes.md").write_text("ignored: not .pdf or .txt")
    return tmp_path / "reports"


def test_folder_is_read_recursively_with_a_line_per_file_and_a_summary(folder):
    output, code = ingest(folder)

    assert code == 0
    lines = output.strip().splitlines()
    assert len(lines) == 3
    assert "knowsley-2006-annual-performance-assessment.txt: created: Knowsley 2006 APA" in lines[0]
    assert "knowsley-2017-services-for-children-reinspection.txt: created" in lines[1]
    assert lines[2].startswith("2 files: 2 created, 0 unchanged, 0 replaced, 0 failed in ")
    assert Inspection.objects.count() == 2


def test_second_run_reports_unchanged(folder):
    ingest(folder)
    output, code = ingest(folder)
    assert code == 0
    assert output.count(": unchanged: ") == 2
    assert "0 created, 2 unchanged" in output


def test_failure_exits_1_and_names_the_file_and_reason(folder):
    shutil.copy(HTML_AS_PDF, folder)

    output, code = ingest(folder)

    assert code == 1
    assert "birmingham-2012-not-a-pdf.pdf: failed: this file is an HTML page, not a PDF" in output
    assert "2 created, 0 unchanged, 0 replaced, 1 failed" in output
    assert Inspection.objects.count() == 2


def test_dry_run_prints_judgements_and_recommendations_and_writes_nothing(folder):
    output, code = ingest("--dry-run", folder / "nested")

    assert code == 0
    assert "would be created" in output
    assert "Judgements:" in output and "Adoption performance" in output
    assert "Recommendations:" in output
    assert "1 dry run" in output
    assert Inspection.objects.count() == 0


def test_replace_reports_replaced(folder):
    ingest(folder)
    output, code = ingest("--replace", folder)
    assert code == 0
    assert output.count(": replaced: ") == 2


def test_replace_without_paths_rereads_out_of_date_stored_files(folder):
    ingest(folder)
    Inspection.objects.filter(framework="apa").update(parser_version="apa-0")

    output, code = ingest("--replace")

    assert code == 0
    assert output.count(": replaced: ") == 1
    assert "Knowsley 2006 APA" in output
    assert not Inspection.objects.filter(parser_version="apa-0").exists()


def test_jobs_gives_the_same_result_as_one_process(folder):
    output, code = ingest("--jobs", "2", folder)
    assert code == 0
    assert "2 created" in output
    assert Inspection.objects.count() == 2


def test_draft_flag_holds_inspections(folder):
    ingest("--draft", folder)
    assert not Inspection.objects.filter(is_published=True).exists()


def test_missing_path_is_an_error():
    with pytest.raises(CommandError, match="no such file"):
        call_command("ingest", "/nonexistent/report.pdf")


def test_replace_keeps_what_an_admin_deleted_or_relabelled(folder, django_user_model):
    editor = django_user_model.objects.create(username="editor")
    ingest(folder)
    inspection = Inspection.objects.get(framework="sif")
    deleted = inspection.judgements.get(label="Adoption performance")
    record_deleted(deleted, editor)
    deleted.delete()
    relabelled = inspection.judgements.get(label="Leadership, management and governance")
    relabelled.label, relabelled.edited_by, relabelled.edited_at = "Leadership", editor, now()
    relabelled.save()
    count = inspection.judgements.count()

    output, code = ingest("--replace", folder)

    assert code == 0
    assert inspection.judgements.count() == count
    assert "    conflict: Not restored: judgement 'Adoption performance' (Good)" in output
    assert "    conflict: Kept the manual correction of 'Leadership'" in output

    output, code = ingest("--replace", "--restore-deleted", folder)

    assert code == 0
    assert inspection.judgements.count() == count + 1
    assert "Not restored" not in output


def test_restore_deleted_needs_replace(folder):
    with pytest.raises(CommandError, match="--restore-deleted only makes sense with --replace"):
        ingest("--restore-deleted", folder)


def _manifest(folder, rows) -> str:
    path = folder / "manifest.csv"
    lines = ["file,published,ofsted_url,sha256"]
    for relative, published, url in rows:
        sha = hashlib.sha256((folder / relative).read_bytes()).hexdigest()
        lines.append(f"{relative},{published},{url},{sha}")
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def test_manifest_gives_listing_dates_and_addresses_and_lists_the_files(tmp_path):
    (tmp_path / "la").mkdir()
    shutil.copy(sample_path("pdf-original/knowsley-2021-ilacs.pdf"), tmp_path / "la" / "k.pdf")
    shutil.copy(
        sample_path("text/knowsley-2017-services-for-children-reinspection.txt"), tmp_path / "la"
    )
    manifest = _manifest(
        tmp_path,
        [
            ("la/k.pdf", "2021-04-20", "https://files.ofsted.gov.uk/v1/file/1"),
            ("la/knowsley-2017-services-for-children-reinspection.txt", "2001-01-01", ""),
        ],
    )

    output, code = ingest("--manifest", manifest)

    assert code == 0, output
    assert "2 files: 2 created" in output
    ilacs = Inspection.objects.get(framework="ilacs")
    assert (str(ilacs.published_on), ilacs.published_on_source) == ("2021-04-20", "listing")
    assert ilacs.ofsted_url == "https://files.ofsted.gov.uk/v1/file/1"
    sif = Inspection.objects.get(framework="sif")
    assert (str(sif.published_on), sif.published_on_source) == ("2017-06-13", "report")


def test_a_bad_manifest_is_refused_naming_it_and_the_line(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("file,published,sha256\nx.pdf,20 May 2021,abc\n")
    with pytest.raises(CommandError, match=r"manifest.csv, line 2: the published date"):
        call_command("ingest", "--manifest", str(path))
    path.write_text("name,published\nx.pdf,2021-05-20\n")
    with pytest.raises(CommandError, match="no column named file, sha256"):
        call_command("ingest", "--manifest", str(path))


def test_replace_without_paths_leaves_inspections_that_have_no_stored_file(folder):
    ingest(folder)
    dataset_only = Inspection.objects.get(framework="apa")
    dataset_only.source_file.name = ""
    dataset_only.parser_version = "old"
    dataset_only.save()

    output, code = ingest("--replace", "--all")

    assert code == 0, output
    assert "1 inspection without a stored file (from the national dataset) left" in output
    assert "1 files: 0 created, 0 unchanged, 1 replaced" in output.replace("1 file:", "1 files:")
    dataset_only.refresh_from_db()
    assert dataset_only.parser_version == "old"
