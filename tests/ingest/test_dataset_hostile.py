"""load_dataset against damaged and hostile datasets: all or nothing, every problem named.

Each dataset here is a slice of the real one (dataset/: 20 inspections of three kinds, with
their rows) with one line changed. Half the slice is loaded first, so a loader that stored
records one by one would add or change something before it met the bad line, which is the
last inspection (or one of its rows): the database must be exactly as it was.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ingest import dataset
from ingest.parsers import ilacs as ilacs_parser
from inspections.models import DataVersion, Inspection, Judgement, Recommendation
from official.models import OfficialRecord
from vocabulary import FROM_OFFICIAL_STATISTICS

pytestmark = pytest.mark.django_db

INSPECTIONS = dataset.INSPECTIONS_FILE
JUDGEMENTS = dataset.JUDGEMENTS_FILE
RECOMMENDATIONS = dataset.RECOMMENDATIONS_FILE
SLICE = 20
LAST = SLICE  # the line number of the last inspection in the slice


def _real(name: str) -> list[str]:
    return (dataset.DATASET_DIR / name).read_text(encoding="utf-8").splitlines()


def _sample(count: int = SLICE) -> dict[str, list[str]]:
    inspections = _real(INSPECTIONS)[:count]
    shas = {json.loads(line)["sha256"] for line in inspections}
    files = {INSPECTIONS: inspections}
    for name in (JUDGEMENTS, RECOMMENDATIONS):
        files[name] = [line for line in _real(name) if json.loads(line)["inspection"] in shas]
    return files


SAMPLE = _sample()
# The version the dataset's ILACS reports were read by, and a newer one.
ILACS = ilacs_parser.SPEC.version
NEWER_ILACS = f"ilacs-{int(ILACS.rsplit('-', 1)[1]) + 1}"
LAST_SHA = json.loads(SAMPLE[INSPECTIONS][-1])["sha256"]


def _row_of_last(name: str) -> int:
    """The index (0-based) of a row of the last inspection in the slice."""
    return next(
        index
        for index, line in enumerate(SAMPLE[name])
        if json.loads(line)["inspection"] == LAST_SHA
    )


def _write(folder: Path, files: dict[str, list[str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in files.items():
        (folder / name).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return folder


def _changed(name: str, index: int, **changes) -> dict[str, list[str]]:
    """The slice with one line's fields changed (a value of ... removes the field)."""
    files = {key: list(lines) for key, lines in SAMPLE.items()}
    record = json.loads(files[name][index])
    for key, value in changes.items():
        if value is ...:
            del record[key]
        else:
            record[key] = value
    files[name][index] = json.dumps(record, sort_keys=True)
    return files


def _state():
    """Everything a load may change, the data version included."""
    return (
        sorted(Inspection.objects.values_list(), key=repr),
        sorted(Judgement.objects.values_list(), key=repr),
        sorted(Recommendation.objects.values_list(), key=repr),
        list(DataVersion.objects.values_list()),
    )


