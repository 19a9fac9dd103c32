"""Loading reports into the database: bad input, duplicates, transactions, re-parsing."""

from __future__ import annotations

import os
from datetime import date

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from authorities.models import Authority
from ingest.corrections import record_deleted, row_key, row_keys
from ingest.load import Status, ingest_bytes, load, prepare
from inspections.models import DeletedRow, Inspection, Judgement, Recommendation
from tests.pdfgen import make_pdf
from tests.samples import REPO_ROOT, sample_path
from vocabulary import Area, Framework, Grade

pytestmark = pytest.mark.django_db

K2017_TEXT = "text/knowsley-2017-services-for-children-reinspection.txt"
K2017_PDF = "pdf/knowsley-2017-services-for-children-reinspection.pdf"
K2017_ORIGINAL = "pdf-original/knowsley-2017-sif-reinspection.pdf"
K2006_TEXT = "text/knowsley-2006-annual-performance-assessment.txt"
HTML_AS_PDF = REPO_ROOT / "tests" / "fixtures" / "bad_input" / "birmingham-2012-not-a-pdf.pdf"


def read(relative: str) -> bytes:
    return sample_path(relative).read_bytes()


def counts() -> tuple[int, int, int]:
    return Inspection.objects.count(), Judgement.objects.count(), Recommendation.objects.count()


def stored_files() -> list[str]:
    root = default_storage.location
    return sorted(os.path.join(d, f) for d, _, files in os.walk(root) for f in files)


def test_creates_inspection_with_judgements_and_recommendations():
    result = ingest_bytes(read(K2017_TEXT), "knowsley-2017.txt")

    assert result.status == Status.CREATED, result.message
    inspection = result.inspection
    assert inspection.authority.slug == "knowsley"
    assert inspection.framework == Framework.SIF
    assert inspection.inspection_type == "reinspection"
    assert (inspection.start_date, inspection.end_date) == (date(2017, 3, 13), date(2017, 3, 24))
    assert inspection.published_on == date(2017, 6, 13)
    assert inspection.source_filename == "knowsley-2017.txt"
    assert len(inspection.sha256) == 64
    assert inspection.parser_version.startswith("sif")
    assert inspection.is_published
    assert inspection.source_file.read() == read(K2017_TEXT)
    judgements = list(inspection.judgements.all())
    assert [j.order for j in judgements] == sorted(j.order for j in judgements)
    adoption = next(j for j in judgements if j.area == Area.ADOPTION)
    assert (adoption.grade_as_printed, adoption.grade) == ("Good", Grade.GOOD)
    assert inspection.recommendations.count() == 8
    assert "Knowsley 2017" in result.message and "6 judgements, 8 recommendations" in result.message


def test_same_file_twice_is_unchanged_and_stored_once():
    first = ingest_bytes(read(K2017_TEXT), "a.txt")
    before = counts()

    second = ingest_bytes(read(K2017_TEXT), "copy-of-a.txt")

    assert second.status == Status.UNCHANGED
    assert second.inspection == first.inspection
    assert f"#{first.inspection.pk}" in second.message
    assert counts() == before


@pytest.mark.parametrize("other", [K2017_PDF, K2017_ORIGINAL])
def test_second_file_of_the_same_inspection_is_unchanged_naming_it(other):
    first = ingest_bytes(read(K2017_TEXT), "knowsley-2017.txt")
    before = counts()
    files = stored_files()

    second = ingest_bytes(read(other), other.split("/")[-1])

    assert second.status == Status.UNCHANGED, second.message
    assert second.inspection == first.inspection
    assert "knowsley-2017.txt" in second.message and "Knowsley 2017" in second.message
    assert counts() == before
    assert stored_files() == files