@pytest.fixture
def half_loaded(tmp_path):
    """The first half of the slice loaded, as a database that already holds data."""
    folder = _write(tmp_path / "half", _sample(SLICE // 2))
    call_command("load_dataset", input=folder, stdout=StringIO())
    assert Inspection.objects.count() == SLICE // 2
    return _state()


def _refused(tmp_path, files, before) -> str:
    folder = _write(tmp_path / "hostile", files)
    with pytest.raises(CommandError) as raised:
        call_command("load_dataset", input=folder, stdout=StringIO())
    assert _state() == before, "a refused load changed the database"
    message = str(raised.value)
    assert "nothing was written" in message
    return message


def _where(name: str, index: int, field: str | None = None) -> str:
    where = f"{name}, line {index + 1}"
    return f"{where}, field {field}: " if field else f"{where}: "


LAST_JUDGEMENT = _row_of_last(JUDGEMENTS)
LAST_RECOMMENDATION = _row_of_last(RECOMMENDATIONS)

HOSTILE = {
    # name: (file, index, changes, the field named, words of the message)
    "unknown framework": (
        INSPECTIONS,
        LAST - 1,
        {"framework": "jtai"},
        "framework",
        "'jtai' is not a kind of report (one of apa, slac",
    ),
    "grade superb": (
        JUDGEMENTS,
        LAST_JUDGEMENT,
        {"grade": "superb"},
        "grade",
        "'superb' is not a grade (one of outstanding, good, requires-improvement, "
        "inadequate, or empty)",
    ),
    "grade 7": (JUDGEMENTS, LAST_JUDGEMENT, {"grade": 7}, "grade", "7 is not a grade"),
    "file name of 404 characters": (
        INSPECTIONS,
        LAST - 1,
        {"source_filename": "a" * 400 + ".pdf"},
        "source_filename",
        "404 characters, more than the 255 it may have",
    ),
    "recommendation of 50 MB": (
        RECOMMENDATIONS,
        LAST_RECOMMENDATION,
        {"text": "care " * (10 * 1024**2)},
        "text",
        "52,428,800 characters, more than the 20,000 it may have",
    ),
    "unknown inspection": (
        JUDGEMENTS,
        LAST_JUDGEMENT,
        {"inspection": "0" * 64},
        "inspection",
        f"no inspection with this SHA-256 in {INSPECTIONS}",
    ),
    "parse_warnings a string": (
        INSPECTIONS,
        LAST - 1,
        {"parse_warnings": "abc"},
        "parse_warnings",
        "'abc' is not a list of warnings",
    ),
    "ends before it starts": (
        INSPECTIONS,
        LAST - 1,
        {"start_date": "2022-03-29", "end_date": "2022-03-18"},
        "end_date",
        "2022-03-18 is before the start date, 2022-03-29",
    ),
    # Up to 400 days loads: the parsers warn of a long visit, and the dataset holds one
    # letter whose printed dates span 366 days, flagged.
    "years misread": (
        INSPECTIONS,
        LAST - 1,
        {"start_date": "2020-03-29", "end_date": "2022-03-18"},
        "end_date",
        "2020-03-29 to 2022-03-18 is 719 days, longer than any inspection",
    ),
    "year 2099": (
        INSPECTIONS,
        LAST - 1,
        {"end_date": "2099-03-04"},
        "end_date",
        "2099-03-04 is outside the years the dataset can hold",
    ),
    "year 0001": (
        INSPECTIONS,
        LAST - 1,
        {"start_date": "0001-02-28"},
        "start_date",
        "0001-02-28 is outside the years the dataset can hold",
    ),
    "30 February": (
        INSPECTIONS,
        LAST - 1,
        {"start_date": "2022-02-30"},
        "start_date",
        "2022-02-30 is not a date in the calendar",
    ),
    "published before it ended": (
        INSPECTIONS,
        LAST - 1,
        {"published_on": "2022-01-05"},
        "published_on",
        "2022-01-05 is before the inspection ended",
    ),
    "unknown area": (
        JUDGEMENTS,
        LAST_JUDGEMENT,
        {"area": "vibes"},
        "area",
        "'vibes' is not an area",
    ),
    "unknown recommendation kind": (
        RECOMMENDATIONS,
        LAST_RECOMMENDATION,
        {"kind": "suggestion"},
        "kind",
        "'suggestion' is not a kind of recommendation",
    ),
    "unknown timescale": (
        RECOMMENDATIONS,
        LAST_RECOMMENDATION,
        {"timescale": "eventually"},
        "timescale",
        "'eventually' is not a timescale",
    ),
    "unknown inspection type": (
        INSPECTIONS,
        LAST - 1,
        {"inspection_type": "surprise"},
        "inspection_type",
        "'surprise' is not an inspection type",
    ),
    "javascript address": (
        INSPECTIONS,
        LAST - 1,
        {"ofsted_url": "javascript:alert(1)"},
        "ofsted_url",
        "'javascript:alert(1)' is not an http or https address",
    ),
    "not a SHA-256": (
        INSPECTIONS,
        LAST - 1,
        {"sha256": "../../etc/passwd"},
        "sha256",
        "'../../etc/passwd' is not a SHA-256 (64 lower-case hexadecimal digits)",
    ),
    "NUL in a label": (
        JUDGEMENTS,
        LAST_JUDGEMENT,
        {"label": "Overall\x00effectiveness"},
        "label",
        "holds the character '\\x00'",
    ),
    "lone surrogate": (
        RECOMMENDATIONS,
        LAST_RECOMMENDATION,
        {"text": "broken \ud800 text"},
        "text",
        "holds the character '\\ud800'",
    ),
    "page out of range": (
        JUDGEMENTS,
        LAST_JUDGEMENT,
        {"page": 2**40},
        "page",
        "1099511627776 is outside 1 to 100,000",
    ),
    "page true": (JUDGEMENTS, LAST_JUDGEMENT, {"page": True}, "page", "true is not a whole number"),
    "a field missing": (JUDGEMENTS, LAST_JUDGEMENT, {"label": ...}, "label", "missing"),
    "a field unknown": (
        INSPECTIONS,
        LAST - 1,
        {"rating": "good"},
        "rating",
        "not a field of this file",
    ),
    "unknown authority": (
        INSPECTIONS,
        LAST - 1,
        {"authority": "atlantis"},
        "authority",
        "no authority 'atlantis' in this database",
    ),
    "parser version without a number": (
        INSPECTIONS,
        LAST - 1,
        {"parser_version": "ilacs"},
        "parser_version",
        "'ilacs' is not a parser version",
    ),
    "grade against its printing": (
        JUDGEMENTS,
        LAST_JUDGEMENT,
        {"grade": "outstanding", "grade_as_printed": "Inadequate"},
        "grade",
        "'outstanding', but the grade as printed, 'Inadequate', reads as 'inadequate'",
    ),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_record_refuses_the_whole_load_naming_line_and_field(case, tmp_path, half_loaded):
    name, index, changes, field, words = HOSTILE[case]

    message = _refused(tmp_path, _changed(name, index, **changes), half_loaded)

    assert f"{_where(name, index, field)}{words}" in message


def test_a_duplicate_line_is_refused(tmp_path, half_loaded):
    files = {key: list(lines) for key, lines in SAMPLE.items()}
    files[JUDGEMENTS].append(files[JUDGEMENTS][LAST_JUDGEMENT])
    files[INSPECTIONS].append(files[INSPECTIONS][LAST - 1])

    message = _refused(tmp_path, files, half_loaded)

    duplicate = len(files[JUDGEMENTS])
    assert f"{JUDGEMENTS}, line {duplicate}, field order: a duplicate of line " in message
    assert f"{INSPECTIONS}, line {SLICE + 1}, field sha256: a duplicate of line {LAST}" in message


def test_the_same_inspection_from_two_files_is_refused(tmp_path, half_loaded):
    files = {key: list(lines) for key, lines in SAMPLE.items()}
    copy = json.loads(files[INSPECTIONS][LAST - 1])
    copy["sha256"] = "f" * 64
    files[INSPECTIONS].append(json.dumps(copy))

    message = _refused(tmp_path, files, half_loaded)

    assert (
        f"{INSPECTIONS}, line {SLICE + 1}: the same inspection (authority, kind of report "
        f"and dates) as line {LAST}" in message
    )


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b'{"authority": "barnet", ', "not JSON"),
        (b"\xff\xfe{}", "not UTF-8 (byte 1)"),
        (b"[1, 2, 3]", "[1, 2, 3] is not a record (a JSON object)"),
        (b"", "blank; every line holds one record"),
        (b'{"order": 1, "order": 2}', "the field 'order' is given twice"),
        (b"[" * 100_000 + b"]" * 100_000, "not a record: nested too deeply"),
    ],
)
def test_a_line_that_is_not_a_record_is_named(raw, words, tmp_path, half_loaded):
    folder = _write(tmp_path / "hostile", SAMPLE)
    path = folder / RECOMMENDATIONS
    lines = path.read_bytes().splitlines()
    lines.insert(3, raw)
    path.write_bytes(b"\n".join(lines) + b"\n")

    with pytest.raises(CommandError) as raised:
        call_command("load_dataset", input=folder, stdout=StringIO())

    assert f"{RECOMMENDATIONS}, line 4: {words}" in str(raised.value)
    assert _state() == half_loaded


def test_a_judgement_of_an_ungraded_visit_is_refused(tmp_path, half_loaded):
    visit = next(json.loads(line) for line in SAMPLE[INSPECTIONS] if '"focused-visit"' in line)
    files = _changed(JUDGEMENTS, LAST_JUDGEMENT, inspection=visit["sha256"])

    message = _refused(tmp_path, files, half_loaded)

    assert (
        f"{_where(JUDGEMENTS, LAST_JUDGEMENT, 'inspection')}a judgement of a focused visit"
        in message
    )


def test_every_problem_is_named_not_just_the_first(tmp_path, half_loaded):
    files = _changed(INSPECTIONS, 0, framework="jtai", parse_warnings="abc")
    files[INSPECTIONS][5] = files[INSPECTIONS][5].replace('"title":"', '"title":"' + "t" * 300)
    record = json.loads(files[RECOMMENDATIONS][LAST_RECOMMENDATION])
    record["timescale"] = "eventually"
    files[RECOMMENDATIONS][LAST_RECOMMENDATION] = json.dumps(record)

    message = _refused(tmp_path, files, half_loaded)

    assert "4 problems" in message
    assert _where(INSPECTIONS, 0, "framework") in message
    assert _where(INSPECTIONS, 0, "parse_warnings") in message
    assert f"{_where(INSPECTIONS, 5, 'title')}3" in message
    assert _where(RECOMMENDATIONS, LAST_RECOMMENDATION, "timescale") in message