BAD_INPUTS = {
    "empty.pdf": (b"", "empty"),
    "empty.txt": (b"   \n", "empty"),
    "random.pdf": (os.urandom(4096).replace(b"%PDF", b"____"), "not a PDF"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "neither a PDF nor a text report"),
    "birmingham-2012-not-a-pdf.pdf": (HTML_AS_PDF.read_bytes(), "HTML page, not a PDF"),
    "truncated.pdf": (None, "PDF"),
    "newsletter.pdf": (
        make_pdf(["Parish newsletter", "Summer fete on Saturday"]),
        "no inspection judgements found",
    ),
    "monitoring-visit.pdf": (
        make_pdf(["Monitoring visit to Knowsley children's services", "Dear Ms Smith"]),
        "monitoring visit",
    ),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_is_refused_with_a_clear_message_and_stores_nothing(name):
    ingest_bytes(read(K2006_TEXT), "kept.txt")  # something already stored must survive
    before, files = counts(), stored_files()
    data, expected = BAD_INPUTS[name]
    if data is None:
        whole = read(K2017_ORIGINAL)
        data = whole[: len(whole) // 3]

    result = ingest_bytes(data, name)

    assert result.status == Status.FAILED
    assert result.message.startswith(f"{name}:"), result.message
    assert expected in result.message
    assert counts() == before
    assert stored_files() == files


def test_unknown_authority_is_refused_with_how_to_add_it():
    text = read(K2017_TEXT).decode("utf-8").replace("Knowsley", "Atlantis")
    before = counts()

    result = ingest_bytes(text.encode(), "atlantis.txt")

    assert result.status == Status.FAILED
    assert "authority 'Atlantis Council' is not known" in result.message
    assert "add it under Authorities" in result.message
    assert counts() == before
    assert not Authority.objects.filter(name__icontains="atlantis").exists()


def test_failure_half_way_through_loading_leaves_nothing(monkeypatch):
    before, files = counts(), stored_files()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full half-way")

    monkeypatch.setattr(Recommendation.objects, "bulk_create", explode)
    with pytest.raises(RuntimeError):
        ingest_bytes(read(K2017_TEXT), "k.txt")

    assert counts() == before
    assert stored_files() == files


def test_dry_run_writes_nothing():
    result = ingest_bytes(read(K2017_TEXT), "k.txt", dry_run=True)

    assert result.status == Status.WOULD_CREATE
    assert len(result.report.judgements) == 6
    assert counts() == (0, 0, 0)
    assert stored_files() == []


def test_draft_is_not_published():
    result = ingest_bytes(read(K2017_TEXT), "k.txt", publish=False)
    assert result.status == Status.CREATED
    assert not result.inspection.is_published
    assert Inspection.objects.published().count() == 0


def test_replace_rereads_and_keeps_manual_corrections_reporting_the_conflict(django_user_model):
    admin = django_user_model.objects.create(username="editor")
    inspection = ingest_bytes(read(K2017_TEXT), "k.txt").inspection
    adoption = inspection.judgements.get(area=Area.ADOPTION)
    adoption.grade_as_printed, adoption.grade = "Outstanding", Grade.OUTSTANDING
    adoption.edited_by, adoption.edited_at = admin, timezone.now()
    adoption.save()
    added = Recommendation.objects.create(
        inspection=inspection,
        section="Recommendations",
        text="A recommendation an admin added by hand.",
        order=99,
        edited_by=admin,
        edited_at=timezone.now(),
    )
    Inspection.objects.filter(pk=inspection.pk).update(parser_version="old")

    result = ingest_bytes(read(K2017_TEXT), "k.txt", replace=True)

    assert result.status == Status.REPLACED
    assert result.inspection.pk == inspection.pk
    inspection.refresh_from_db()
    assert inspection.parser_version != "old"
    adoption.refresh_from_db()
    assert adoption.grade == Grade.OUTSTANDING  # the correction survived
    assert inspection.judgements.filter(area=Area.ADOPTION).count() == 1
    assert Recommendation.objects.filter(pk=added.pk).exists()
    assert inspection.recommendations.count() == 9
    assert any("Adoption performance" in c and "Good" in c for c in result.conflicts)
    assert any("manual correction" in w for w in inspection.parse_warnings)


def test_replace_of_unchanged_file_without_edits_gives_the_same_rows():
    first = ingest_bytes(read(K2017_TEXT), "k.txt").inspection
    rows = list(first.judgements.values_list("label", "grade"))

    result = ingest_bytes(read(K2017_TEXT), "k.txt", replace=True)

    assert result.status == Status.REPLACED
    assert list(result.inspection.judgements.values_list("label", "grade")) == rows
    assert counts()[0] == 1


def _delete_by_hand(row, user) -> None:
    record_deleted(row, user)
    row.delete()


def test_replace_leaves_rows_deleted_by_hand_deleted_and_names_them(django_user_model):
    editor = django_user_model.objects.create(username="editor")
    inspection = ingest_bytes(read(K2017_TEXT), "k.txt").inspection
    adoption = inspection.judgements.get(area=Area.ADOPTION)
    recommendation = inspection.recommendations.first()
    _delete_by_hand(adoption, editor)
    _delete_by_hand(recommendation, editor)
    before = counts()

    result = ingest_bytes(read(K2017_TEXT), "k.txt", replace=True)

    assert result.status == Status.REPLACED
    assert counts() == before
    assert not inspection.judgements.filter(label=adoption.label).exists()
    not_restored = [c for c in result.conflicts if c.startswith("Not restored:")]
    assert len(not_restored) == 2
    assert f"judgement '{adoption.label}' (Good)" in not_restored[0]
    assert recommendation.text[:40] in not_restored[1]

    result = ingest_bytes(read(K2017_TEXT), "k.txt", replace=True, restore_deleted=True)

    assert counts() == (before[0], before[1] + 1, before[2] + 1)
    assert inspection.judgements.get(label=adoption.label).grade == Grade.GOOD
    assert not DeletedRow.objects.exists() and result.conflicts == []


def test_replace_matches_a_relabelled_row_by_what_was_parsed(django_user_model):
    editor = django_user_model.objects.create(username="editor")
    inspection = ingest_bytes(read(K2017_TEXT), "k.txt").inspection
    adoption = inspection.judgements.get(area=Area.ADOPTION)
    adoption.label, adoption.edited_by, adoption.edited_at = "Adoption", editor, timezone.now()
    adoption.save()
    before = counts()

    result = ingest_bytes(read(K2017_TEXT), "k.txt", replace=True)

    assert counts() == before
    adoption.refresh_from_db()
    assert adoption.label == "Adoption"
    assert result.conflicts == [
        "Kept the manual correction of 'Adoption' (Good); "
        "the report now reads 'Adoption performance': 'Good'"
    ]


def test_a_row_added_by_hand_is_not_doubled_when_the_parse_later_reads_it(django_user_model):
    editor = django_user_model.objects.create(username="editor")
    inspection = ingest_bytes(read(K2017_TEXT), "k.txt").inspection
    adoption = inspection.judgements.get(area=Area.ADOPTION)
    adoption.delete()  # as if an older parser had missed it...
    Judgement.objects.create(  # ...and an admin had added it by hand
        inspection=inspection,
        section=adoption.section,
        label=adoption.label.upper(),
        grade_as_printed="Good",
        grade=Grade.GOOD,
        area=Area.ADOPTION,
        edited_by=editor,
        edited_at=timezone.now(),
    )
    before = counts()

    result = ingest_bytes(read(K2017_TEXT), "k.txt", replace=True)

    assert counts() == before
    assert result.conflicts == []


def test_rows_printed_twice_are_told_apart():
    assert row_keys([("S", "Overall"), ("S", " overall "), ("T", "Overall")]) == [
        row_key("S", "Overall", 1),
        row_key("S", "Overall", 2),
        row_key("T", "Overall", 1),
    ]
    assert len(set(row_keys([("S", "Overall"), ("S", "Overall")]))) == 2


def test_stored_rows_carry_the_key_they_were_parsed_with():
    inspection = ingest_bytes(read(K2017_TEXT), "k.txt").inspection
    judgements = list(inspection.judgements.order_by("order"))
    assert [j.parsed_key for j in judgements] == row_keys((j.section, j.label) for j in judgements)


def test_prepare_does_not_touch_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        prepared = prepare(read(K2017_TEXT), "k.txt")
    assert prepared.report is not None and not prepared.error


def test_load_reports_prepared_error():
    prepared = prepare(b"", "empty.txt")
    result = load(prepared, b"")
    assert result.status == Status.FAILED and "empty" in result.message