def test_a_failure_while_writing_writes_nothing(
    tmp_path, half_loaded, monkeypatch, django_capture_on_commit_callbacks
):
    """The last step (rows of new inspections) fails: the inspections inserted before it go
    too, and the data version is not bumped."""

    def refuse(*args, **kwargs):
        raise IntegrityError("the database refused it")

    monkeypatch.setattr(Recommendation.objects, "bulk_create", refuse)
    folder = _write(tmp_path / "whole", SAMPLE)

    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(CommandError, match="nothing was loaded: the database refused it"),
    ):
        call_command("load_dataset", input=folder, stdout=StringIO())

    assert _state() == half_loaded
    assert callbacks == []


def test_pages_still_render_after_a_refused_load(tmp_path, half_loaded, client):
    _refused(tmp_path, _changed(INSPECTIONS, LAST - 1, framework="jtai"), half_loaded)
    _refused(tmp_path, _changed(JUDGEMENTS, LAST_JUDGEMENT, grade="superb"), half_loaded)

    inspection = Inspection.objects.select_related("authority").first()
    for address in (
        "/",
        "/authorities/",
        f"/authorities/{inspection.authority.slug}/",
        inspection.get_absolute_url(),
        "/inspections/",
        "/judgements/",
        "/recommendations/?q=care",
        "/compare/",
        "/england/",
        "/judgements.csv",
        "/inspections.json",
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert inspection.authority.name.encode() in body or address in ("/", "/england/")


# --------------------------------------------------------------------------- older readings


def _with_version(files, index: int, version: str) -> dict[str, list[str]]:
    files = {key: list(lines) for key, lines in files.items()}
    record = json.loads(files[INSPECTIONS][index])
    record["parser_version"] = version
    files[INSPECTIONS][index] = json.dumps(record)
    return files


def test_an_older_reading_does_not_replace_a_newer_one(tmp_path):
    """An ILACS report read by a newer ilacs parser stays as that one read it when the
    dataset is the current parser's, and the command says which inspection it left and why."""
    ilacs = next(index for index, line in enumerate(SAMPLE[INSPECTIONS]) if f'"{ILACS}"' in line)
    call_command(
        "load_dataset",
        input=_write(tmp_path / "newer", _with_version(SAMPLE, ilacs, NEWER_ILACS)),
        stdout=StringIO(),
    )
    newer = _state()
    out = StringIO()

    call_command("load_dataset", input=_write(tmp_path / "older", SAMPLE), stdout=out)

    assert _state() == newer
    sha = json.loads(SAMPLE[INSPECTIONS][ilacs])["sha256"]
    assert Inspection.objects.get(sha256=sha).parser_version == NEWER_ILACS
    printed = out.getvalue()
    assert (
        f"left: {INSPECTIONS}, line {ilacs + 1} (" in printed
        and f"the stored reading, by {NEWER_ILACS}, is newer than the dataset's, by {ILACS}; "
        "--allow-older loads the dataset's"
        in printed
    )
    assert f"0 replaced, {SLICE - 1} unchanged, 1 left as stored" in printed


def test_allow_older_loads_an_older_reading_keeping_corrections(tmp_path):
    ilacs = next(index for index, line in enumerate(SAMPLE[INSPECTIONS]) if f'"{ILACS}"' in line)
    call_command(
        "load_dataset",
        input=_write(tmp_path / "newer", _with_version(SAMPLE, ilacs, "ilacs-10")),
        stdout=StringIO(),
    )
    sha = json.loads(SAMPLE[INSPECTIONS][ilacs])["sha256"]
    corrected = Judgement.objects.filter(inspection__sha256=sha).first()
    corrected.grade_as_printed = "Good (corrected)"
    corrected.edited_at = timezone.now()
    corrected.save()
    out = StringIO()

    call_command(
        "load_dataset", input=_write(tmp_path / "older", SAMPLE), allow_older=True, stdout=out
    )

    # "ilacs-10" against a single-digit version: numbers, not text, are compared.
    assert Inspection.objects.get(sha256=sha).parser_version == ILACS
    corrected.refresh_from_db()
    assert corrected.grade_as_printed == "Good (corrected)"
    assert "1 replaced" in out.getvalue() and "0 left as stored" in out.getvalue()


@pytest.mark.parametrize(
    ("version", "stored", "older"),
    [
        ("ilacs-2", "ilacs-3", True),
        ("ilacs-2", "ilacs-10", True),
        ("ilacs-10", "ilacs-9", False),
        ("focused-visit-3", "focused-visit-4", True),
        ("ilacs-2026-1", "ilacs-2026-2", True),
        ("sif-2", "ilacs-3", False),  # another parser: not ordered
        ("ilacs-2", "synthetic", False),
        ("ilacs-2", "ilacs-2", False),
    ],
)
def test_parser_versions_compare_by_parser_and_number(version, stored, older):
    assert dataset.is_older_reading(version, stored) is older


# --------------------------------------------------------------------------- in bulk


def test_a_load_bumps_the_data_version_once(tmp_path, django_capture_on_commit_callbacks):
    folder = _write(tmp_path / "whole", SAMPLE)
    version = DataVersion.objects.get().version

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("load_dataset", input=folder, stdout=StringIO())

    assert Inspection.objects.count() == SLICE
    assert len(callbacks) == 1
    assert DataVersion.objects.get().version == version + 1


OFFICIAL_ROWS = "LA_Inspection_Outcomes_as_at_31_March_2025.jsonl"


def _with_tables(folder: Path, lines: list[str]) -> Path:
    """The folder with Ofsted's tables beside the reports (dataset/official/)."""
    _write(folder / "official", {OFFICIAL_ROWS: lines})
    return folder


def test_reports_and_tables_load_in_one_transaction_that_bumps_once(
    tmp_path, django_capture_on_commit_callbacks
):
    tables = (dataset.DATASET_DIR / "official" / OFFICIAL_ROWS).read_text().splitlines()[:40]
    folder = _with_tables(_write(tmp_path / "whole", SAMPLE), tables)
    version = DataVersion.objects.get().version

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("load_dataset", input=folder, stdout=StringIO())

    assert Inspection.objects.exclude(parser_version=FROM_OFFICIAL_STATISTICS).count() == SLICE
    assert OfficialRecord.objects.count() == 40
    assert Inspection.objects.filter(parser_version=FROM_OFFICIAL_STATISTICS).exists()
    assert len(callbacks) == 1
    assert DataVersion.objects.get().version == version + 1


def test_a_table_that_cannot_be_read_loads_no_report_either(
    tmp_path, half_loaded, django_capture_on_commit_callbacks
):
    tables = (dataset.DATASET_DIR / "official" / OFFICIAL_ROWS).read_text().splitlines()[:3]
    folder = _with_tables(_write(tmp_path / "whole", SAMPLE), [*tables, "{not json"])

    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(CommandError, match=rf"{OFFICIAL_ROWS}, line 4: not a table row"),
    ):
        call_command("load_dataset", input=folder, stdout=StringIO())

    assert _state() == half_loaded
    assert not OfficialRecord.objects.exists()
    assert callbacks == []


def test_replacing_many_readings_bumps_once(tmp_path, django_capture_on_commit_callbacks):
    call_command("load_dataset", input=_write(tmp_path / "old", SAMPLE), stdout=StringIO())
    newer = SAMPLE
    for index in range(SLICE):
        version = json.loads(SAMPLE[INSPECTIONS][index])["parser_version"]
        name, number = version.rsplit("-", 1)
        newer = _with_version(newer, index, f"{name}-{int(number) + 1}")
    version = DataVersion.objects.get().version
    rows = (Judgement.objects.count(), Recommendation.objects.count())

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        call_command("load_dataset", input=_write(tmp_path / "new", newer), stdout=StringIO())

    assert (
        Inspection.objects.exclude(parser_version__in=[NEWER_ILACS, "sif-3"])
        .filter(framework__in=["ilacs", "sif"])
        .count()
        == 0
    )
    assert (Judgement.objects.count(), Recommendation.objects.count()) == rows
    # The parsed rows replaced: one DELETE a table, not one per hundred rows.
    assert len([q for q in queries if q["sql"].startswith("DELETE")]) == 2
    assert len(callbacks) == 1
    assert DataVersion.objects.get().version == version + 1


def test_a_reload_with_nothing_new_writes_nothing(tmp_path, django_capture_on_commit_callbacks):
    folder = _write(tmp_path / "whole", SAMPLE)
    call_command("load_dataset", input=folder, stdout=StringIO())
    before = _state()
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("load_dataset", input=folder, stdout=out)

    assert callbacks == []
    assert _state() == before
    assert f"0 created, 0 replaced, {SLICE} unchanged" in out.getvalue()


def test_a_newer_dataset_keeps_every_correction_of_every_inspection(tmp_path):
    """The re-parse rules, in bulk: rows corrected or added by hand are kept, rows deleted
    by hand stay deleted, and each is noted on its inspection and printed."""
    from ingest import corrections

    call_command("load_dataset", input=_write(tmp_path / "old", SAMPLE), stdout=StringIO())
    first, second = Inspection.objects.filter(framework="ilacs").order_by("pk")[:2]
    corrected = first.judgements.order_by("order").first()
    corrected.grade_as_printed = "Good (corrected)"
    corrected.edited_at = timezone.now()
    corrected.save()
    added = Recommendation.objects.create(
        inspection=first,
        section="Added by hand",
        text="Something the parse missed",
        order=99,
        edited_at=timezone.now(),
    )
    removed = second.judgements.order_by("order").last()
    corrections.record_deleted(removed, None)
    removed.delete()
    newer = SAMPLE
    for index in range(SLICE):
        version = json.loads(SAMPLE[INSPECTIONS][index])["parser_version"]
        name, number = version.rsplit("-", 1)
        newer = _with_version(newer, index, f"{name}-{int(number) + 1}")
    out = StringIO()

    call_command("load_dataset", input=_write(tmp_path / "new", newer), stdout=out)

    assert f"0 created, {SLICE} replaced" in out.getvalue()
    corrected.refresh_from_db()
    assert corrected.grade_as_printed == "Good (corrected)"
    assert first.judgements.filter(label=corrected.label).count() == 1
    assert Recommendation.objects.filter(pk=added.pk).exists()
    assert not second.judgements.filter(label=removed.label).exists()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.parser_version == NEWER_ILACS and second.parser_version == NEWER_ILACS
    assert any("Kept the manual correction" in note for note in first.parse_warnings)
    assert any(note.startswith("Not restored: judgement") for note in second.parse_warnings)
    printed = out.getvalue()
    assert "conflict: inspections.jsonl, line" in printed and "Not restored: judgement" in printed
    counts = (Judgement.objects.count(), Recommendation.objects.count())
    # Loading the newer dataset again: nothing to do, the corrections stay.
    call_command("load_dataset", input=tmp_path / "new", stdout=StringIO())
    assert (Judgement.objects.count(), Recommendation.objects.count()) == counts


# --------------------------------------------------------------------------- the model's limits


@pytest.mark.parametrize(
    ("schema", "model"),
    [
        (dataset.INSPECTION_SCHEMA, Inspection),
        (dataset.JUDGEMENT_SCHEMA, Judgement),
        (dataset.RECOMMENDATION_SCHEMA, Recommendation),
    ],
)
def test_every_text_field_the_dataset_fills_is_held_to_its_column(schema, model):
    """Whatever its field (a choice, an address, free text), a value one character longer
    than its column holds is refused before anything is written; a TextField is held to
    the dataset's limit on text."""
    from django.db import models

    from ingest.dataset_schema import LONGEST_TEXT, check_record

    checked = {field.name for field in schema}
    columns = [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField) and field.name in checked
    ]
    assert len(columns) >= 4
    for column in columns:
        limit = column.max_length or LONGEST_TEXT
        values, problems = check_record(schema, {column.name: "a" * (limit + 1)})
        assert column.name not in values, column.name
        assert any(name == column.name for name, _ in problems), column.name
        if not column.choices and column.name not in ("sha256", "ofsted_url"):
            message = dict(problems)[column.name]
            assert message == f"{limit + 1:,} characters, more than the {limit:,} it may have"


def test_a_line_too_long_to_read_is_skipped_and_named(tmp_path, half_loaded, monkeypatch):
    """A line is read with a bound (64 MB; 2,000 bytes here), and reading goes on after it."""
    from ingest import dataset_schema

    monkeypatch.setattr(dataset_schema, "LONGEST_LINE_BYTES", 2_000)
    files = _changed(RECOMMENDATIONS, 3, text="x" * 5_000, timescale="eventually")
    files = {key: list(lines) for key, lines in files.items()}
    files[RECOMMENDATIONS][5] = files[RECOMMENDATIONS][5].replace('"kind":"', '"kind":"no-')

    message = _refused(tmp_path, files, half_loaded)

    assert f"{RECOMMENDATIONS}, line 4: longer than 2,000 bytes; not read" in message
    assert "1 problem" not in message and _where(RECOMMENDATIONS, 5, "kind") in message
